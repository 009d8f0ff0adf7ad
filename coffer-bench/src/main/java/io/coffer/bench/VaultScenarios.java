package io.coffer.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Builds the Vault API scenarios against one server: {@value #HEALTH} ({@code GET
 * /v1/sys/health}), {@value #KV_READ} ({@code GET /v1/<mount>/data/bench/key-<i>}) and
 * {@value #KV_WRITE} ({@code PUT} of {@code {"data":{"value":"…"}}} to the same paths), plus
 * the seed writes that must precede {@code kv-read}. Every request carries
 * {@code X-Vault-Token} when a token is configured. The login scenarios
 * ({@value #APPROLE_LOGIN}, {@value #USERPASS_LOGIN}) are named here but built by
 * {@link LoginScenarios}, since their requests exist only after a set-up on the server.
 *
 * <p>The value is one random string of printable ASCII (no quote or backslash, so it needs no
 * JSON escaping) of exactly the configured size, shared by all writes of a run.
 */
public final class VaultScenarios {
    /** Name of the no-op baseline scenario. */
    public static final String HEALTH = "health";
    /** Name of the KV v2 read scenario. */
    public static final String KV_READ = "kv-read";
    /** Name of the KV v2 write scenario. */
    public static final String KV_WRITE = "kv-write";
    /** Name of the AppRole login scenario (token creation path). */
    public static final String APPROLE_LOGIN = "approle-login";
    /** Name of the userpass login scenario (bcrypt check + token creation). */
    public static final String USERPASS_LOGIN = "userpass-login";
    /** The built-in scenario names, the default ones first. */
    public static final List<String> NAMES = List.of(HEALTH, KV_READ, KV_WRITE, APPROLE_LOGIN, USERPASS_LOGIN);

    private final HttpEndpoint endpoint;
    private final Map<String, String> headers;
    private final String mount;
    private final int keys;
    private final byte[] writeBody;

    /**
     * @param endpoint the Vault-compatible server
     * @param token the token to send, or null for none
     * @param mount KV v2 mount path without surrounding slashes
     * @param keys number of distinct keys, at least 1
     * @param valueSize length of the written value in bytes
     * @param random source of the value's characters
     */
    public VaultScenarios(HttpEndpoint endpoint, String token, String mount, int keys, int valueSize,
                          RandomGenerator random) {
        if (keys < 1 || valueSize < 0) {
            throw new IllegalArgumentException("keys must be positive and value size non-negative");
        }
        this.endpoint = endpoint;
        this.headers = token == null || token.isEmpty() ? Map.of() : Map.of("X-Vault-Token", token);
        this.mount = mount;
        this.keys = keys;
        this.writeBody = ("{\"data\":{\"value\":\"" + printable(valueSize, random) + "\"}}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether {@code name} is one of {@link #NAMES}. */
    public static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    /** Whether {@code name} is a login scenario, built by {@link LoginScenarios} after its set-up. */
    public static boolean isLogin(String name) {
        return name.equals(APPROLE_LOGIN) || name.equals(USERPASS_LOGIN);
    }

    /** The scenario called {@code name}, one of {@link #NAMES} except the login scenarios. */
    public Scenario scenario(String name) {
        return switch (name) {
            case HEALTH -> new Scenario(HEALTH, endpoint,
                    List.of(EncodedRequest.get(endpoint, "/v1/sys/health", headers)));
            case KV_READ -> new Scenario(KV_READ, endpoint, reads());
            case KV_WRITE -> new Scenario(KV_WRITE, endpoint, writes());
            case APPROLE_LOGIN, USERPASS_LOGIN ->
                    throw new IllegalArgumentException(name + " needs a set-up on the server: see LoginScenarios");
            default -> throw new IllegalArgumentException("unknown scenario: " + name);
        };
    }

    /** One write per key, in key order: running each once seeds the keys {@code kv-read} reads. */
    public List<EncodedRequest> seedRequests() {
        return writes();
    }

    /** The request path of key {@code i}. */
    public String keyPath(int i) {
        return "/v1/" + mount + "/data/bench/key-" + i;
    }

    private List<EncodedRequest> reads() {
        List<EncodedRequest> requests = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            requests.add(EncodedRequest.get(endpoint, keyPath(i), headers));
        }
        return requests;
    }

    private List<EncodedRequest> writes() {
        List<EncodedRequest> requests = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            requests.add(EncodedRequest.put(endpoint, keyPath(i), headers, "application/json", writeBody));
        }
        return requests;
    }

    static String printable(int length, RandomGenerator random) {
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            char c = (char) random.nextInt('!', '~' + 1);
            if (c != '"' && c != '\\') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

package io.coffer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Sets up and builds the login scenarios, whose requests carry credentials that exist only after
 * a few administrative calls (made with the configured token, over one keep-alive connection):
 *
 * <ul>
 *   <li>{@value VaultScenarios#APPROLE_LOGIN}: enables {@code approle} at {@code auth/<mount>}
 *       unless an {@code approle} mount is already there, writes role {@value #ROLE} with
 *       {@code token_policies=default}, {@code secret_id_num_uses=0} and the configured
 *       {@code token_type} (default: {@code default}, the mount's), reads its role ID and
 *       generates one secret ID; the load is {@code POST /v1/auth/<mount>/login} with
 *       {@code {"role_id":…,"secret_id":…}}.</li>
 *   <li>{@value VaultScenarios#USERPASS_LOGIN}: enables {@code userpass} at {@code auth/<mount>}
 *       likewise, and writes {@value #USER} (or {@code bench-user-0 … bench-user-<n-1>} when
 *       several users are asked for) with a fresh random password, {@code token_policies=default}
 *       and the configured {@code token_type}; the load is {@code POST /v1/auth/<mount>/login/<user>}
 *       with {@code {"password":…}}, each client starting at a different user.</li>
 * </ul>
 *
 * <p>Set-up is idempotent: run again it reuses the mount, overwrites the role or users (a new
 * password each run, and always the token type, so an earlier run's {@code batch} does not
 * linger) and generates one more secret ID. It ends with one trial login, so a
 * server that refuses the logins fails the bench before any measurement. Login requests carry no
 * token, and a login counts as a success only if it answers 200 with an {@code auth.client_token}
 * ({@link ResponseCheck#LOGIN}). Every login creates a token on the server, which keeps it until
 * its TTL (the mount's default) runs out.
 *
 * <p>Failure messages name the request and the server's answer, with the configured token and
 * the generated credentials masked.
 */
final class LoginScenarios {
    /** The AppRole role the scenario creates and logs in with. */
    static final String ROLE = "bench";
    /** The userpass user when only one is asked for. */
    static final String USER = "bench-user";
    private static final int PASSWORD_LENGTH = 24;
    private static final int MAX_SHOWN_BODY = 300;
    private static final String JSON = "application/json";

    private final HttpEndpoint endpoint;
    private final String token;
    private final Map<String, String> adminHeaders;
    private final Duration timeout;
    private final RandomGenerator random;
    private final String tokenType;
    private final List<String> secrets = new ArrayList<>();

    /**
     * @param endpoint the server
     * @param token the token for the set-up calls (they need the rights to enable auth methods
     *     and write roles and users), or null
     * @param timeout bound on connecting and on each wait for an answer
     * @param random source of the userpass password
     * @param tokenType {@code token_type} of the role and users: {@code default}, {@code service}
     *     or {@code batch}
     */
    LoginScenarios(HttpEndpoint endpoint, String token, Duration timeout, RandomGenerator random, String tokenType) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.token = token;
        this.adminHeaders = token == null || token.isEmpty() ? Map.of() : Map.of("X-Vault-Token", token);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.random = Objects.requireNonNull(random, "random");
        this.tokenType = Objects.requireNonNull(tokenType, "tokenType");
        if (token != null && !token.isEmpty()) {
            secrets.add(token);
        }
    }

    /**
     * Prepares AppRole at {@code auth/<mount>} and returns the {@value VaultScenarios#APPROLE_LOGIN}
     * scenario.
     *
     * @throws BenchFailure if the server refuses a set-up call or the trial login
     */
    Scenario approle(String mount) {
        try (KeepAliveHttpClient client = new KeepAliveHttpClient(endpoint, timeout)) {
            enable(client, mount, "approle");
            String role = "/v1/auth/" + mount + "/role/" + ROLE;
            call(client, post(role, "{\"token_policies\":\"default\",\"secret_id_num_uses\":0,\"token_type\":"
                    + JsonReport.quote(tokenType) + "}", adminHeaders));
            String roleId = dataString(client, EncodedRequest.get(endpoint, role + "/role-id", adminHeaders), "role_id");
            String secretId = dataString(client, post(role + "/secret-id", "{}", adminHeaders), "secret_id");
            secrets.add(secretId);
            EncodedRequest login = post("/v1/auth/" + mount + "/login",
                    "{\"role_id\":" + JsonReport.quote(roleId) + ",\"secret_id\":" + JsonReport.quote(secretId) + "}",
                    Map.of());
            trial(client, login);
            return new Scenario(VaultScenarios.APPROLE_LOGIN, endpoint, List.of(login), ResponseCheck.LOGIN);
        }
    }

    /**
     * Prepares userpass at {@code auth/<mount>} with {@code users} users and returns the
     * {@value VaultScenarios#USERPASS_LOGIN} scenario.
     *
     * @throws BenchFailure if the server refuses a set-up call or the trial login
     */
    Scenario userpass(String mount, int users) {
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1");
        }
        String password = VaultScenarios.printable(PASSWORD_LENGTH, random);
        secrets.add(password);
        String passwordJson = "{\"password\":" + JsonReport.quote(password) + "}";
        try (KeepAliveHttpClient client = new KeepAliveHttpClient(endpoint, timeout)) {
            enable(client, mount, "userpass");
            List<EncodedRequest> logins = new ArrayList<>(users);
            for (int i = 0; i < users; i++) {
                String user = users == 1 ? USER : USER + "-" + i;
                call(client, post("/v1/auth/" + mount + "/users/" + user,
                        "{\"password\":" + JsonReport.quote(password) + ",\"token_policies\":\"default\",\"token_type\":"
                                + JsonReport.quote(tokenType) + "}", adminHeaders));
                logins.add(post("/v1/auth/" + mount + "/login/" + user, passwordJson, Map.of()));
            }
            trial(client, logins.get(0));
            return new Scenario(VaultScenarios.USERPASS_LOGIN, endpoint, logins, ResponseCheck.LOGIN);
        }
    }

    /** Enables an auth method of {@code type} at {@code mount}, accepting one already there. */
    private void enable(KeepAliveHttpClient client, String mount, String type) {
        EncodedRequest enable = post("/v1/sys/auth/" + mount, "{\"type\":" + JsonReport.quote(type) + "}", adminHeaders);
        int status = exchange(client, enable);
        if (status >= 200 && status < 300) {
            return;
        }
        String body = client.lastBody();
        if ((status != 400 && status != 409) || !body.contains("already in use")) {
            throw failure(enable, status, body);
        }
        // Coffer answers 409, Vault 400: see what is mounted there
        EncodedRequest list = EncodedRequest.get(endpoint, "/v1/sys/auth", adminHeaders);
        String mounts = call(client, list);
        int entry = JsonStrings.valueStart(mounts, 0, mount + "/", '{');
        String existing = entry < 0 ? null : JsonStrings.member(mounts, entry, "type");
        if (!type.equals(existing)) {
            throw new BenchFailure("setup failed: auth/" + mount + "/ is already in use"
                    + (existing == null ? "" : " by a " + existing + " mount")
                    + "; pick another path with -" + type + "-mount");
        }
    }

    /** Sends {@code request}, requires a 2xx answer and returns its body. */
    private String call(KeepAliveHttpClient client, EncodedRequest request) {
        int status = exchange(client, request);
        if (status < 200 || status >= 300) {
            throw failure(request, status, client.lastBody());
        }
        return client.lastBody();
    }

    /** Sends {@code request} and returns the string {@code data.<name>} of its 2xx answer. */
    private String dataString(KeepAliveHttpClient client, EncodedRequest request, String name) {
        String body = call(client, request);
        int data = JsonStrings.valueStart(body, 0, "data", '{');
        String value = data < 0 ? null : JsonStrings.member(body, data, name);
        if (value == null || value.isEmpty()) {
            throw new BenchFailure("setup failed: " + request + " returned no data." + name);
        }
        return value;
    }

    /** One login before the measurement, which must pass {@link ResponseCheck#LOGIN}. */
    private void trial(KeepAliveHttpClient client, EncodedRequest login) {
        int status = exchange(client, login);
        ResponseCheck.Verdict verdict = client.verdict(ResponseCheck.LOGIN, status);
        if (verdict == ResponseCheck.Verdict.BAD_BODY) {
            throw new BenchFailure("setup failed: trial login " + login + " returned " + status
                    + " without auth.client_token");
        }
        if (verdict != ResponseCheck.Verdict.SUCCESS) {
            throw failure(login, status, client.lastBody());
        }
    }

    private int exchange(KeepAliveHttpClient client, EncodedRequest request) {
        try {
            return client.exchange(request);
        } catch (IOException e) {
            throw new BenchFailure("setup failed: " + request + ": " + e);
        }
    }

    private EncodedRequest post(String target, String json, Map<String, String> headers) {
        return EncodedRequest.post(endpoint, target, headers, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    private BenchFailure failure(EncodedRequest request, int status, String body) {
        String shown = body.strip();
        for (String secret : secrets) {
            shown = shown.replace(secret, "<redacted>");
        }
        if (shown.length() > MAX_SHOWN_BODY) {
            shown = shown.substring(0, MAX_SHOWN_BODY) + "…";
        }
        return new BenchFailure("setup failed: " + request + " returned " + status + (shown.isEmpty() ? "" : ": " + shown));
    }
}

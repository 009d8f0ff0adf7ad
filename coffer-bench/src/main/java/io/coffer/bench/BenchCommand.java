package io.coffer.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code coffer bench} command: a load generator that drives a running Coffer (or any
 * Vault-compatible or plain HTTP server) over keep-alive HTTP/1.1 and prints throughput and
 * latency per scenario and client count.
 *
 * <p>Exit codes follow the {@code vault} CLI: 0 when every request succeeded, 1 for usage or
 * local errors, 2 when the server was unreachable, refused the seed writes or a login set-up, answered any
 * measured request with a failure, or completed no request successfully in some run. The token is read from {@code -token} or
 * {@code VAULT_TOKEN} and is never printed.
 */
@Command(name = "bench",
        sortOptions = false,
        exitCodeOnInvalidInput = 1,
        exitCodeOnExecutionException = 1,
        description = {
            "Load-test a Coffer/Vault server over keep-alive HTTP/1.1 and report throughput and latency.",
            "",
            "Each scenario runs once per client count: N threads, one persistent connection each, "
                + "loop request -> response for the warm-up and then the measured duration.",
            "Scenarios: health (GET /v1/sys/health, the no-op baseline), "
                + "kv-read (GET /v1/<mount>/data/bench/key-<i>; all keys are written first), "
                + "kv-write (PUT /v1/<mount>/data/bench/key-<i>, cycling keys), "
                + "approle-login (POST /v1/auth/<approle-mount>/login with a role ID and secret ID), "
                + "userpass-login (POST /v1/auth/<userpass-mount>/login/<user> with a password), "
                + "or any http:// URL (plain GET, sent without the token) to baseline another server.",
            "The login scenarios first set up their auth method with the token (enable it unless "
                + "already enabled, write role 'bench' or the users, fetch credentials) and send "
                + "the logins without it; a login counts only if it answers 200 with auth.client_token.",
            ""},
        footer = {
            "",
            "Notes:",
            "  Only plain http:// is supported; HTTPS is not implemented yet.",
            "  req/s counts successful (2xx) responses only, and latency percentiles cover",
            "  successful requests; any non-2xx status, connection failure or timeout is",
            "  an error (for logins: any status but 200, or a 200 without auth.client_token).",
            "  Latency is closed-loop (no coordinated-omission correction).",
            "  The bench/key-* secrets are left in the mount afterwards, and so are the",
            "  auth mounts, role, users and every token the logins created (until their TTL).",
            "  Prefer VAULT_TOKEN to -token: command lines are visible to other users.",
            "  Start with a warm server: the first runs of a cold JVM are slower.",
            "",
            "Exit codes: 0 all requests succeeded, 1 usage or local error,",
            "            2 server unreachable, seeding or login set-up refused, failed requests, or a run",
            "            without any successful request.",
            "",
            "Example:",
            "  coffer bench -address=http://127.0.0.1:8200 -clients=1,16,64 -format=json",
            "  coffer bench -scenarios=health,approle-login,userpass-login -clients=1,16,64"})
public final class BenchCommand implements Callable<Integer> {
    private static final String DEFAULT_ADDRESS = "http://127.0.0.1:8200";
    private static final Pattern MOUNT = Pattern.compile("[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*");
    private static final int MAX_CLIENTS = 4096;
    private static final int MAX_VALUE_SIZE = 64 * 1024 * 1024;
    private static final int MAX_USERPASS_USERS = 10_000;
    private static final List<String> TOKEN_TYPES = List.of("default", "service", "batch");

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-address", "--address"}, paramLabel = "<url>",
            description = "Server address (http:// only). Default: $VAULT_ADDR or " + DEFAULT_ADDRESS + ".")
    private String address;

    @Option(names = {"-token", "--token"}, paramLabel = "<token>",
            description = "Token sent as X-Vault-Token. Default: $VAULT_TOKEN. Never printed.")
    private String token;

    @Option(names = {"-mount", "--mount"}, paramLabel = "<path>", defaultValue = "secret",
            description = "KV v2 mount path. Default: ${DEFAULT-VALUE}.")
    private String mount;

    @Option(names = {"-clients", "--clients"}, paramLabel = "<n>", split = ",", defaultValue = "1,16,64",
            description = "Comma-separated client (connection) counts, run in order. Default: ${DEFAULT-VALUE}.")
    private List<Integer> clients;

    @Option(names = {"-duration", "--duration"}, paramLabel = "<duration>", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Measured time per scenario and client count (e.g. 10s, 500ms, 1m). Default: 10s.")
    private Duration duration;

    @Option(names = {"-warmup", "--warmup"}, paramLabel = "<duration>", defaultValue = "2s",
            converter = DurationConverter.class,
            description = "Unmeasured load before each measurement. Default: 2s.")
    private Duration warmup;

    @Option(names = {"-scenarios", "--scenarios"}, paramLabel = "<name|url>", split = ",",
            defaultValue = "health,kv-read,kv-write",
            description = "Comma-separated scenarios: health, kv-read, kv-write, approle-login, "
                    + "userpass-login or http:// URLs. "
                    + "Default: ${DEFAULT-VALUE}.")
    private List<String> scenarios;

    @Option(names = {"-keys", "--keys"}, paramLabel = "<n>", defaultValue = "1000",
            description = "Number of distinct keys for kv-read and kv-write. Default: ${DEFAULT-VALUE}.")
    private int keys;

    @Option(names = {"-value-size", "--value-size"}, paramLabel = "<bytes>", defaultValue = "100",
            description = "Size of the written value in bytes. Default: ${DEFAULT-VALUE}.")
    private int valueSize;

    @Option(names = {"-approle-mount", "--approle-mount"}, paramLabel = "<path>", defaultValue = "approle",
            description = "AppRole mount path under auth/ for approle-login. Default: ${DEFAULT-VALUE}.")
    private String approleMount;

    @Option(names = {"-userpass-mount", "--userpass-mount"}, paramLabel = "<path>", defaultValue = "userpass",
            description = "userpass mount path under auth/ for userpass-login. Default: ${DEFAULT-VALUE}.")
    private String userpassMount;

    @Option(names = {"-userpass-users", "--userpass-users"}, paramLabel = "<n>", defaultValue = "1",
            description = "Distinct users userpass-login logs in as (clients start at different users). "
                    + "Default: ${DEFAULT-VALUE}.")
    private int userpassUsers;

    @Option(names = {"-login-token-type", "--login-token-type"}, paramLabel = "default|service|batch",
            defaultValue = "default",
            description = "token_type written to the login scenarios' role and users (default: the mount's). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String loginTokenType;

    @Option(names = {"-format", "--format"}, paramLabel = "table|json", defaultValue = "table",
            description = "Output format: table (with a comparison to health) or json (array of results). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String format;

    @Option(names = {"-timeout", "--timeout"}, paramLabel = "<duration>", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Bound on connecting and on each wait for a response. Default: 10s.")
    private Duration timeout;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    /** A command reading its defaults from the process environment. */
    public BenchCommand() {
        this(System.getenv());
    }

    /** A command reading {@code VAULT_ADDR} and {@code VAULT_TOKEN} from {@code environment}. */
    public BenchCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * The validated settings from the parsed options and the environment.
     *
     * @throws ParameterException with a usage message (never containing the token)
     */
    BenchSettings settings() {
        String addressText = firstNonBlank(address, environment.get("VAULT_ADDR"), DEFAULT_ADDRESS);
        HttpEndpoint endpoint;
        try {
            endpoint = HttpTarget.parse(addressText).endpoint();
        } catch (IllegalArgumentException e) {
            throw usage("-address: " + e.getMessage());
        }
        String tokenValue = firstNonBlank(token, environment.get("VAULT_TOKEN"), null);
        if (tokenValue != null && !tokenValue.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw usage("-token: the token contains whitespace, control or non-ASCII characters");
        }
        String mountPath = mountPath("-mount", mount);
        String approleMountPath = mountPath("-approle-mount", approleMount);
        String userpassMountPath = mountPath("-userpass-mount", userpassMount);
        if (userpassUsers < 1 || userpassUsers > MAX_USERPASS_USERS) {
            throw usage("-userpass-users: must be between 1 and " + MAX_USERPASS_USERS);
        }
        String tokenType = loginTokenType.trim().toLowerCase(java.util.Locale.ROOT);
        if (!TOKEN_TYPES.contains(tokenType)) {
            throw usage("-login-token-type: expected one of " + String.join(", ", TOKEN_TYPES));
        }
        if (clients.isEmpty() || clients.stream().anyMatch(n -> n == null || n < 1 || n > MAX_CLIENTS)) {
            throw usage("-clients: each count must be between 1 and " + MAX_CLIENTS);
        }
        if (duration.isZero()) {
            throw usage("-duration: must be positive");
        }
        if (timeout.toMillis() < 1) {
            throw usage("-timeout: must be at least 1ms");
        }
        if (keys < 1) {
            throw usage("-keys: must be at least 1");
        }
        if (valueSize < 0 || valueSize > MAX_VALUE_SIZE) {
            throw usage("-value-size: must be between 0 and " + MAX_VALUE_SIZE);
        }
        OutputFormat outputFormat;
        try {
            outputFormat = OutputFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw usage("-format: " + e.getMessage());
        }
        return new BenchSettings(endpoint, tokenValue, mountPath, clients, duration, warmup,
                scenarioList(), keys, valueSize, outputFormat, timeout, approleMountPath, userpassMountPath,
                userpassUsers, tokenType);
    }

    private String mountPath(String option, String value) {
        String path = stripSlashes(value);
        if (!MOUNT.matcher(path).matches()) {
            throw usage(option + ": expected a path of letters, digits, '.', '_', '-' and '/'");
        }
        return path;
    }

    private List<String> scenarioList() {
        Set<String> unique = new LinkedHashSet<>();
        for (String raw : scenarios) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!VaultScenarios.isKnown(name)) {
                if (!name.contains("://")) {
                    throw usage("-scenarios: unknown scenario '" + name + "' (expected "
                            + String.join(", ", VaultScenarios.NAMES) + " or an http:// URL)");
                }
                try {
                    HttpTarget.parse(name);
                } catch (IllegalArgumentException e) {
                    throw usage("-scenarios: " + e.getMessage());
                }
            }
            unique.add(name);
        }
        if (unique.isEmpty()) {
            throw usage("-scenarios: at least one scenario is required");
        }
        return new ArrayList<>(unique);
    }

    @Override
    public Integer call() throws InterruptedException {
        BenchSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<RunResult> results;
        try {
            results = new BenchSession(settings, err).run();
        } catch (BenchFailure e) {
            err.println("bench: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (settings.format() == OutputFormat.JSON) {
            new JsonReport().print(results, out);
        } else {
            new TableReport().print(results, out);
        }
        long failedRuns = results.stream().filter(r -> r.errors() > 0 || r.latency().count() == 0).count();
        if (failedRuns > 0) {
            err.printf("bench: %d of %d run(s) had failed requests or no successful request%n",
                    failedRuns, results.size());
            err.flush();
            return 2;
        }
        return 0;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String firstNonBlank(String first, String second, String fallback) {
        if (first != null && !first.isBlank()) {
            return first.trim();
        }
        if (second != null && !second.isBlank()) {
            return second.trim();
        }
        return fallback;
    }

    private static String stripSlashes(String path) {
        String p = path.trim();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}

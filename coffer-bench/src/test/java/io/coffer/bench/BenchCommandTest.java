package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BenchCommandTest {
    private static final String TOKEN = "s.bench-test-token-5f3a";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine commandLine(Map<String, String> env) {
        CommandLine cl = new CommandLine(new BenchCommand(env));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl;
    }

    private BenchSettings parse(Map<String, String> env, String... args) {
        CommandLine cl = commandLine(env);
        cl.parseArgs(args);
        return cl.<BenchCommand>getCommand().settings();
    }

    @Test
    void parse_noOptionsNoEnvironment_usesDocumentedDefaults() {
        BenchSettings s = parse(Map.of());

        assertThat(s.address()).isEqualTo(new HttpEndpoint("127.0.0.1", 8200, "127.0.0.1:8200"));
        assertThat(s.token()).isNull();
        assertThat(s.mount()).isEqualTo("secret");
        assertThat(s.clients()).containsExactly(1, 16, 64);
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.scenarios()).containsExactly("health", "kv-read", "kv-write");
        assertThat(s.keys()).isEqualTo(1000);
        assertThat(s.valueSize()).isEqualTo(100);
        assertThat(s.format()).isEqualTo(OutputFormat.TABLE);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.approleMount()).isEqualTo("approle");
        assertThat(s.userpassMount()).isEqualTo("userpass");
        assertThat(s.userpassUsers()).isEqualTo(1);
        assertThat(s.loginTokenType()).isEqualTo("default");
    }

    @Test
    void parse_loginOptions_setMountsAndUsers() {
        BenchSettings s = parse(Map.of(), "-scenarios=approle-login,userpass-login", "-approle-mount=/bench/ar/",
                "--userpass-mount", "up", "-userpass-users=8", "-login-token-type=Batch");

        assertThat(s.scenarios()).containsExactly("approle-login", "userpass-login");
        assertThat(s.approleMount()).isEqualTo("bench/ar");
        assertThat(s.userpassMount()).isEqualTo("up");
        assertThat(s.userpassUsers()).isEqualTo(8);
        assertThat(s.loginTokenType()).isEqualTo("batch");
    }

    @Test
    void parse_environment_suppliesAddressAndToken() {
        BenchSettings s = parse(Map.of("VAULT_ADDR", "http://10.0.0.5:8300", "VAULT_TOKEN", TOKEN));

        assertThat(s.address()).isEqualTo(new HttpEndpoint("10.0.0.5", 8300, "10.0.0.5:8300"));
        assertThat(s.token()).isEqualTo(TOKEN);
        assertThat(s.toString()).doesNotContain(TOKEN).contains("token=<redacted>");
    }

    @Test
    void parse_optionsOverrideEnvironment() {
        BenchSettings s = parse(Map.of("VAULT_ADDR", "http://10.0.0.5:8300", "VAULT_TOKEN", "s.env"),
                "-address", "http://localhost:9000", "-token=s.flag");

        assertThat(s.address().hostHeader()).isEqualTo("localhost:9000");
        assertThat(s.token()).isEqualTo("s.flag");
    }

    @Test
    void parse_singleAndDoubleDashForms_areEquivalent() {
        BenchSettings single = parse(Map.of(), "-clients=2,4", "-duration=1m30s", "-warmup", "0",
                "-scenarios=kv-write,health", "-keys=7", "-value-size", "9", "-format=json", "-mount=/kv2/",
                "-timeout=250ms");
        BenchSettings dual = parse(Map.of(), "--clients", "2,4", "--duration", "1m30s", "--warmup=0",
                "--scenarios", "kv-write,health", "--keys", "7", "--value-size=9", "--format", "JSON",
                "--mount", "kv2", "--timeout", "250ms");

        assertThat(single).isEqualTo(dual);
        assertThat(single.clients()).containsExactly(2, 4);
        assertThat(single.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(single.warmup()).isZero();
        assertThat(single.scenarios()).containsExactly("kv-write", "health");
        assertThat(single.keys()).isEqualTo(7);
        assertThat(single.valueSize()).isEqualTo(9);
        assertThat(single.format()).isEqualTo(OutputFormat.JSON);
        assertThat(single.mount()).isEqualTo("kv2");
        assertThat(single.timeout()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void parse_repeatedClientsOption_accumulatesAndDropsDuplicateScenarios() {
        BenchSettings s = parse(Map.of(), "-clients", "1", "-clients", "8",
                "-scenarios", "health,health,http://127.0.0.1:9/x");

        assertThat(s.clients()).containsExactly(1, 8);
        assertThat(s.scenarios()).containsExactly("health", "http://127.0.0.1:9/x");
    }

    @Test
    void execute_invalidOptions_exitWithUsageCode1() {
        List<String[]> invalid = List.of(
                new String[] {"-format=xml"},
                new String[] {"-clients=0"},
                new String[] {"-clients=a"},
                new String[] {"-duration=0s"},
                new String[] {"-duration=soon"},
                new String[] {"-keys=0"},
                new String[] {"-value-size=-1"},
                new String[] {"-scenarios=kv-delete"},
                new String[] {"-scenarios=https://example.test/"},
                new String[] {"-mount=a b"},
                new String[] {"-approle-mount=a b"},
                new String[] {"-userpass-mount="},
                new String[] {"-userpass-users=0"},
                new String[] {"-login-token-type=periodic"},
                new String[] {"-address=https://127.0.0.1:8200"},
                new String[] {"-nonsense"});
        for (String[] args : invalid) {
            err.getBuffer().setLength(0);

            int code = commandLine(Map.of()).execute(args);

            assertThat(code).as(String.join(" ", args)).isEqualTo(1);
            assertThat(err.toString()).as(String.join(" ", args)).contains("Usage:");
        }
    }

    @Test
    void execute_httpsAddress_explainsThatHttpsIsNotSupported() {
        int code = commandLine(Map.of()).execute("-address", "https://vault.test:8200");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("HTTPS is not supported");
    }

    @Test
    void execute_tokenWithLineBreak_isRejectedWithoutEchoingIt() {
        int code = commandLine(Map.of("VAULT_TOKEN", "s.abc\r\nX-Injected: 1")).execute("-scenarios=health");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("-token").doesNotContain("s.abc");
    }

    @Test
    void execute_help_printsOptionsAndHttpsNote() {
        int code = commandLine(Map.of()).execute("-help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("-address", "-token", "-mount", "-clients", "-duration", "-warmup",
                "-scenarios", "-keys", "-value-size", "-format", "HTTPS is not implemented");
    }

    @Test
    void execute_fakeVault_printsTableForEveryScenarioAndClientCount() throws Exception {
        try (FakeVault vault = new FakeVault(TOKEN, 200)) {
            int code = commandLine(Map.of("VAULT_ADDR", vault.url(), "VAULT_TOKEN", TOKEN)).execute(
                    "-clients=1,2", "-duration=500ms", "-warmup=200ms", "-keys=20", "-value-size=32");

            String table = out.toString();
            assertThat(code).as(err.toString()).isZero();
            for (String scenario : List.of("health", "kv-read", "kv-write")) {
                assertThat(table).containsPattern("(?m)^" + scenario + " +1 +[1-9]\\d* +0 ");
                assertThat(table).containsPattern("(?m)^" + scenario + " +2 +[1-9]\\d* +0 ");
            }
            assertThat(table).contains("req/s as % of health req/s").containsPattern("kv-read +kv-write");
            assertThat(table).doesNotContain("errors by status");
            assertThat(vault.store).hasSize(20);
            assertThat(vault.store.get("bench/key-19")).matches("\\{\"data\":\\{\"value\":\"[^\"\\\\]{32}\"}}");
            assertThat(err.toString()).contains("seeding 20 key(s) at /v1/secret/data/bench/key-*");
            assertThat(table + err).doesNotContain(TOKEN);
        }
    }

    @Test
    void execute_loginScenarios_setUpThenCountOnlyLoginsWithAToken() throws Exception {
        try (FakeAuthVault vault = new FakeAuthVault(TOKEN)) {
            int code = commandLine(Map.of("VAULT_ADDR", vault.url(), "VAULT_TOKEN", TOKEN)).execute(
                    "-scenarios=health,approle-login,userpass-login", "-clients=1,2", "-duration=500ms",
                    "-warmup=100ms", "-userpass-users=2");

            String table = out.toString();
            assertThat(code).as(err.toString()).isZero();
            for (String scenario : List.of("health", "approle-login", "userpass-login")) {
                assertThat(table).containsPattern("(?m)^" + scenario + " +1 +[1-9]\\d* +0 ");
                assertThat(table).containsPattern("(?m)^" + scenario + " +2 +[1-9]\\d* +0 ");
            }
            assertThat(table).containsPattern("approle-login +userpass-login");
            assertThat(err.toString()).contains("setting up approle-login at auth/approle/ (role bench)",
                    "setting up userpass-login at auth/userpass/ (2 user(s))");
            assertThat(vault.loginsWithToken.get()).isZero();
            assertThat(vault.passwords).containsOnlyKeys("bench-user-0", "bench-user-1");
            assertThat(table + err).doesNotContain(TOKEN, vault.passwords.get("bench-user-0"));
        }
    }

    @Test
    void execute_loginAnswersLoseTheToken_countsBadBodyAndExits2() throws Exception {
        try (FakeAuthVault vault = new FakeAuthVault(TOKEN)) {
            CommandLine cl = commandLine(Map.of("VAULT_ADDR", vault.url(), "VAULT_TOKEN", TOKEN));
            // set up normally, then break the answers once the measurement is under way
            Thread breaker = new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                try {
                    while (vault.tokensIssued.get() == 0 && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                vault.loginOverride = "{\"auth\":null}";
            });
            breaker.setDaemon(true);
            breaker.start();

            int code = cl.execute("-scenarios=approle-login", "-clients=1", "-duration=300ms", "-warmup=100ms");

            assertThat(code).isEqualTo(2);
            assertThat(out.toString()).containsPattern("approle-login, 1 clients: bad-body x [1-9]");
        }
    }

    @Test
    void execute_jsonFormat_printsArrayOfResultObjects() throws Exception {
        try (FakeVault vault = new FakeVault(TOKEN, 200)) {
            int code = commandLine(Map.of("VAULT_TOKEN", TOKEN)).execute("-address=" + vault.url(),
                    "-scenarios=health", "-clients=1,3", "-duration=500ms", "-warmup=200ms", "-format=json");

            String json = out.toString().strip();
            assertThat(code).as(err.toString()).isZero();
            assertThat(json).startsWith("[").endsWith("]");
            assertThat(json.lines().filter(l -> l.contains("\"scenario\":\"health\""))).hasSize(2);
            assertThat(json).contains("\"clients\":1,", "\"clients\":3,", "\"errors\":0,", "\"p99Ms\":")
                    .doesNotContain("null", TOKEN);
        }
    }

    @Test
    void execute_sealedServer_reportsErrorsByStatusAndExits2() throws Exception {
        try (FakeVault vault = new FakeVault(TOKEN, 503)) {
            int code = commandLine(Map.of("VAULT_ADDR", vault.url(), "VAULT_TOKEN", TOKEN))
                    .execute("-scenarios=health", "-clients=1", "-duration=500ms", "-warmup=200ms");

            assertThat(code).isEqualTo(2);
            assertThat(out.toString()).containsPattern("health, 1 clients: 503 x [1-9]");
            assertThat(err.toString()).contains("1 of 1 run(s) had failed requests or no successful request");
        }
    }

    @Test
    void execute_runWithoutAnySuccess_exits2() throws Exception {
        try (RawHttpServer silent = new RawHttpServer(KeepAliveHttpClientTest.silent())) {
            int code = commandLine(Map.of()).execute("-address=http://" + silent.endpoint().hostHeader(),
                    "-scenarios=health", "-clients=1", "-duration=200ms", "-warmup=0", "-timeout=1s");

            assertThat(code).isEqualTo(2);
            assertThat(out.toString()).containsPattern("(?m)^health +1 +[01] +[01] +0\\.0 +- +- +- +-$");
        }
    }

    @Test
    void execute_wrongToken_failsSeedingWithExit2AndMasksToken() throws Exception {
        String wrong = "s.wrong-token-77";
        try (FakeVault vault = new FakeVault(TOKEN, 200)) {
            int code = commandLine(Map.of("VAULT_ADDR", vault.url(), "VAULT_TOKEN", wrong))
                    .execute("-scenarios=kv-read", "-clients=1", "-duration=200ms", "-keys=5");

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).contains("seeding failed: PUT /v1/secret/data/bench/key-", "returned 403",
                    "permission denied for <token>");
            assertThat(out.toString() + err).doesNotContain(wrong);
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void execute_nothingListening_exits2WithConnectMessage() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        int code = commandLine(Map.of()).execute("-address=http://127.0.0.1:" + port, "-duration=1s");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("cannot connect to 127.0.0.1:" + port);
    }

    @Test
    void execute_urlScenario_baselinesOtherServerWithoutSendingToken() throws Exception {
        try (FakeVault vault = new FakeVault(TOKEN, 200);
             FakeVault other = new FakeVault("never-sent", 200)) {
            String url = other.url() + "/plain";
            int code = commandLine(Map.of("VAULT_ADDR", vault.url(), "VAULT_TOKEN", TOKEN))
                    .execute("-scenarios=health," + url, "-clients=1", "-duration=500ms", "-warmup=200ms");

            assertThat(code).isEqualTo(2);  // the other server answers 403 to token-less requests
            assertThat(other.tokenlessRequests.get()).isPositive();
            assertThat(out.toString()).containsPattern("(?m)^" + java.util.regex.Pattern.quote(url) + " +1 ")
                    .containsPattern(java.util.regex.Pattern.quote(url) + ", 1 clients: 403 x [1-9]");
        }
    }
}

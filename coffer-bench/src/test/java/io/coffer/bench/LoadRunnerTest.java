package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoadRunnerTest {
    private static final Duration WARMUP = Duration.ofMillis(100);
    private static final Duration DURATION = Duration.ofMillis(500);

    private final LoadRunner runner = new LoadRunner(Duration.ofSeconds(5), Duration.ofSeconds(1));

    private static Scenario get(String name, HttpEndpoint endpoint, String... paths) {
        return new Scenario(name, endpoint, java.util.Arrays.stream(paths)
                .map(p -> EncodedRequest.get(endpoint, p, Map.of())).toList());
    }

    @Test
    void run_healthyServer_countsRequestsWithoutErrors() throws Exception {
        try (TestHttpServer server = new TestHttpServer(ex -> TestHttpServer.reply(ex, 200, "{}"))) {
            RunResult r = runner.run(get("health", server.endpoint(), "/v1/sys/health"), 2, WARMUP, DURATION);

            assertThat(r.scenario()).isEqualTo("health");
            assertThat(r.clients()).isEqualTo(2);
            assertThat(r.measured()).isEqualTo(DURATION);
            assertThat(r.requests()).isGreaterThan(20).isLessThanOrEqualTo(server.requests());
            assertThat(r.errors()).isZero();
            assertThat(r.errorsByKind()).isEmpty();
            assertThat(r.latency().count()).isEqualTo(r.requests());
            assertThat(r.requestsPerSecond()).isCloseTo(r.requests() / 0.5, within(0.001));
            LatencySummary l = r.latency();
            assertThat(l.p50()).isPositive();
            assertThat(l.p50()).isLessThanOrEqualTo(l.p90());
            assertThat(l.p90()).isLessThanOrEqualTo(l.p99());
            assertThat(l.p99()).isLessThanOrEqualTo(l.max());
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void run_warmup_requestsBeforeWindowAreNotCounted() throws Exception {
        try (TestHttpServer server = new TestHttpServer(ex -> TestHttpServer.reply(ex, 200, "{}"))) {
            RunResult r = runner.run(get("health", server.endpoint(), "/"), 1, Duration.ofMillis(400),
                    Duration.ofMillis(400));

            assertThat(r.requests()).isPositive();
            assertThat(server.requests() - r.requests()).isPositive();
        }
    }

    @Test
    void run_serverAnswers500_countsEveryRequestAsErrorByStatus() throws Exception {
        try (TestHttpServer server = new TestHttpServer(ex -> TestHttpServer.reply(ex, 500, "{\"errors\":[]}"))) {
            RunResult r = runner.run(get("broken", server.endpoint(), "/"), 2, WARMUP, DURATION);

            assertThat(r.requests()).isPositive();
            assertThat(r.errors()).isEqualTo(r.requests());
            assertThat(r.errorsByKind()).containsExactly(Map.entry("500", r.requests()));
            assertThat(r.latency().count()).isZero();
            assertThat(r.requestsPerSecond()).isZero();
        }
    }

    @Test
    void run_alternatingOkAndFailure_countsOnlyFailuresAsErrors() throws Exception {
        try (TestHttpServer server = new TestHttpServer(ex -> TestHttpServer.reply(ex,
                ex.getRequestURI().getPath().equals("/fail") ? 503 : 200, "x"))) {
            RunResult r = runner.run(get("mixed", server.endpoint(), "/ok", "/fail"), 1, WARMUP, DURATION);

            assertThat(r.requests()).isGreaterThan(10);
            assertThat(Math.abs(2 * r.errors() - r.requests())).isLessThanOrEqualTo(1);
            assertThat(r.errorsByKind()).containsOnlyKeys("503");
            assertThat(r.latency().count()).isEqualTo(r.requests() - r.errors());
        }
    }

    @Test
    void run_loginCheck_countsAnswersWithoutTokenAsBadBodyAndOther2xxAsStatus() throws Exception {
        try (TestHttpServer server = new TestHttpServer(ex -> {
            switch (ex.getRequestURI().getPath()) {
                case "/ok" -> TestHttpServer.reply(ex, 200, "{\"auth\":{\"client_token\":\"hvs.x\"}}");
                case "/none" -> TestHttpServer.reply(ex, 200, "{\"auth\":null}");
                default -> TestHttpServer.reply(ex, 204, "");
            }
        })) {
            HttpEndpoint e = server.endpoint();
            Scenario s = new Scenario("login", e, List.of(EncodedRequest.get(e, "/ok", Map.of()),
                    EncodedRequest.get(e, "/none", Map.of()), EncodedRequest.get(e, "/empty", Map.of())),
                    ResponseCheck.LOGIN);

            RunResult r = runner.run(s, 1, WARMUP, DURATION);

            assertThat(r.requests()).isGreaterThan(10);
            assertThat(r.errorsByKind()).containsOnlyKeys("204", ErrorCounts.BAD_BODY);
            assertThat(Math.abs(r.errorsByKind().get("204") - r.errorsByKind().get(ErrorCounts.BAD_BODY))).isLessThanOrEqualTo(1);
            assertThat(Math.abs(3 * r.latency().count() - r.requests())).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void run_clientsStartAtDifferentRequests_spreadsKeys() throws Exception {
        java.util.Set<String> paths = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (TestHttpServer server = new TestHttpServer(ex -> {
            paths.add(ex.getRequestURI().getPath());
            TestHttpServer.reply(ex, 200, "x");
        })) {
            Scenario s = get("keys", server.endpoint(), "/k0", "/k1", "/k2", "/k3");

            assertThat(s.firstIndexFor(0, 4)).isZero();
            assertThat(s.firstIndexFor(3, 4)).isEqualTo(3);
            runner.run(s, 4, Duration.ZERO, Duration.ofMillis(500));

            assertThat(paths).containsExactlyInAnyOrder("/k0", "/k1", "/k2", "/k3");
        }
    }

    @Test
    void run_serverHangs_endsAfterGraceAndCountsUnfinished() throws Exception {
        LoadRunner patient = new LoadRunner(Duration.ofSeconds(30), Duration.ofMillis(200));
        try (RawHttpServer server = new RawHttpServer(KeepAliveHttpClientTest.silent())) {
            long start = System.nanoTime();

            RunResult r = patient.run(get("hang", server.endpoint(), "/"), 2, Duration.ZERO, Duration.ofMillis(300));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(r.errorsByKind()).containsExactly(Map.entry(ErrorCounts.UNFINISHED, 2L));
            assertThat(r.requests()).isEqualTo(2);
            assertThat(r.latency().count()).isZero();
        }
    }

    @Test
    void run_serverTooSlow_countsTimeouts() throws Exception {
        LoadRunner impatient = new LoadRunner(Duration.ofMillis(100), Duration.ofMillis(100));
        try (RawHttpServer server = new RawHttpServer(KeepAliveHttpClientTest.silent())) {
            RunResult r = impatient.run(get("slow", server.endpoint(), "/"), 1, Duration.ZERO, Duration.ofMillis(600));

            assertThat(r.errorsByKind()).containsOnlyKeys(ErrorCounts.TIMEOUT);
            assertThat(r.errors()).isBetween(1L, 6L);
        }
    }

    @Test
    void run_nothingListening_countsIoErrorsWithBackoff() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpEndpoint endpoint = new HttpEndpoint("127.0.0.1", port, "127.0.0.1:" + port);

        RunResult r = runner.run(get("down", endpoint, "/"), 2, Duration.ZERO, Duration.ofMillis(300));

        assertThat(r.errorsByKind()).containsOnlyKeys(ErrorCounts.IO);
        // 50 ms back-off: at most ~7 attempts per client in 300 ms
        assertThat(r.errors()).isBetween(2L, 20L);
        assertThat(r.requestsPerSecond()).isZero();
    }

    @Test
    void run_results_matchScenarioOrder() throws Exception {
        try (TestHttpServer server = new TestHttpServer(ex -> TestHttpServer.reply(ex, 200, "x"))) {
            List<RunResult> results = List.of(
                    runner.run(get("a", server.endpoint(), "/"), 1, Duration.ZERO, Duration.ofMillis(100)),
                    runner.run(get("b", server.endpoint(), "/"), 3, Duration.ZERO, Duration.ofMillis(100)));

            assertThat(results).extracting(RunResult::scenario, RunResult::clients)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1), org.assertj.core.groups.Tuple.tuple("b", 3));
        }
    }
}

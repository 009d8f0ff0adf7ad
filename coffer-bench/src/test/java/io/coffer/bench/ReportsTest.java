package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private static RunResult result(String scenario, int clients, long ok, Map<String, Long> errors) {
        LatencySummary latency = ok == 0 ? new LatencySummary(0, 0, 0, 0, 0, 0)
                : new LatencySummary(ok, 250_000, 900_000, 2_500_000, 12_000_000, 400_000);
        long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
        return new RunResult(scenario, clients, TEN_SECONDS, ok + errorCount, errors, latency);
    }

    private final List<RunResult> results = List.of(
            result("health", 1, 100_000, Map.of()),
            result("health", 16, 400_000, Map.of()),
            result("kv-read", 1, 80_000, Map.of()),
            result("kv-read", 16, 100_000, Map.of()),
            result("kv-write", 16, 0, Map.of("io", 2L, "403", 10L)));

    @Test
    void comparison_kvReadAgainstHealth_givesPercentPerClientCount() {
        ResultComparison c = ResultComparison.of(results, "health");

        assertThat(c.compared()).containsExactly("kv-read", "kv-write");
        assertThat(c.rows()).extracting(ResultComparison.Row::clients).containsExactly(1, 16);
        assertThat(c.rows().get(0).baselineRequestsPerSecond()).isCloseTo(10_000, within(1e-9));
        assertThat(c.rows().get(0).percentOfBaseline()).containsOnlyKeys("kv-read");
        assertThat(c.rows().get(0).percentOfBaseline().get("kv-read")).isCloseTo(80.0, within(1e-9));
        assertThat(c.rows().get(1).percentOfBaseline().get("kv-read")).isCloseTo(25.0, within(1e-9));
        assertThat(c.rows().get(1).percentOfBaseline().get("kv-write")).isZero();
    }

    @Test
    void comparison_withoutBaseline_isEmpty() {
        assertThat(ResultComparison.of(results.subList(2, 5), "health").rows()).isEmpty();
    }

    @Test
    void tablePrint_results_showsRowsErrorsAndComparison() {
        StringWriter out = new StringWriter();

        new TableReport().print(results, new PrintWriter(out));

        String text = out.toString();
        assertThat(text.lines().findFirst().orElseThrow())
                .matches("scenario +clients +requests +errors +req/s +p50 ms +p90 ms +p99 ms +max ms");
        assertThat(text).containsPattern("health +1 +100000 +0 +10000\\.0 +0\\.250 +0\\.900 +2\\.500 +12\\.000");
        assertThat(text).containsPattern("kv-write +16 +12 +12 +0\\.0 +- +- +- +-");
        assertThat(text).contains("kv-write, 16 clients: 403 x 10, io x 2");
        assertThat(text).contains("req/s as % of health req/s");
        assertThat(text).containsPattern(" +1 +10000\\.0 +80\\.0% +-");
        assertThat(text).containsPattern(" +16 +40000\\.0 +25\\.0% +0\\.0%");
    }

    @Test
    void jsonPrint_results_writesArrayOfObjects() {
        StringWriter out = new StringWriter();

        new JsonReport().print(results.subList(3, 5), new PrintWriter(out));

        assertThat(out.toString()).isEqualTo("[\n"
                + "  {\"scenario\":\"kv-read\",\"clients\":16,\"durationSeconds\":10.000,\"requests\":100000,"
                + "\"errors\":0,\"errorsByKind\":{},\"requestsPerSecond\":10000.0,\"p50Ms\":0.250,\"p90Ms\":0.900,"
                + "\"p99Ms\":2.500,\"maxMs\":12.000,\"meanMs\":0.400},\n"
                + "  {\"scenario\":\"kv-write\",\"clients\":16,\"durationSeconds\":10.000,\"requests\":12,"
                + "\"errors\":12,\"errorsByKind\":{\"403\":10,\"io\":2},\"requestsPerSecond\":0.0,\"p50Ms\":null,"
                + "\"p90Ms\":null,\"p99Ms\":null,\"maxMs\":null,\"meanMs\":null}\n"
                + "]\n");
    }

    @Test
    void jsonQuote_specialCharacters_areEscaped() {
        assertThat(JsonReport.quote("http://h/?q=\"a\\b\"\n\u0001")).isEqualTo("\"http://h/?q=\\\"a\\\\b\\\"\\n\\u0001\"");
    }
}

package io.coffer.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints results as aligned text: one row per scenario and client count (requests, errors,
 * req/s, p50/p90/p99/max in ms), then the failures by kind, then the {@link ResultComparison}
 * against {@code health}. Latency cells show {@code -} when no request succeeded.
 */
public final class TableReport {

    /** Writes the report for {@code results} to {@code out}. */
    public void print(List<RunResult> results, PrintWriter out) {
        int nameWidth = Math.max("scenario".length(),
                results.stream().mapToInt(r -> r.scenario().length()).max().orElse(0));
        String rowFormat = "%-" + nameWidth + "s %8s %10s %8s %11s %9s %9s %9s %9s%n";
        out.printf(Locale.ROOT, rowFormat, "scenario", "clients", "requests", "errors", "req/s",
                "p50 ms", "p90 ms", "p99 ms", "max ms");
        for (RunResult r : results) {
            LatencySummary l = r.latency();
            out.printf(Locale.ROOT, rowFormat, r.scenario(), r.clients(), r.requests(), r.errors(),
                    String.format(Locale.ROOT, "%.1f", r.requestsPerSecond()),
                    millis(l, l.p50()), millis(l, l.p90()), millis(l, l.p99()), millis(l, l.max()));
        }
        printErrors(results, out);
        printComparison(ResultComparison.of(results, VaultScenarios.HEALTH), out);
        out.flush();
    }

    private static void printErrors(List<RunResult> results, PrintWriter out) {
        if (results.stream().allMatch(r -> r.errors() == 0)) {
            return;
        }
        out.println();
        out.println("errors by status or kind:");
        for (RunResult r : results) {
            if (r.errors() > 0) {
                out.printf(Locale.ROOT, "  %s, %d clients: %s%n", r.scenario(), r.clients(), describe(r.errorsByKind()));
            }
        }
    }

    private static String describe(Map<String, Long> errors) {
        return errors.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(TableReport::compareKinds))
                .map(e -> e.getKey() + " x " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Statuses (numeric) first in ascending order, then the named kinds alphabetically. */
    static int compareKinds(String a, String b) {
        boolean aNumeric = a.chars().allMatch(Character::isDigit);
        boolean bNumeric = b.chars().allMatch(Character::isDigit);
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return aNumeric ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b);
    }

    private static void printComparison(ResultComparison comparison, PrintWriter out) {
        if (comparison.rows().isEmpty()) {
            return;
        }
        out.println();
        out.printf("req/s as %% of %s req/s (same run, same client count):%n", comparison.baseline());
        String baselineHeader = comparison.baseline() + " req/s";
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%8s %14s", "clients", baselineHeader));
        for (String name : comparison.compared()) {
            header.append(' ').append(String.format(Locale.ROOT, "%" + Math.max(9, name.length()) + "s", name));
        }
        out.println(header);
        for (ResultComparison.Row row : comparison.rows()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%8d %14.1f",
                    row.clients(), row.baselineRequestsPerSecond()));
            for (String name : comparison.compared()) {
                Double percent = row.percentOfBaseline().get(name);
                String cell = percent == null || percent.isNaN() ? "-" : String.format(Locale.ROOT, "%.1f%%", percent);
                line.append(' ').append(String.format(Locale.ROOT, "%" + Math.max(9, name.length()) + "s", cell));
            }
            out.println(line);
        }
    }

    private static String millis(LatencySummary summary, long nanos) {
        return summary.count() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", LatencySummary.millis(nanos));
    }
}

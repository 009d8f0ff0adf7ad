package io.coffer.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints results as a JSON array with one object per scenario and client count:
 * {@code scenario, clients, durationSeconds, requests, errors, errorsByKind (object of
 * counts), requestsPerSecond, p50Ms, p90Ms, p99Ms, maxMs, meanMs}; latency fields are
 * {@code null} when no request succeeded. Field names and units are part of the output contract.
 */
public final class JsonReport {

    /** Writes the array for {@code results} to {@code out}. */
    public void print(List<RunResult> results, PrintWriter out) {
        out.println("[");
        for (int i = 0; i < results.size(); i++) {
            out.print("  ");
            out.print(object(results.get(i)));
            out.println(i + 1 < results.size() ? "," : "");
        }
        out.println("]");
        out.flush();
    }

    static String object(RunResult r) {
        LatencySummary l = r.latency();
        StringBuilder sb = new StringBuilder(256).append('{');
        sb.append("\"scenario\":").append(quote(r.scenario()));
        sb.append(",\"clients\":").append(r.clients());
        sb.append(",\"durationSeconds\":").append(decimal(r.measured().toNanos() / 1e9, 3));
        sb.append(",\"requests\":").append(r.requests());
        sb.append(",\"errors\":").append(r.errors());
        sb.append(",\"errorsByKind\":{");
        boolean first = true;
        for (Map.Entry<String, Long> e : r.errorsByKind().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(TableReport::compareKinds)).toList()) {
            sb.append(first ? "" : ",").append(quote(e.getKey())).append(':').append(e.getValue());
            first = false;
        }
        sb.append('}');
        sb.append(",\"requestsPerSecond\":").append(decimal(r.requestsPerSecond(), 1));
        boolean none = l.count() == 0;
        sb.append(",\"p50Ms\":").append(none ? "null" : decimal(LatencySummary.millis(l.p50()), 3));
        sb.append(",\"p90Ms\":").append(none ? "null" : decimal(LatencySummary.millis(l.p90()), 3));
        sb.append(",\"p99Ms\":").append(none ? "null" : decimal(LatencySummary.millis(l.p99()), 3));
        sb.append(",\"maxMs\":").append(none ? "null" : decimal(LatencySummary.millis(l.max()), 3));
        sb.append(",\"meanMs\":").append(none ? "null" : decimal(LatencySummary.millis(l.mean()), 3));
        return sb.append('}').toString();
    }

    private static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}

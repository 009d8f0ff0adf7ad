package io.coffer.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Throughput of each scenario as a percentage of a baseline scenario's (normally
 * {@code health}) at the same client count in the same run — e.g. how much of the HTTP edge's
 * no-op throughput a {@code kv-read} keeps. Immutable.
 */
public final class ResultComparison {
    private final String baseline;
    private final List<String> compared;
    private final List<Row> rows;

    /**
     * One client count: the baseline's req/s and, per compared scenario, its req/s as a
     * percentage of it (absent when that scenario did not run at this count, NaN when the
     * baseline had no successful request).
     *
     * @param clients client count
     * @param baselineRequestsPerSecond baseline throughput
     * @param percentOfBaseline compared scenario name → percentage
     */
    public record Row(int clients, double baselineRequestsPerSecond, Map<String, Double> percentOfBaseline) {
        /** Copies the map, keeping its order. */
        public Row {
            percentOfBaseline = Collections.unmodifiableMap(new LinkedHashMap<>(percentOfBaseline));
        }
    }

    private ResultComparison(String baseline, List<String> compared, List<Row> rows) {
        this.baseline = baseline;
        this.compared = List.copyOf(compared);
        this.rows = List.copyOf(rows);
    }

    /** Compares every other scenario in {@code results} against {@code baseline}. */
    public static ResultComparison of(List<RunResult> results, String baseline) {
        Set<String> others = new LinkedHashSet<>();
        Map<Integer, RunResult> baselineByClients = new LinkedHashMap<>();
        for (RunResult r : results) {
            if (r.scenario().equals(baseline)) {
                baselineByClients.put(r.clients(), r);
            } else {
                others.add(r.scenario());
            }
        }
        List<Row> rows = new ArrayList<>();
        if (!others.isEmpty()) {
            for (RunResult base : baselineByClients.values()) {
                Map<String, Double> percents = new LinkedHashMap<>();
                for (RunResult r : results) {
                    if (others.contains(r.scenario()) && r.clients() == base.clients()) {
                        double b = base.requestsPerSecond();
                        percents.put(r.scenario(), b > 0 ? 100.0 * r.requestsPerSecond() / b : Double.NaN);
                    }
                }
                rows.add(new Row(base.clients(), base.requestsPerSecond(), percents));
            }
        }
        return new ResultComparison(baseline, new ArrayList<>(others), rows);
    }

    /** The baseline scenario's name. */
    public String baseline() {
        return baseline;
    }

    /** The compared scenarios, in the order they first ran. */
    public List<String> compared() {
        return compared;
    }

    /** One row per baseline client count; empty when there is nothing to compare. */
    public List<Row> rows() {
        return rows;
    }
}

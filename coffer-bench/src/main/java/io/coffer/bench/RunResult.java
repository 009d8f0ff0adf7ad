package io.coffer.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The measured outcome of one scenario at one client count, warm-up excluded. Immutable.
 *
 * <p>A request belongs to the run when its response (or failure) arrived inside the measurement
 * window; {@code requests} counts them all and {@code errors} the failed ones. Latency covers
 * successful (2xx) requests only, and {@link #requestsPerSecond()} counts only those.
 *
 * @param scenario scenario name
 * @param clients number of concurrent client connections
 * @param measured length of the measurement window
 * @param requests requests completed in the window, failed ones included
 * @param errorsByKind failed requests by status code or failure kind (see {@link ErrorCounts})
 * @param latency latency of the successful requests
 */
public record RunResult(String scenario, int clients, Duration measured, long requests,
                        Map<String, Long> errorsByKind, LatencySummary latency) {

    /** Validates and copies. */
    public RunResult {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(latency, "latency");
        errorsByKind = Map.copyOf(errorsByKind);
    }

    /** Number of failed requests. */
    public long errors() {
        return errorsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Successful requests per second of the measurement window. */
    public double requestsPerSecond() {
        double seconds = measured.toNanos() / 1e9;
        return seconds <= 0 ? 0 : latency.count() / seconds;
    }
}

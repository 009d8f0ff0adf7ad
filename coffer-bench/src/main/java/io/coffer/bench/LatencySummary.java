package io.coffer.bench;

/**
 * The latency figures of one run, in nanoseconds: an immutable snapshot of a
 * {@link LatencyHistogram}. All values are 0 when {@code count} is 0.
 *
 * @param count number of samples (successful requests)
 * @param p50 median
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param max exact maximum
 * @param mean arithmetic mean
 */
public record LatencySummary(long count, long p50, long p90, long p99, long max, double mean) {

    /** Converts nanoseconds to milliseconds for the reports. */
    public static double millis(double nanos) {
        return nanos / 1_000_000.0;
    }
}

package io.coffer.bench;

/**
 * A latency histogram in nanoseconds with log-linear buckets: exact below 256 ns, then 128
 * equal sub-buckets per power of two, so every value is reported within 1/128 (under 0.8 %)
 * above its true value, and the maximum is kept exactly.
 *
 * <p>Deliberately unsynchronized and allocation-free on {@link #record}: each client thread owns
 * one histogram and the runner {@linkplain #add merges} them after the threads have ended.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 7;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    private static final int EXACT_LIMIT = SUB_COUNT * 2;
    /** Exponents {@code SUB_BITS + 1 .. 62} each get {@code SUB_COUNT} buckets. */
    private static final int BUCKET_COUNT = EXACT_LIMIT + (63 - (SUB_BITS + 1)) * SUB_COUNT;

    private final long[] counts = new long[BUCKET_COUNT];
    private long count;
    private long max;
    private long sum;

    /** Records one latency; negative values (a clock step) are recorded as zero. */
    public void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[bucketOf(value)]++;
        count++;
        sum += value;
        if (value > max) {
            max = value;
        }
    }

    /** Adds every value recorded in {@code other} to this histogram. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKET_COUNT; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sum += other.sum;
        max = Math.max(max, other.max);
    }

    /** The number of recorded values. */
    public long count() {
        return count;
    }

    /** The largest recorded value, exactly; 0 when empty. */
    public long max() {
        return max;
    }

    /** The arithmetic mean of the recorded values; 0 when empty. */
    public double mean() {
        return count == 0 ? 0 : (double) sum / count;
    }

    /**
     * The smallest bucket bound at or below which {@code percentile} percent of the values lie,
     * capped at the exact maximum; 0 when empty.
     *
     * @param percentile in {@code (0, 100]}
     */
    public long valueAtPercentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile * count / 100.0 - 1e-9));
        long seen = 0;
        for (int i = 0; i < BUCKET_COUNT; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestOf(i), max);
            }
        }
        return max;
    }

    /** The summary the reports print: count, p50, p90, p99, max and mean. */
    public LatencySummary summary() {
        return new LatencySummary(count, valueAtPercentile(50), valueAtPercentile(90),
                valueAtPercentile(99), max, mean());
    }

    static int bucketOf(long value) {
        if (value < EXACT_LIMIT) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int mantissa = (int) (value >>> (exponent - SUB_BITS));
        return EXACT_LIMIT + (exponent - SUB_BITS - 1) * SUB_COUNT + (mantissa - SUB_COUNT);
    }

    static long lowestOf(int bucket) {
        if (bucket < EXACT_LIMIT) {
            return bucket;
        }
        int relative = bucket - EXACT_LIMIT;
        int exponent = relative / SUB_COUNT + SUB_BITS + 1;
        long mantissa = relative % SUB_COUNT + SUB_COUNT;
        return mantissa << (exponent - SUB_BITS);
    }

    static long highestOf(int bucket) {
        if (bucket < EXACT_LIMIT) {
            return bucket;
        }
        int exponent = (bucket - EXACT_LIMIT) / SUB_COUNT + SUB_BITS + 1;
        return lowestOf(bucket) + (1L << (exponent - SUB_BITS)) - 1;
    }
}

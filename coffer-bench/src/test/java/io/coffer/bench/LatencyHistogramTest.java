package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void valueAtPercentile_valuesOneToHundred_returnsExactRanks() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 100; v >= 1; v--) {
            h.record(v);
        }

        assertThat(h.count()).isEqualTo(100);
        assertThat(h.valueAtPercentile(50)).isEqualTo(50);
        assertThat(h.valueAtPercentile(90)).isEqualTo(90);
        assertThat(h.valueAtPercentile(99)).isEqualTo(99);
        assertThat(h.valueAtPercentile(100)).isEqualTo(100);
        assertThat(h.max()).isEqualTo(100);
        assertThat(h.mean()).isEqualTo(50.5);
    }

    @Test
    void valueAtPercentile_millisecondLatencies_withinOnePercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (int ms = 1; ms <= 1000; ms++) {
            h.record(ms * 1_000_000L);
        }

        assertThat((double) h.valueAtPercentile(50)).isCloseTo(500e6, within(500e6 * 0.01));
        assertThat((double) h.valueAtPercentile(90)).isCloseTo(900e6, within(900e6 * 0.01));
        assertThat((double) h.valueAtPercentile(99)).isCloseTo(990e6, within(990e6 * 0.01));
        assertThat(h.valueAtPercentile(50)).isGreaterThanOrEqualTo(500_000_000L);
        assertThat(h.max()).isEqualTo(1_000_000_000L);
    }

    @Test
    void summary_skewedDistribution_reportsTail() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 980; i++) {
            h.record(100_000);           // 0.1 ms
        }
        for (int i = 0; i < 20; i++) {
            h.record(50_000_000);        // 50 ms
        }

        LatencySummary s = h.summary();

        assertThat(s.count()).isEqualTo(1000);
        assertThat((double) s.p50()).isCloseTo(100_000, within(1_000.0));
        assertThat((double) s.p90()).isCloseTo(100_000, within(1_000.0));
        assertThat((double) s.p99()).isCloseTo(50_000_000, within(500_000.0));
        assertThat(s.max()).isEqualTo(50_000_000);
        assertThat(s.mean()).isEqualTo((980 * 100_000.0 + 20 * 50_000_000.0) / 1000);
    }

    @Test
    void bucketBounds_randomValues_containValueAndAreNarrow() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long value = random.nextLong(1L << random.nextInt(1, 63));
            int bucket = LatencyHistogram.bucketOf(value);
            long low = LatencyHistogram.lowestOf(bucket);
            long high = LatencyHistogram.highestOf(bucket);

            assertThat(value).isBetween(low, high);
            assertThat((double) (high - low)).isLessThanOrEqualTo(Math.max(0, value / 128.0));
        }
        int last = LatencyHistogram.bucketOf(Long.MAX_VALUE);
        assertThat(LatencyHistogram.highestOf(last)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void bucketOf_consecutiveBuckets_areContiguous() {
        for (int b = 0; b < LatencyHistogram.bucketOf(Long.MAX_VALUE); b++) {
            assertThat(LatencyHistogram.lowestOf(b + 1)).isEqualTo(LatencyHistogram.highestOf(b) + 1);
        }
    }

    @Test
    void add_twoHistograms_combinesCountsPercentilesAndMax() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int v = 1; v <= 50; v++) {
            a.record(v);
        }
        for (int v = 51; v <= 100; v++) {
            b.record(v);
        }

        a.add(b);

        assertThat(a.count()).isEqualTo(100);
        assertThat(a.valueAtPercentile(50)).isEqualTo(50);
        assertThat(a.valueAtPercentile(99)).isEqualTo(99);
        assertThat(a.max()).isEqualTo(100);
        assertThat(b.count()).isEqualTo(50);
    }

    @Test
    void valueAtPercentile_emptyHistogram_returnsZero() {
        LatencyHistogram h = new LatencyHistogram();

        assertThat(h.valueAtPercentile(99)).isZero();
        assertThat(h.summary()).isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0));
    }

    @Test
    void record_negativeValue_countsAsZero() {
        LatencyHistogram h = new LatencyHistogram();

        h.record(-5);

        assertThat(h.count()).isEqualTo(1);
        assertThat(h.valueAtPercentile(100)).isZero();
    }

    @Test
    void valueAtPercentile_outOfRange_isRejected() {
        LatencyHistogram h = new LatencyHistogram();

        assertThatThrownBy(() -> h.valueAtPercentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.valueAtPercentile(100.5)).isInstanceOf(IllegalArgumentException.class);
    }
}

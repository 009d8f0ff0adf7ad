package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationConverterTest {

    @Test
    void parse_goStyleDurations_returnsExactValues() {
        assertThat(DurationConverter.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationConverter.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationConverter.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(DurationConverter.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void parse_bareNumber_meansSeconds() {
        assertThat(DurationConverter.parse("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(DurationConverter.parse("0.25")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void parse_invalidText_isRejected() {
        assertThatThrownBy(() -> DurationConverter.parse("-1s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationConverter.parse("ten")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationConverter.parse("5d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationConverter.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void format_durations_usesCompactUnits() {
        assertThat(DurationConverter.format(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(DurationConverter.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(DurationConverter.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(DurationConverter.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(DurationConverter.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(DurationConverter.format(Duration.ZERO)).isEqualTo("0s");
    }
}

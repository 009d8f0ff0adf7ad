package io.coffer.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void format_wholeUnits_matchesGoDurationString() {
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ofHours(1))).isEqualTo("1h0m0s");
        assertThat(Durations.format(Duration.ofHours(768))).isEqualTo("768h0m0s");
        assertThat(Durations.format(Duration.ofSeconds(3 * 3600 + 25 * 60 + 19))).isEqualTo("3h25m19s");
    }

    @Test
    void format_fractions_matchGo() {
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Durations.format(Duration.ofNanos(1500))).isEqualTo("1.5µs");
        assertThat(Durations.format(Duration.ofNanos(7))).isEqualTo("7ns");
        assertThat(Durations.format(Duration.ofSeconds(-90))).isEqualTo("-1m30s");
    }

    @Test
    void parse_integer_isSeconds() {
        assertThat(Durations.parse("3600")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void parse_goForms_areAccepted() {
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("768h")).isEqualTo(Duration.ofHours(768));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void parse_days_areAccepted() {
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void parse_garbage_throwsGoMessage() {
        assertThatThrownBy(() -> Durations.parse("abc"))
                .hasMessage("time: invalid duration \"abc\"");
        assertThatThrownBy(() -> Durations.parse("5x"))
                .hasMessage("time: unknown unit \"x\" in duration \"5x\"");
    }
}

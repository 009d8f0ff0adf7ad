package io.coffer.builtin.secrets.kv;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoTimeTest {

    @Test
    void format_nanos_keepsNineDigits() {
        assertThat(GoTime.format(Instant.parse("2024-05-01T10:00:00.123456789Z"))).isEqualTo("2024-05-01T10:00:00.123456789Z");
    }

    @Test
    void format_trailingZeros_areTrimmedLikeGo() {
        assertThat(GoTime.format(Instant.parse("2024-05-02T09:00:00.200Z"))).isEqualTo("2024-05-02T09:00:00.2Z");
        assertThat(GoTime.format(Instant.parse("2024-05-02T09:00:00.000001Z"))).isEqualTo("2024-05-02T09:00:00.000001Z");
    }

    @Test
    void format_wholeSecond_hasNoFraction() {
        assertThat(GoTime.format(Instant.parse("2024-12-31T23:59:59Z"))).isEqualTo("2024-12-31T23:59:59Z");
    }

    @Test
    void parse_garbage_throwsWithoutEchoingInput() {
        assertThatThrownBy(() -> GoTime.parse("yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid RFC3339 time");
    }

    @Property
    void format_thenParse_roundTripsAndNeverEndsFractionInZero(
            @ForAll @LongRange(min = 0, max = 253402300799L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);

        String text = GoTime.format(instant);

        assertThat(GoTime.parse(text)).isEqualTo(instant);
        assertThat(text).endsWith("Z").hasSizeBetween(20, 30);
        if (text.contains(".")) {
            assertThat(text).doesNotEndWith("0Z");
        } else {
            assertThat(instant.getNano()).isZero();
        }
    }
}

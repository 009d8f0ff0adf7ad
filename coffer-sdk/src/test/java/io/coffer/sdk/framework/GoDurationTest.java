package io.coffer.sdk.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}s")
    @CsvSource({
            "30m, 1800",
            "768h, 2764800",
            "1h30m, 5400",
            "1.5h, 5400",
            "90, 90",
            "0, 0",
            "2d, 172800",
            "90s, 90",
            "1d12h, 129600",
            ".5m, 30",
            "5.m, 300",
            "' 45s ', 45",
            "+10s, 10",
    })
    void parse_vaultDurationText_wholeSeconds(String text, long seconds) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void parse_emptyOrBlank_zero() {
        assertThat(GoDuration.parse("")).isEqualTo(Duration.ZERO);
        assertThat(GoDuration.parse("   ")).isEqualTo(Duration.ZERO);
    }

    @Test
    void parse_subSecondUnits_exactNanos() {
        assertThat(GoDuration.parse("1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(GoDuration.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(GoDuration.parse("250µs")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(GoDuration.parse("7ns")).isEqualTo(Duration.ofNanos(7));
    }

    @Test
    void parse_leadingMinus_negative() {
        assertThat(GoDuration.parse("-1h30m")).isEqualTo(Duration.ofMinutes(-90));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"4.1m, 246", "8.2m, 492", "0.1h, 360", "33.3m, 1998", "1.1d, 95040"})
    void parse_decimalFraction_exactAsGo(String text, long seconds) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"abc", "5x", "h", "1h 30m", "-", "1h-30m", "h1", "1..5h", "30m!", "1e3s", "--5s"})
    void parse_malformed_throwsWithoutNamingTheValue(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid duration");
    }

    @Test
    void parse_secondsBeyondLongRange_throwsWithoutNamingTheValue() {
        String text = "99999999999999999999";

        assertThatThrownBy(() -> GoDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(text);
    }

    @Test
    void parse_justBeyondGoMaximumDuration_throws() {
        assertThat(GoDuration.parse("2562047h47m16s")).isEqualTo(Duration.ofSeconds(9223372036L));
        assertThatThrownBy(() -> GoDuration.parse("2562047h47m17s")).hasMessage("invalid duration");
    }

    @Test
    void parse_unitValueOverflowingNanos_throws() {
        assertThatThrownBy(() -> GoDuration.parse("99999999999999999999h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid duration");
    }

    @ParameterizedTest(name = "{0}s -> \"{1}\"")
    @CsvSource({
            "0, 0s",
            "1, 1s",
            "59, 59s",
            "60, 1m0s",
            "90, 1m30s",
            "3600, 1h0m0s",
            "5400, 1h30m0s",
            "2764800, 768h0m0s",
            "-90, -1m30s",
    })
    void format_wholeSeconds_goDurationString(long seconds, String expected) {
        assertThat(GoDuration.format(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @Test
    void format_thenParse_roundTrips() {
        for (long s : new long[] {0, 1, 61, 3599, 3601, 86399, 2764800}) {
            assertThat(GoDuration.parse(GoDuration.format(Duration.ofSeconds(s)))).isEqualTo(Duration.ofSeconds(s));
        }
    }
}

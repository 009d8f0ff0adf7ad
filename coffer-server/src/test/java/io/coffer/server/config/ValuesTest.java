package io.coffer.server.config;

import io.coffer.core.hcl.HclObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {

    @ParameterizedTest
    @CsvSource({"768h, 2764800", "1h30m, 5400", "1.5h, 5400", "90s, 90", "3600, 3600", "2d, 172800", "0, 0",
            "500ms, 0.5", "1m0.25s, 60.25"})
    void duration_goAndVaultForms_areParsed(String text, double seconds) {
        assertThat(Values.duration(text)).isEqualTo(Duration.ofNanos((long) (seconds * 1_000_000_000L)));
    }

    @Test
    void duration_bareNumber_isSeconds() {
        assertThat(Values.duration(45L)).isEqualTo(Duration.ofSeconds(45));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h", "1x", "1h 30m", "-1h", "1.2.3s", "ten minutes"})
    void duration_malformedOrNegative_isRefused(String text) {
        assertThatThrownBy(() -> Values.duration(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("must ");
    }

    @Test
    void duration_nonNumberNonString_isRefused() {
        assertThatThrownBy(() -> Values.duration(true)).hasMessageEndingWith("got true");
        assertThatThrownBy(() -> Values.duration(1.5)).hasMessageEndingWith("got 1.5");
    }

    @ParameterizedTest
    @CsvSource({"1024, 1024", "2KiB, 2048", "2kb, 2000", "3 MiB, 3145728", "1G, 1000000000", "1Ti, 1099511627776", "-1, -1"})
    void size_unitsAndNumbers_areBytes(String text, long bytes) {
        assertThat(Values.size(text)).isEqualTo(bytes);
    }

    @Test
    void size_overflowOrUnknownUnit_isRefused() {
        assertThatThrownBy(() -> Values.size("99999999999TiB")).hasMessageEndingWith("got a size out of range");
        assertThatThrownBy(() -> Values.size("5 parsecs")).hasMessageEndingWith("got \"5 parsecs\"");
        assertThatThrownBy(() -> Values.size(List.of())).hasMessageEndingWith("got a list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "t", "T", "true", "TRUE", "True"})
    void bool_goTrueSpellings_areTrue(String text) {
        assertThat(Values.bool(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "f", "F", "false", "FALSE", "False"})
    void bool_goFalseSpellings_areFalse(String text) {
        assertThat(Values.bool(text)).isFalse();
    }

    @Test
    void bool_numbersAndOthers_onlyZeroAndOne() {
        assertThat(Values.bool(1L)).isTrue();
        assertThat(Values.bool(0L)).isFalse();
        assertThatThrownBy(() -> Values.bool(2L)).hasMessageEndingWith("got 2");
        assertThatThrownBy(() -> Values.bool("yes")).hasMessageEndingWith("got \"yes\"");
        assertThatThrownBy(() -> Values.bool(new HclObject(List.of()))).hasMessageEndingWith("got a block");
        assertThatThrownBy(() -> Values.bool(null)).hasMessageEndingWith("got null");
    }

    @Test
    void integer_quotedAndBare_areWholeNumbers() {
        assertThat(Values.integer("42")).isEqualTo(42);
        assertThat(Values.integer(7L)).isEqualTo(7);
        assertThatThrownBy(() -> Values.integer(2.5)).hasMessage("must be a whole number, got 2.5");
        assertThatThrownBy(() -> Values.integer("99999999999999999999")).hasMessageEndingWith("out of range");
    }

    @Test
    void describe_longString_isShortenedAndEscaped() {
        assertThat(Values.describe("a\nb")).isEqualTo("\"a\\u000ab\"");
        assertThat(Values.describe("x".repeat(100))).hasSize(45);
    }

    @Test
    void format_durations_useGoStyle() {
        assertThat(GoDuration.format(Duration.ofHours(768))).isEqualTo("768h0m0s");
        assertThat(GoDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(GoDuration.format(Duration.ofSeconds(5))).isEqualTo("5s");
    }
}

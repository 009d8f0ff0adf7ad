package io.coffer.sdk.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class GoDurationPropertiesTest {

    @Property
    void format_thenParse_sameWholeSeconds(@ForAll @LongRange(min = -9_000_000_000L, max = 9_000_000_000L) long seconds) {
        assertThat(GoDuration.parse(GoDuration.format(Duration.ofSeconds(seconds)))).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Property
    void parse_hoursMinutesSeconds_sumOfParts(@ForAll @IntRange(max = 100_000) int h, @ForAll @IntRange(max = 59) int m,
                                              @ForAll @IntRange(max = 59) int s) {
        assertThat(GoDuration.parse(h + "h" + m + "m" + s + "s")).isEqualTo(Duration.ofSeconds(h * 3600L + m * 60L + s));
    }

    @Property
    void parse_decimalMinutes_exactlyAsDecimalArithmetic(@ForAll @IntRange(max = 100_000) int whole,
                                                         @ForAll @IntRange(max = 999) int thousandths) {
        String text = whole + "." + String.format("%03d", thousandths);
        long expectedNanos = new BigDecimal(text).multiply(BigDecimal.valueOf(60_000_000_000L)).longValueExact();

        assertThat(GoDuration.parse(text + "m")).isEqualTo(Duration.ofNanos(expectedNanos));
    }
}

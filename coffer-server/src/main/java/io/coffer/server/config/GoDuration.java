package io.coffer.server.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Go's {@code time.ParseDuration} syntax — an optionally signed sequence of decimal
 * numbers, each with a unit {@code ns us µs ms s m h}, e.g. {@code 1h30m} or {@code 1.5h} — into
 * a {@link Duration} with nanosecond precision. Anything else is a {@link NumberFormatException}.
 */
final class GoDuration {

    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> NANOS = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    static Duration parse(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw new NumberFormatException("empty duration");
        }
        Matcher m = PART.matcher(s);
        BigDecimal total = BigDecimal.ZERO;
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new NumberFormatException("invalid duration");
            }
            total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))));
            at = m.end();
        }
        long nanos = total.setScale(0, RoundingMode.DOWN).longValueExact();
        return negative ? Duration.ofNanos(-nanos) : Duration.ofNanos(nanos);
    }

    /** Whole seconds of {@code d} in Go's style, e.g. {@code 768h0m0s} or {@code 45s}. */
    static String format(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return d.toMinutes() + "m" + d.toSecondsPart() + "s";
        }
        return d.toHours() + "h" + d.toMinutesPart() + "m" + d.toSecondsPart() + "s";
    }
}

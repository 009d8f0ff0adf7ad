package io.coffer.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Converts Vault/Go style durations for picocli options: a sequence of number-and-unit parts such
 * as {@code 10s}, {@code 500ms}, {@code 1m30s}, {@code 1.5s} (units {@code ns us ms s m h}), or a
 * bare number meaning seconds. Negative durations are rejected.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h))+");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException if it is not a non-negative duration
     */
    public static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (NUMBER.matcher(s).matches()) {
            return nanos(new BigDecimal(s), 1_000_000_000L);
        }
        if (!WHOLE.matcher(s).matches()) {
            throw new IllegalArgumentException("invalid duration '" + text
                    + "' (expected e.g. 10s, 500ms, 1m30s or a number of seconds)");
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(s);
        while (m.find()) {
            total = total.plus(nanos(new BigDecimal(m.group(1)), unitNanos(m.group(2))));
        }
        return total;
    }

    /** Formats {@code d} compactly, e.g. {@code 10s}, {@code 500ms}, {@code 1m30s}, {@code 1.5s}. */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos % 1_000_000_000L == 0) {
            long seconds = nanos / 1_000_000_000L;
            if (seconds == 0) {
                return "0s";
            }
            StringBuilder sb = new StringBuilder();
            if (seconds >= 3600) {
                sb.append(seconds / 3600).append('h');
            }
            if (seconds % 3600 >= 60) {
                sb.append(seconds % 3600 / 60).append('m');
            }
            if (seconds % 60 != 0) {
                sb.append(seconds % 60).append('s');
            }
            return sb.toString();
        }
        if (nanos < 1_000_000_000L && nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
    }

    private static Duration nanos(BigDecimal amount, long unitNanos) {
        try {
            return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(unitNanos)).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration is too long or not a whole number of nanoseconds");
        }
    }
}

package io.coffer.sdk.framework;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats durations the way Vault's clients write them: integer seconds, or Go's
 * {@code time.ParseDuration} syntax ({@code 90s}, {@code 1h30m}, {@code 768h}, {@code 1.5h}),
 * plus Vault's {@code d} suffix for days.
 */
public final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h|d)");

    private GoDuration() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException when it is not a duration; the message names no value
     */
    public static Duration parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return Duration.ZERO;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(s));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid duration");
            }
        }
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        Matcher m = PART.matcher(s);
        int position = 0;
        // exact decimal arithmetic, as Go's: a double turns "4.1m" into 245.999… seconds
        BigDecimal nanos = BigDecimal.ZERO;
        while (position < s.length()) {
            if (!m.find(position) || m.start() != position) {
                throw new IllegalArgumentException("invalid duration");
            }
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            position = m.end();
        }
        if (position == 0) {
            throw new IllegalArgumentException("invalid duration");
        }
        BigInteger whole = nanos.toBigInteger();
        if (whole.bitLength() >= Long.SIZE) {
            throw new IllegalArgumentException("invalid duration");
        }
        Duration d = Duration.ofNanos(whole.longValue());
        return negative ? d.negated() : d;
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "d" -> 86_400_000_000_000L;
            default -> throw new IllegalArgumentException("invalid duration unit");
        };
    }

    /** Formats whole seconds as Go's {@code Duration.String()} does: {@code 0s}, {@code 1h0m0s}, {@code 90s} → {@code 1m30s}. */
    public static String format(Duration duration) {
        long total = duration.getSeconds();
        if (total == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        if (total < 0) {
            sb.append('-');
            total = -total;
        }
        long h = total / 3600;
        long m = (total % 3600) / 60;
        long sec = total % 60;
        if (h > 0) {
            sb.append(h).append('h').append(m).append('m').append(sec).append('s');
        } else if (m > 0) {
            sb.append(m).append('m').append(sec).append('s');
        } else {
            sb.append(sec).append('s');
        }
        return sb.toString();
    }
}

package io.coffer.sdk.framework;

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
            return Duration.ofSeconds(Long.parseLong(s));
        }
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        Matcher m = PART.matcher(s);
        int position = 0;
        double nanos = 0;
        while (position < s.length()) {
            if (!m.find(position) || m.start() != position) {
                throw new IllegalArgumentException("invalid duration");
            }
            nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
            position = m.end();
        }
        if (position == 0) {
            throw new IllegalArgumentException("invalid duration");
        }
        Duration d = Duration.ofNanos((long) nanos);
        return negative ? d.negated() : d;
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            case "d" -> 86400e9;
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

package io.coffer.cli.output;

import java.time.Duration;

/**
 * Go's {@code time.Duration} text: {@link #format(long)} is {@code Duration.String()} and
 * {@link #parse(String)} is {@code time.ParseDuration}, extended as the vault CLI's flags are
 * (a bare integer means seconds, a {@code d} suffix means days).
 *
 * <p>Pure functions; parse errors carry Go's message ({@code time: invalid duration "x"}).
 */
public final class Durations {
    private static final long NS = 1L;
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long M = 60 * S;
    private static final long H = 60 * M;

    private Durations() {}

    /** Formats a duration like Go's {@code Duration.String()}. */
    public static String format(Duration d) {
        long nanos;
        try {
            nanos = d.toNanos();
        } catch (ArithmeticException e) {
            nanos = d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return format(nanos);
    }

    /** Formats nanoseconds like Go's {@code Duration.String()} ({@code 1h0m0s}, {@code 1.5s}). */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        boolean neg = nanos < 0;
        // Work on the magnitude as an unsigned value (Long.MIN_VALUE stays representable).
        long u = neg ? -nanos : nanos;
        StringBuilder out = new StringBuilder();
        if (Long.compareUnsigned(u, S) < 0) {
            int prec;
            String unit;
            if (u < US) {
                prec = 0;
                unit = "ns";
            } else if (u < MS) {
                prec = 3;
                unit = "µs";
            } else {
                prec = 6;
                unit = "ms";
            }
            out.append(fmtIntFrac(u, prec)).append(unit);
        } else {
            String secs = fmtIntFrac(Long.remainderUnsigned(u, M), 9);
            long minutesTotal = Long.divideUnsigned(u, M);
            StringBuilder sb = new StringBuilder();
            if (minutesTotal > 0) {
                long hours = minutesTotal / 60;
                long minutes = minutesTotal % 60;
                if (hours > 0) {
                    sb.append(hours).append('h');
                }
                sb.append(minutes).append('m');
            }
            sb.append(secs).append('s');
            out.append(sb);
        }
        return neg ? "-" + out : out.toString();
    }

    /** Formats {@code v / 10^prec} with the fraction's trailing zeros (and dot) dropped. */
    private static String fmtIntFrac(long v, int prec) {
        long pow = 1;
        for (int i = 0; i < prec; i++) {
            pow *= 10;
        }
        long whole = Long.divideUnsigned(v, pow);
        long frac = Long.remainderUnsigned(v, pow);
        StringBuilder sb = new StringBuilder(Long.toUnsignedString(whole));
        if (frac != 0) {
            StringBuilder f = new StringBuilder(Long.toString(frac));
            while (f.length() < prec) {
                f.insert(0, '0');
            }
            while (f.charAt(f.length() - 1) == '0') {
                f.setLength(f.length() - 1);
            }
            sb.append('.').append(f);
        }
        return sb.toString();
    }

    /**
     * Parses a CLI duration: empty is zero, an integer is seconds, {@code Nd} is days, anything
     * else is a Go duration ({@code 1h30m}, {@code 90s}, {@code 1.5h}).
     *
     * @throws IllegalArgumentException with Go's message when the text is not a duration
     */
    public static Duration parse(String text) {
        String in = text.trim();
        if (in.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(in));
        } catch (NumberFormatException ignored) {
            // not a bare integer
        }
        if (in.endsWith("d")) {
            try {
                return Duration.ofDays(Long.parseLong(in.substring(0, in.length() - 1)));
            } catch (NumberFormatException ignored) {
                // fall through to the Go grammar, which rejects it with Go's message
            }
        }
        return Duration.ofNanos(parseGo(in));
    }

    /** Parses Go's {@code time.ParseDuration} grammar and returns nanoseconds. */
    public static long parseGo(String s) {
        String orig = s;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(orig);
        }
        double total = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String num = s.substring(start, i);
            if (num.isEmpty() || num.equals(".")) {
                throw invalid(orig);
            }
            int ustart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(ustart, i);
            long scale;
            switch (unit) {
                case "ns" -> scale = NS;
                case "us", "µs", "μs" -> scale = US;
                case "ms" -> scale = MS;
                case "s" -> scale = S;
                case "m" -> scale = M;
                case "h" -> scale = H;
                case "" -> throw new IllegalArgumentException(
                        "time: missing unit in duration " + quoteGo(orig));
                default -> throw new IllegalArgumentException(
                        "time: unknown unit " + quoteGo(unit) + " in duration " + quoteGo(orig));
            }
            double value;
            try {
                value = Double.parseDouble(num);
            } catch (NumberFormatException e) {
                throw invalid(orig);
            }
            total += value * scale;
            if (total > Long.MAX_VALUE) {
                throw invalid(orig);
            }
        }
        long result = Math.round(total);
        return neg ? -result : result;
    }

    private static IllegalArgumentException invalid(String orig) {
        return new IllegalArgumentException("time: invalid duration " + quoteGo(orig));
    }

    private static String quoteGo(String s) {
        return "\"" + s + "\"";
    }
}

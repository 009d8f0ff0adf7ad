package io.coffer.server.config;

import io.coffer.core.hcl.HclObject;
import io.coffer.core.hcl.Snippet;
import io.coffer.sdk.framework.GoBool;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts parsed configuration values to typed ones with the leniency Vault's config reader
 * has (booleans and numbers may be quoted, durations may be bare seconds). Every failure is an
 * {@link IllegalArgumentException} whose message is the problem in the form {@code must be …,
 * got …}, quoting the value only through {@link Snippet}.
 */
final class Values {

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern SIZE = Pattern.compile("([0-9]+)\\s*([a-zA-Z]*)");
    private static final Map<String, Long> SIZE_UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("b", 1L),
            Map.entry("k", 1_000L), Map.entry("kb", 1_000L), Map.entry("ki", 1L << 10), Map.entry("kib", 1L << 10),
            Map.entry("m", 1_000_000L), Map.entry("mb", 1_000_000L), Map.entry("mi", 1L << 20), Map.entry("mib", 1L << 20),
            Map.entry("g", 1_000_000_000L), Map.entry("gb", 1_000_000_000L), Map.entry("gi", 1L << 30), Map.entry("gib", 1L << 30),
            Map.entry("t", 1_000_000_000_000L), Map.entry("tb", 1_000_000_000_000L), Map.entry("ti", 1L << 40),
            Map.entry("tib", 1L << 40));

    private Values() {
    }

    static String string(Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw bad("a string", v);
    }

    static String nonEmptyString(Object v) {
        String s = string(v);
        if (s.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return s;
    }

    /** {@code true}/{@code false}, the strings Go's {@code strconv.ParseBool} accepts, or 1/0. */
    static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long n && (n == 0 || n == 1)) {
            return n == 1;
        }
        if (v instanceof String s && GoBool.parse(s) != null) {
            return GoBool.parse(s);
        }
        throw bad("a boolean (true, false, \"true\", \"false\", 1 or 0)", v);
    }

    /** A whole number, possibly quoted. */
    static long integer(Object v) {
        if (v instanceof Long n) {
            return n;
        }
        if (v instanceof String s && INTEGER.matcher(s.strip()).matches()) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number, got a number out of range");
            }
        }
        throw bad("a whole number", v);
    }

    /**
     * A non-negative duration: a number of seconds (bare or quoted), {@code Nd} days, or Go's
     * duration syntax such as {@code 768h} or {@code 1h30m}.
     */
    static Duration duration(Object v) {
        String what = "a duration such as \"768h\", \"30m\" or a number of seconds";
        if (v instanceof Long n) {
            if (n < 0) {
                throw new IllegalArgumentException("must not be negative, got " + n);
            }
            return Duration.ofSeconds(n);
        }
        if (!(v instanceof String s)) {
            throw bad(what, v);
        }
        String text = s.strip();
        try {
            if (INTEGER.matcher(text).matches()) {
                return nonNegative(Duration.ofSeconds(Long.parseLong(text)), v);
            }
            if (text.endsWith("d") && INTEGER.matcher(text.substring(0, text.length() - 1)).matches()) {
                return nonNegative(Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1))), v);
            }
            return nonNegative(GoDuration.parse(text), v);
        } catch (NumberFormatException | ArithmeticException e) {
            throw bad(what, v);
        }
    }

    private static Duration nonNegative(Duration d, Object v) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("must not be negative, got " + describe(v));
        }
        return d;
    }

    /**
     * A size in bytes: a whole number (bare or quoted, may be negative), or a quoted number with a
     * unit: {@code B}, SI {@code KB MB GB TB} (also {@code K M G T}) or IEC {@code KiB MiB GiB TiB}
     * (also {@code Ki Mi Gi Ti}), case-insensitive.
     */
    static long size(Object v) {
        String what = "a size in bytes such as 33554432 or \"32MiB\"";
        if (v instanceof Long n) {
            return n;
        }
        if (!(v instanceof String s)) {
            throw bad(what, v);
        }
        String text = s.strip();
        if (INTEGER.matcher(text).matches()) {
            return integer(text);
        }
        Matcher m = SIZE.matcher(text);
        Long unit = m.matches() ? SIZE_UNITS.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
        if (unit == null) {
            throw bad(what, v);
        }
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("must be " + what + ", got a size out of range");
        }
    }

    /** A short, safe description of a configured value for error messages. */
    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return Snippet.quote(s);
        }
        if (v instanceof HclObject) {
            return "a block";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        return String.valueOf(v);
    }

    private static IllegalArgumentException bad(String what, Object v) {
        return new IllegalArgumentException("must be " + what + ", got " + describe(v));
    }
}

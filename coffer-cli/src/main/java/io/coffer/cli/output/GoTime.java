package io.coffer.cli.output;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Go's RFC 3339 time layouts, as the vault CLI prints decoded {@code time.Time} values: {@code
 * time.RFC3339} (whole seconds) in tables, {@code time.RFC3339Nano} (fraction without trailing
 * zeros) in JSON; a zero offset is written {@code Z}, any other offset is kept.
 */
public final class GoTime {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private GoTime() {}

    /** Parses an RFC 3339 timestamp, or returns null when {@code s} is empty or not one. */
    public static OffsetDateTime parse(String s) {
        try {
            return s == null || s.isEmpty() ? null : OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Go's {@code time.RFC3339}: seconds, no fraction. */
    public static String rfc3339(OffsetDateTime t) {
        return t.format(SECONDS) + offset(t);
    }

    /** Go's {@code time.RFC3339Nano}: fraction without trailing zeros, {@code Z} for UTC. */
    public static String rfc3339Nano(OffsetDateTime t) {
        StringBuilder sb = new StringBuilder(t.format(SECONDS));
        int nanos = t.getNano();
        if (nanos != 0) {
            String frac = String.format(Locale.ROOT, "%09d", nanos);
            int end = frac.length();
            while (frac.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(frac, 0, end);
        }
        return sb.append(offset(t)).toString();
    }

    /**
     * Re-formats an RFC 3339 string as {@link #rfc3339Nano} would print the decoded value; other
     * strings are returned unchanged.
     */
    public static String normalizeNano(String s) {
        OffsetDateTime t = parse(s);
        return t == null ? s : rfc3339Nano(t);
    }

    private static String offset(OffsetDateTime t) {
        ZoneOffset off = t.getOffset();
        return off.getTotalSeconds() == 0 ? "Z" : off.getId();
    }
}

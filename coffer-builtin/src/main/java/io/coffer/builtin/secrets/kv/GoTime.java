package io.coffer.builtin.secrets.kv;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Formats instants the way Go's {@code time.RFC3339Nano} does in UTC: up to nine fraction digits
 * with trailing zeros removed, and no fraction at all on a whole second
 * ({@code 2024-05-01T10:00:00.1234Z}, {@code 2024-05-01T10:00:00Z}). Stateless.
 */
public final class GoTime {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private GoTime() {
    }

    /** The RFC3339Nano text of {@code instant} in UTC. */
    public static String format(Instant instant) {
        StringBuilder sb = new StringBuilder(30);
        SECONDS.formatTo(instant, sb);
        int nanos = instant.getNano();
        if (nanos != 0) {
            char[] digits = new char[9];
            for (int i = 8; i >= 0; i--) {
                digits[i] = (char) ('0' + nanos % 10);
                nanos /= 10;
            }
            int length = 9;
            while (digits[length - 1] == '0') {
                length--;
            }
            sb.append('.').append(digits, 0, length);
        }
        return sb.append('Z').toString();
    }

    /**
     * Parses an RFC3339 UTC text as written by {@link #format(Instant)}.
     *
     * @throws IllegalArgumentException when the text is not such a time; the message holds no input
     */
    public static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid RFC3339 time");
        }
    }
}

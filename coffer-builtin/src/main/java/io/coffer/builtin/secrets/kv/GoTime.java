package io.coffer.builtin.secrets.kv;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Formats instants the way Go's {@code time.RFC3339Nano} does in UTC: up to nine fraction digits
 * with trailing zeros removed, and no fraction at all on a whole second
 * ({@code 2024-05-01T10:00:00.1234Z}, {@code 2024-05-01T10:00:00Z}). Stateless.
 */
public final class GoTime {
    private GoTime() {
    }

    /** The RFC3339Nano text of {@code instant} in UTC. */
    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(30);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return instant.toString();
        }
        pad(sb, year, 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append('T');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
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
     * Parses an RFC3339 UTC text as written by {@link #format(Instant)}; the fixed layout is read
     * directly (KV reads parse several of these per request), anything else through
     * {@link Instant#parse}.
     *
     * @throws IllegalArgumentException when the text is not such a time; the message holds no input
     */
    public static Instant parse(String text) {
        try {
            Instant fast = parseFixed(text);
            return fast != null ? fast : Instant.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("invalid RFC3339 time");
        }
    }

    /** {@code uuuu-MM-ddTHH:mm:ss[.fffffffff]Z}, or {@code null} when the text has another shape. */
    private static Instant parseFixed(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n - 21 > 9 || n == 21) {
                return null;
            }
            for (int i = 20; i < n - 1; i++) {
                int d = digit(s, i);
                if (d < 0) {
                    return null;
                }
                nanos = nanos * 10 + d;
            }
            for (int i = n - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        return t.toInstant(ZoneOffset.UTC);
    }

    private static int number(String s, int from, int length) {
        int v = 0;
        for (int i = from; i < from + length; i++) {
            int d = digit(s, i);
            if (d < 0) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int digit(String s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}

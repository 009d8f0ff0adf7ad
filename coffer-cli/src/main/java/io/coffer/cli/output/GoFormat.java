package io.coffer.cli.output;

import io.coffer.cli.json.GoJson;
import io.coffer.cli.json.JsonNumber;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Renders values the way Go's {@code fmt} package does for the vault CLI's tables.
 *
 * <p>{@link #value(Object)} is {@code %v} ({@code <nil>}, {@code [a b]}, {@code map[k:v]} with
 * sorted keys), {@link #quotedList(List)} is {@code %q} of a {@code []string}, and
 * {@link #humanDuration(long)} is the CLI's {@code humanDuration} ({@code 768h}, {@code 1m30s}).
 */
public final class GoFormat {
    private GoFormat() {}

    /** Formats {@code v} like Go's {@code %v} for decoded JSON values. */
    public static String value(Object v) {
        StringBuilder sb = new StringBuilder();
        appendValue(sb, v);
        return sb.toString();
    }

    private static void appendValue(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("<nil>");
        } else if (v instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            for (Object k : map.keySet()) {
                keys.add(String.valueOf(k));
            }
            keys.sort(GoJson.GO_STRING_ORDER);
            sb.append("map[");
            boolean first = true;
            for (String k : keys) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                sb.append(k).append(':');
                appendValue(sb, map.get(k));
            }
            sb.append(']');
        } else if (v instanceof Collection<?> list) {
            sb.append('[');
            boolean first = true;
            for (Object o : list) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                appendValue(sb, o);
            }
            sb.append(']');
        } else if (v instanceof JsonNumber n) {
            sb.append(n.literal());
        } else {
            sb.append(v);
        }
    }

    /** Formats a string list like Go's {@code %q}: {@code ["a" "b"]}; null is {@code []}. */
    public static String quotedList(List<?> list) {
        StringBuilder sb = new StringBuilder("[");
        if (list != null) {
            boolean first = true;
            for (Object o : list) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                sb.append(quote(o == null ? "" : o.toString()));
            }
        }
        return sb.append(']').toString();
    }

    /** Quotes a string like Go's {@code strconv.Quote}. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case 7 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 11 -> sb.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append(String.format("\\x%02x", cp));
                    } else if (!isPrintable(cp)) {
                        sb.append(cp > 0xFFFF ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean isPrintable(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.UNASSIGNED
                && type != Character.SURROGATE
                && type != Character.PRIVATE_USE
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR
                && (type != Character.SPACE_SEPARATOR || cp == ' ');
    }

    /** True for keys the vault CLI prints as durations ({@code ttl}, {@code *_ttl}, ...). */
    public static boolean looksLikeDuration(String k) {
        return k.equals("period")
                || k.endsWith("_period")
                || k.equals("ttl")
                || k.endsWith("_ttl")
                || k.equals("duration")
                || k.endsWith("_duration")
                || k.equals("lease_max")
                || k.equals("ttl_max");
    }

    /** Humanizes integral numbers as durations in seconds; other values come back unchanged. */
    public static Object humanDurationValue(Object v) {
        if (v instanceof JsonNumber n) {
            Long l = n.asLongOrNull();
            return l == null ? v : humanDuration(l);
        }
        if (v instanceof Integer || v instanceof Long) {
            return humanDuration(((Number) v).longValue());
        }
        return v;
    }

    /** Formats seconds like the vault CLI: Go's duration text without trailing zero units. */
    public static String humanDuration(long seconds) {
        if (seconds == 0) {
            return "0s";
        }
        String s = Durations.format(seconds * 1_000_000_000L);
        if (s.endsWith("m0s")) {
            s = s.substring(0, s.length() - 2);
        }
        int idx = s.indexOf("h0m");
        if (idx > 0) {
            s = s.substring(0, idx + 1) + s.substring(idx + 3);
        }
        return s;
    }
}

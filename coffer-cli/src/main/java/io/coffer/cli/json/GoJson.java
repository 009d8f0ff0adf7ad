package io.coffer.cli.json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Encodes plain Java values as JSON exactly as Go's {@code encoding/json} does.
 *
 * <p>Guarantees: map keys are sorted (Go sorts map keys), {@link JsonStruct} fields keep their
 * order, {@code <}, {@code >}, {@code &}, U+2028 and U+2029 are escaped as Go's HTML-safe
 * encoder does, and {@link #marshalIndent(Object)} matches {@code json.MarshalIndent(v, "", "  ")}
 * byte for byte, empty objects and arrays included ({@code {}} and {@code []}).
 */
public final class GoJson {

    /** Orders strings by code point, which is Go's byte-wise order of UTF-8 strings. */
    public static final Comparator<String> GO_STRING_ORDER = new GoStringOrder();

    private GoJson() {}

    /** Returns the compact encoding ({@code json.Marshal}). */
    public static String marshal(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, null, 0);
        return sb.toString();
    }

    /** Returns the indented encoding ({@code json.MarshalIndent(v, "", "  ")}). */
    public static String marshalIndent(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, "  ", 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value, String indent, int depth) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            quote(sb, s);
        } else if (value instanceof Boolean b) {
            sb.append(b.booleanValue() ? "true" : "false");
        } else if (value instanceof JsonNumber n) {
            sb.append(n.literal());
        } else if (value instanceof Number n) {
            sb.append(n.toString());
        } else if (value instanceof JsonStruct struct) {
            writeObject(sb, new ArrayList<>(struct.fields().entrySet()), indent, depth);
        } else if (value instanceof Map<?, ?> map) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                entries.add(Map.entry(String.valueOf(e.getKey()), nullSafe(e.getValue())));
            }
            entries.sort(new KeyOrder());
            writeObject(sb, entries, indent, depth);
        } else if (value instanceof Collection<?> list) {
            writeArray(sb, list, indent, depth);
        } else if (value instanceof Object[] array) {
            writeArray(sb, List.of(array), indent, depth);
        } else {
            quote(sb, value.toString());
        }
    }

    private static Object nullSafe(Object v) {
        return v == null ? NULL : v;
    }

    private static final Object NULL = new Object();

    private static void writeObject(
            StringBuilder sb, List<Map.Entry<String, Object>> entries, String indent, int depth) {
        if (entries.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : entries) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            newline(sb, indent, depth + 1);
            quote(sb, e.getKey());
            sb.append(':');
            if (indent != null) {
                sb.append(' ');
            }
            Object v = e.getValue() == NULL ? null : e.getValue();
            write(sb, v, indent, depth + 1);
        }
        newline(sb, indent, depth);
        sb.append('}');
    }

    private static void writeArray(StringBuilder sb, Collection<?> list, String indent, int depth) {
        if (list.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        boolean first = true;
        for (Object v : list) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            newline(sb, indent, depth + 1);
            write(sb, v, indent, depth + 1);
        }
        newline(sb, indent, depth);
        sb.append(']');
    }

    private static void newline(StringBuilder sb, String indent, int depth) {
        if (indent == null) {
            return;
        }
        sb.append('\n');
        for (int i = 0; i < depth; i++) {
            sb.append(indent);
        }
    }

    /** Appends {@code s} as a Go-encoded JSON string literal. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                case '<':
                case '>':
                case '&':
                case '\u2028':
                case '\u2029':
                    unicodeEscape(sb, c);
                    break;
                default:
                    if (c < 0x20) {
                        unicodeEscape(sb, c);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                            sb.append(c).append(s.charAt(i + 1));
                            i++;
                        } else {
                            sb.append("\\ufffd");
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        sb.append("\\ufffd");
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    private static void unicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u");
        String hex = Integer.toHexString(c);
        for (int i = hex.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(hex);
    }

    /** Orders map entries by key, Go style. */
    private static final class KeyOrder implements Comparator<Map.Entry<String, Object>> {
        @Override
        public int compare(Map.Entry<String, Object> a, Map.Entry<String, Object> b) {
            return compareCodePoints(a.getKey(), b.getKey());
        }
    }

    /** Go's string order; a class rather than a method reference to keep start-up cheap. */
    private static final class GoStringOrder implements Comparator<String> {
        @Override
        public int compare(String a, String b) {
            return compareCodePoints(a, b);
        }
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}

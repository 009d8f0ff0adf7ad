package io.coffer.sdk.framework;

import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of one request, decoded against a path's schema with Vault's lenient typing.
 *
 * <p>Every getter validates on access: a value of the wrong type raises an
 * {@link InvalidRequestException} whose message names the field (never its value). Values
 * captured from the URL path take precedence over body or query fields of the same name.
 */
public final class FieldData {

    private final Map<String, Object> raw;
    private final Map<String, FieldSchema> schema;

    public FieldData(Map<String, Object> raw, Map<String, FieldSchema> schema) {
        this.raw = raw;
        this.schema = schema;
    }

    /** The undecoded request fields, body and path captures together. */
    public Map<String, Object> raw() {
        return raw;
    }

    /** Whether the field was given (a JSON {@code null} counts as absent). */
    public boolean has(String name) {
        return raw.get(name) != null;
    }

    /** Checks every declared field that is present, so a type error surfaces before any write. */
    public void validate() {
        for (FieldSchema field : schema.values()) {
            if (has(field.name())) {
                get(field.name());
            }
        }
    }

    /** The decoded value, or the declared default when absent. */
    public Object get(String name) {
        FieldSchema field = schema.get(name);
        if (field == null) {
            throw new IllegalArgumentException("field not declared: " + name);
        }
        Object value = raw.get(name);
        if (value == null) {
            return field.defaultValue();
        }
        return decode(field, value);
    }

    public String getString(String name) {
        Object v = get(name);
        return v == null ? "" : (String) v;
    }

    public long getLong(String name) {
        Object v = get(name);
        return v == null ? 0 : ((Number) v).longValue();
    }

    public int getInt(String name) {
        long v = getLong(name);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw typeError(name, "an integer in range");
        }
        return (int) v;
    }

    public boolean getBool(String name) {
        Object v = get(name);
        return v != null && (Boolean) v;
    }

    public Duration getDuration(String name) {
        Object v = get(name);
        return v == null ? Duration.ZERO : (Duration) v;
    }

    @SuppressWarnings("unchecked")
    public List<String> getStringList(String name) {
        Object v = get(name);
        return v == null ? List.of() : (List<String>) v;
    }

    @SuppressWarnings("unchecked")
    public List<Long> getLongList(String name) {
        Object v = get(name);
        return v == null ? List.of() : (List<Long>) v;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String name) {
        return (Map<String, Object>) get(name);
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> getStringMap(String name) {
        return (Map<String, String>) get(name);
    }

    private Object decode(FieldSchema field, Object value) {
        String name = field.name();
        return switch (field.type()) {
            case STRING -> asString(name, value);
            case LOWERCASE_STRING -> asString(name, value).toLowerCase(Locale.ROOT);
            case INT -> asLong(name, value);
            case BOOL -> asBool(name, value);
            case DURATION -> asDuration(name, value);
            case COMMA_STRING_SLICE -> asStringList(name, value);
            case COMMA_INT_SLICE -> asLongList(name, value);
            case MAP -> asMap(name, value);
            case STRING_MAP -> asStringMap(name, value);
        };
    }

    private static String asString(String name, Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw typeError(name, "a string");
    }

    private static long asLong(String name, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            // 0x1p63 is 2^63: beyond the long range a cast would silently saturate
            if (d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) {
                return (long) d;
            }
            throw typeError(name, "an integer");
        }
        if (value instanceof String s) {
            String t = s.trim();
            if (t.isEmpty()) {
                return 0;
            }
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw typeError(name, "an integer");
            }
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw typeError(name, "an integer");
    }

    private static boolean asBool(String name, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            if (s.isEmpty()) {
                return false;
            }
            Boolean parsed = GoBool.parse(s);
            if (parsed != null) {
                return parsed;
            }
        }
        throw typeError(name, "a boolean");
    }

    private static Duration asDuration(String name, Object value) {
        if (value instanceof Number) {
            return Duration.ofSeconds(asLong(name, value));
        }
        if (value instanceof String s) {
            try {
                return GoDuration.parse(s);
            } catch (IllegalArgumentException e) {
                throw typeError(name, "a duration");
            }
        }
        throw typeError(name, "a duration");
    }

    private static List<String> asStringList(String name, Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            for (String part : s.split(",")) {
                String t = part.trim();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
            return List.copyOf(out);
        }
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                if (o == null) {
                    throw typeError(name, "a list of strings");
                }
                out.add(asString(name, o).trim());
            }
            return List.copyOf(out);
        }
        throw typeError(name, "a list of strings");
    }

    private static List<Long> asLongList(String name, Object value) {
        List<Long> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                if (o == null) {
                    throw typeError(name, "a list of integers");
                }
                out.add(asLong(name, o));
            }
            return List.copyOf(out);
        }
        if (value instanceof String || value instanceof Number) {
            for (String part : asString(name, value).split(",")) {
                if (!part.isBlank()) {
                    out.add(asLong(name, part));
                }
            }
            return List.copyOf(out);
        }
        throw typeError(name, "a list of integers");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(String name, Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw typeError(name, "a JSON object");
    }

    private static Map<String, String> asStringMap(String name, Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw typeError(name, "a JSON object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (!(e.getValue() instanceof String) && !(e.getValue() instanceof Number) && !(e.getValue() instanceof Boolean)) {
                throw typeError(name, "a JSON object of strings");
            }
            out.put(String.valueOf(e.getKey()), e.getValue().toString());
        }
        return out;
    }

    private static InvalidRequestException typeError(String name, String expected) {
        return new InvalidRequestException("error converting input for field \"" + name + "\": expected " + expected);
    }
}

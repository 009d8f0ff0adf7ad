package io.coffer.cli.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ordered set of JSON fields that is encoded in insertion order, like a Go struct.
 *
 * <p>Plain {@link Map}s are encoded with sorted keys (as Go encodes maps); a {@code JsonStruct}
 * keeps the order the fields were put in, which is how the vault CLI prints {@code api.Secret}
 * and friends.
 */
public final class JsonStruct {
    private final LinkedHashMap<String, Object> fields = new LinkedHashMap<>();

    /** Adds or replaces a field and returns this struct. */
    public JsonStruct put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** Adds the field only when the value is not Go's zero value (Go's {@code omitempty}). */
    public JsonStruct putOmitEmpty(String name, Object value) {
        if (!isEmpty(value)) {
            fields.put(name, value);
        }
        return this;
    }

    /** Returns the fields in insertion order (read-only view). */
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    private static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String s) {
            return s.isEmpty();
        }
        if (value instanceof Boolean b) {
            return !b;
        }
        if (value instanceof JsonNumber n) {
            Long l = n.asLongOrNull();
            return l != null && l == 0L;
        }
        if (value instanceof Number n) {
            return n.longValue() == 0L;
        }
        if (value instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.isEmpty();
        }
        return false;
    }
}

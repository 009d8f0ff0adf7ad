package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Field rules shared by the KV endpoints: the secret path captured from the URL, the
 * {@code options.cas} parameter and non-negative settings. Error messages name fields, never values.
 */
final class KvFields {
    static final String PATH = "path";

    private KvFields() {
    }

    /** The captured secret path, possibly empty (reads of an empty path are simply misses). */
    static String path(FieldData data) {
        return data.getString(PATH);
    }

    /** The captured secret path of a write: it must be non-empty and must not end in {@code /}. */
    static String writablePath(FieldData data) {
        String path = data.getString(PATH);
        if (path.isEmpty()) {
            throw new InvalidRequestException("missing path");
        }
        if (path.endsWith("/")) {
            throw new InvalidRequestException("invalid path: a secret path must not end in \"/\"");
        }
        return path;
    }

    /** The {@code options.cas} value, empty when absent; lenient like every Vault integer. */
    static OptionalLong cas(FieldData data) {
        if (!data.has("options")) {
            return OptionalLong.empty();
        }
        Map<String, Object> options = data.getMap("options");
        Object raw = options.get("cas");
        if (raw == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(asLong(raw));
    }

    private static long asLong(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        try {
            if (raw instanceof BigInteger b) {
                return b.longValueExact();
            }
            if (raw instanceof BigDecimal d) {
                return d.longValueExact();
            }
            if (raw instanceof Number n) {
                double d = n.doubleValue();
                if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
                    return (long) d;
                }
            }
            if (raw instanceof String s) {
                return Long.parseLong(s.trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // fall through to the type error
        }
        throw new InvalidRequestException("error converting input for field \"options.cas\": expected an integer");
    }

    /** {@code field} as a non-negative int, rejecting negative values with a message naming it. */
    static int nonNegativeInt(FieldData data, String field) {
        int value = data.getInt(field);
        if (value < 0) {
            throw new InvalidRequestException("\"" + field + "\" must not be negative");
        }
        return value;
    }

    /** {@code field} as a non-negative duration, rejecting negative values with a message naming it. */
    static Duration nonNegativeDuration(FieldData data, String field) {
        Duration value = data.getDuration(field);
        if (value.isNegative()) {
            throw new InvalidRequestException("\"" + field + "\" must not be negative");
        }
        return value;
    }
}

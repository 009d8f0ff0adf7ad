package io.coffer.builtin.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.sdk.logical.exception.InternalException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Static helpers for explicit, versioned JSON records: every record is a JSON object carrying
 * {@code "format_version"}, and every failure is an {@link InternalException} whose message names
 * only the record kind ({@code "corrupt <kind> record"}, {@code "failed to encode <kind> record"},
 * {@code "unsupported format_version of <kind> record"}), never the record's content. The helpers
 * are pure and keep no state; the caller owns its {@link ObjectMapper}.
 */
public final class JsonRecords {
    /** The field every record carries. */
    public static final String FORMAT_VERSION_FIELD = "format_version";

    private JsonRecords() {}

    /** A new record object holding only {@code "format_version": version}. */
    public static ObjectNode newRecord(ObjectMapper mapper, int version) {
        ObjectNode node = mapper.createObjectNode();
        node.put(FORMAT_VERSION_FIELD, version);
        return node;
    }

    /** The JSON bytes of {@code node}. */
    public static byte[] write(ObjectMapper mapper, JsonNode node, String kind) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new InternalException("failed to encode " + kind + " record");
        }
    }

    /** Parses {@code bytes} as a JSON object; anything else is corrupt. */
    public static JsonNode readObject(ObjectMapper mapper, byte[] bytes, String kind) {
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (IOException e) {
            throw corrupt(kind);
        }
        if (node == null || !node.isObject()) {
            throw corrupt(kind);
        }
        return node;
    }

    /** Parses {@code bytes} as a JSON object and checks its format version ({@link #checkFormat}). */
    public static JsonNode readRecord(ObjectMapper mapper, byte[] bytes, int version, String kind) {
        JsonNode node = readObject(mapper, bytes, kind);
        checkFormat(node, version, kind);
        return node;
    }

    /**
     * Checks that {@code node} carries {@code "format_version": version}: a missing or non-integral
     * version is corrupt, another version is unsupported.
     */
    public static void checkFormat(JsonNode node, int version, String kind) {
        JsonNode v = node.get(FORMAT_VERSION_FIELD);
        if (v == null || !v.isIntegralNumber()) {
            throw corrupt(kind);
        }
        if (!v.canConvertToLong() || v.longValue() != version) {
            throw new InternalException("unsupported format_version of " + kind + " record");
        }
    }

    /** Appends {@code values} to {@code array}. */
    public static void addStrings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** The array of strings {@code name}. */
    public static List<String> strings(JsonNode node, String name, String kind) {
        JsonNode v = node.get(name);
        if (v == null || !v.isArray()) {
            throw corrupt(kind);
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw corrupt(kind);
            }
            out.add(item.textValue());
        }
        return out;
    }

    /** The object {@code name}. */
    public static JsonNode object(JsonNode node, String name, String kind) {
        JsonNode v = node.get(name);
        if (v == null || !v.isObject()) {
            throw corrupt(kind);
        }
        return v;
    }

    /** The string {@code name}. */
    public static String text(JsonNode node, String name, String kind) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual()) {
            throw corrupt(kind);
        }
        return v.textValue();
    }

    /** The boolean {@code name}. */
    public static boolean bool(JsonNode node, String name, String kind) {
        JsonNode v = node.get(name);
        if (v == null || !v.isBoolean()) {
            throw corrupt(kind);
        }
        return v.booleanValue();
    }

    /** The integral number {@code name}, which must fit a {@code long}. */
    public static long longValue(JsonNode node, String name, String kind) {
        JsonNode v = node.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw corrupt(kind);
        }
        return v.longValue();
    }

    /** The integral number {@code name}, which must fit an {@code int}. */
    public static int intValue(JsonNode node, String name, String kind) {
        JsonNode v = node.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw corrupt(kind);
        }
        return v.intValue();
    }

    /** The failure for a malformed record of {@code kind}. */
    public static InternalException corrupt(String kind) {
        return new InternalException("corrupt " + kind + " record");
    }
}

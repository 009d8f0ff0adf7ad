package io.coffer.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Vault's {@code HashStructure}: a copy of a JSON tree in which every string value (at any depth,
 * in objects and arrays; binary counts as its base64 text) is replaced by its HMAC, except values
 * whose nearest object key is one of the mount's {@code audit_non_hmac_*_keys}. Keys, numbers,
 * booleans and nulls are kept.
 */
final class HashWalk {
    private HashWalk() {
    }

    /** The hashed copy of {@code node}. */
    static JsonNode hash(JsonNode node, UnaryOperator<String> fn, Collection<String> keepKeys) {
        return walk(node, null, fn, keepKeys);
    }

    private static JsonNode walk(JsonNode node, String key, UnaryOperator<String> fn, Collection<String> keepKeys) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), walk(e.getValue(), e.getKey(), fn, keepKeys));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            for (JsonNode element : node) {
                out.add(walk(element, key, fn, keepKeys));
            }
            return out;
        }
        if (node.isNumber() || node.isBoolean() || node.isNull() || node.isMissingNode()) {
            return node;
        }
        if (key != null && keepKeys.contains(key)) {
            return node;
        }
        // strings, and anything else that renders as text (binary is its base64 form)
        return JsonNodeFactory.instance.textNode(fn.apply(node.asText()));
    }
}

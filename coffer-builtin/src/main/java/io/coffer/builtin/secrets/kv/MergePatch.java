package io.coffer.builtin.secrets.kv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396) over decoded JSON objects: a {@code null} member removes the key,
 * an object member merges recursively into the target's object (or into an empty one), any other
 * member replaces. Inputs are never modified; the result shares untouched values with them.
 */
final class MergePatch {
    private MergePatch() {
    }

    /** {@code target} patched by {@code patch}; {@code target} may be {@code null} (treated as {@code {}}). */
    static Map<String, Object> apply(Map<?, ?> target, Map<?, ?> patch) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (target != null) {
            target.forEach((k, v) -> result.put(String.valueOf(k), v));
        }
        for (Map.Entry<?, ?> member : patch.entrySet()) {
            String key = String.valueOf(member.getKey());
            Object value = member.getValue();
            if (value == null) {
                result.remove(key);
            } else if (value instanceof Map<?, ?> nested) {
                Object current = result.get(key);
                result.put(key, apply(current instanceof Map<?, ?> m ? m : null, nested));
            } else {
                result.put(key, value);
            }
        }
        return result;
    }
}

package io.coffer.builtin.secrets.kv;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key structure of a secret without its values, as {@code subkeys/{path}} returns it: every
 * leaf becomes {@code null}; objects are descended into down to {@code depth} levels
 * ({@code 0} = no limit), below which an object also becomes {@code null}. Arrays are leaves.
 */
final class Subkeys {
    private Subkeys() {
    }

    static Map<String, Object> of(Map<?, ?> data, int depth) {
        return walk(data, 1, depth);
    }

    private static Map<String, Object> walk(Map<?, ?> data, int level, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : data.entrySet()) {
            Object value = e.getValue();
            boolean descend = value instanceof Map<?, ?> && (depth == 0 || level < depth);
            out.put(String.valueOf(e.getKey()), descend ? walk((Map<?, ?>) value, level + 1, depth) : null);
        }
        return out;
    }
}

package io.coffer.builtin.auth.approle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the {@code metadata} field of a secret ID request as Vault does: a JSON-encoded object
 * of strings ({@code "{\"tag\":\"prod\"}"}, what hvac and the CLI send), or {@code k=v} pairs
 * separated by commas; a JSON object given directly is accepted too. Errors never echo the
 * input. Thread-safe.
 */
final class SecretIdMetadata {
    private static final String ERROR = "failed to parse metadata";
    private final ObjectMapper mapper = new ObjectMapper();

    /** The metadata in {@code raw} (absent or empty gives an empty map). */
    Map<String, String> parse(Object raw) {
        if (raw == null) {
            return Map.of();
        }
        if (raw instanceof Map<?, ?> map) {
            return strings(map);
        }
        if (!(raw instanceof String text)) {
            throw new InvalidRequestException(ERROR);
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return Map.of();
        }
        if (t.startsWith("{")) {
            try {
                return strings(mapper.readValue(t, new TypeReference<LinkedHashMap<String, Object>>() { }));
            } catch (IOException e) {
                throw new InvalidRequestException(ERROR);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : t.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidRequestException(ERROR);
            }
            out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return out;
    }

    private static Map<String, String> strings(Map<?, ?> map) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof String value)) {
                throw new InvalidRequestException(ERROR);
            }
            out.put(String.valueOf(e.getKey()), value);
        }
        return out;
    }
}

package io.coffer.server.http;

import io.coffer.sdk.framework.FieldSchema;

import java.util.LinkedHashMap;
import java.util.Map;

/** The field schemas of the special routes' bodies, as immutable maps keyed by field name. */
final class Schemas {
    private Schemas() {
    }

    static Map<String, FieldSchema> of(FieldSchema... fields) {
        Map<String, FieldSchema> m = new LinkedHashMap<>();
        for (FieldSchema f : fields) {
            m.put(f.name(), f);
        }
        return Map.copyOf(m);
    }
}

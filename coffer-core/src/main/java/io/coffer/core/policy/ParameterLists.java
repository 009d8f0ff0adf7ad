package io.coffer.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Vault's merge of parameter-constraint lists: for one parameter name, an empty list ("any
 * value") absorbs every other list; otherwise the value lists are concatenated.
 */
final class ParameterLists {

    private ParameterLists() {
    }

    static void merge(Map<String, List<Object>> into, String name, List<Object> values) {
        List<Object> existing = into.get(name);
        if (existing == null) {
            into.put(name, new ArrayList<>(values));
        } else if (values.isEmpty() || existing.isEmpty()) {
            into.put(name, new ArrayList<>());
        } else {
            List<Object> merged = new ArrayList<>(values);
            merged.addAll(existing);
            into.put(name, merged);
        }
    }
}

package io.coffer.core.policy;

import java.util.List;

/**
 * A syntax tree of HCL (version 1, as Vault policies use it) or of a JSON object: an ordered
 * list of items, duplicates kept. Values are {@code String}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code null} (JSON only), {@code List<Object>} or {@code HclObject}.
 */
record HclObject(List<Item> items) {

    HclObject {
        items = List.copyOf(items);
    }

    /**
     * One item: {@code key = value}, or a block {@code key "label" … { … }} whose keys are the
     * block type followed by its labels and whose value is the body.
     */
    record Item(List<String> keys, Object value, int line) {

        Item {
            keys = List.copyOf(keys);
        }

        String key() {
            return keys.get(0);
        }
    }
}

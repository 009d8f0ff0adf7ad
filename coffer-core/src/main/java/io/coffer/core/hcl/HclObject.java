package io.coffer.core.hcl;

import java.util.List;

/**
 * A syntax tree of HCL (version 1, the dialect of Vault's policies and server configuration) or
 * of a JSON object: an immutable ordered list of items, duplicates kept, each with the line it
 * starts on. Values are {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code null} (JSON only), an immutable-by-convention {@code List<Object>} of values, or
 * {@code HclObject}.
 *
 * @param items the items in input order
 */
public record HclObject(List<Item> items) {

    public HclObject {
        items = List.copyOf(items);
    }

    /**
     * One item: {@code key = value}, or a block {@code key "label" … { … }} whose keys are the
     * block type followed by its labels and whose value is the body.
     *
     * @param keys   the key, followed by the block labels if any; never empty
     * @param value  the value or block body
     * @param line   the 1-based line of the first key, or 0 when unknown
     * @param column the 1-based column of the first key, or 0 when unknown
     */
    public record Item(List<String> keys, Object value, int line, int column) {

        public Item {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("an item needs a key");
            }
        }

        /** An item whose column is unknown. */
        public Item(List<String> keys, Object value, int line) {
            this(keys, value, line, 0);
        }

        /** The first key: the item's name or the block type. */
        public String key() {
            return keys.get(0);
        }

        /** The block labels: every key after the first (empty for {@code key = value}). */
        public List<String> labels() {
            return keys.subList(1, keys.size());
        }
    }
}

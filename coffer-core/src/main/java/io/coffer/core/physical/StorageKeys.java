package io.coffer.core.physical;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * Helpers shared by sorted-map storages: listing the immediate children of a prefix.
 */
public final class StorageKeys {
    private StorageKeys() {
    }

    /**
     * The immediate children of {@code prefix} among the keys of {@code sorted}: each key's next
     * segment, with a trailing {@code /} when the key goes deeper; sorted and without duplicates
     * (keys sharing a prefix are contiguous in a sorted map, so one pass suffices).
     */
    public static List<String> children(NavigableMap<String, ?> sorted, String prefix) {
        List<String> out = new ArrayList<>();
        String last = null;
        for (String key : sorted.tailMap(prefix, true).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            String rest = key.substring(prefix.length());
            int slash = rest.indexOf('/');
            String child = slash < 0 ? rest : rest.substring(0, slash + 1);
            if (!child.isEmpty() && !child.equals(last)) {
                out.add(child);
                last = child;
            }
        }
        return out;
    }
}

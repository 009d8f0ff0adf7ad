package io.coffer.core.ha;

import io.coffer.sdk.logical.StorageEntry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A verified snapshot of a whole store, held in memory: every entry as stored (encrypted) and
 * where it came from.
 *
 * @param nodeId       the node that saved it
 * @param appliedIndex the log index its store had applied
 * @param entries      every key and value, sorted by key
 */
public record Snapshot(String nodeId, long appliedIndex, List<StorageEntry> entries) {
    public Snapshot {
        entries = List.copyOf(entries);
    }

    /** The stored value of {@code key}, if the snapshot holds it. */
    public Optional<StorageEntry> get(String key) {
        for (StorageEntry e : entries) {
            if (e.key().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The entries as a map, for callers that look up many keys. */
    public Map<String, byte[]> asMap() {
        Map<String, byte[]> m = new java.util.LinkedHashMap<>();
        entries.forEach(e -> m.put(e.key(), e.value()));
        return m;
    }
}

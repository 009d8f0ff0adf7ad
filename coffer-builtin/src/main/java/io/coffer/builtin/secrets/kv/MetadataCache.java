package io.coffer.builtin.secrets.kv;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Decoded key metadata of one KV v2 mount, kept so that a read does not decrypt and parse the
 * metadata record again. Holds no secret data, only versions, times and custom metadata.
 *
 * <p>Coherent with storage on this node: a miss is loaded atomically per key, and every write
 * or delete of a metadata record evicts the key after the storage write, so a concurrent load
 * can never leave an older record cached. Only the node's own engine writes a mount's storage
 * (the active node), and a backend starts with an empty cache whenever it is mounted. Bounded:
 * past {@value #MAX_ENTRIES} keys the cache starts over.
 */
final class MetadataCache {
    static final int MAX_ENTRIES = 50_000;
    private final Map<String, KeyMetadata> entries = new ConcurrentHashMap<>();

    /** The cached metadata of {@code path}, loading it on a miss; {@code null} when absent. */
    KeyMetadata get(String path, Function<String, KeyMetadata> loader) {
        KeyMetadata cached = entries.get(path);
        if (cached != null) {
            return cached;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        return entries.computeIfAbsent(path, loader);
    }

    /** Forgets {@code path}; called after its record was written or deleted. */
    void evict(String path) {
        entries.remove(path);
    }
}

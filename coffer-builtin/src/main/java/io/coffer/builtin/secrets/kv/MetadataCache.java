package io.coffer.builtin.secrets.kv;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Decoded key metadata of one KV v2 mount, kept so that neither a read nor the next write of
 * the key decrypts and parses the metadata record again. Holds no secret data, only versions,
 * times and custom metadata.
 *
 * <p>Absence is cached too: a write to a new key looks it up twice (the create-or-update
 * check of the ACL, then the write under the key's lock), and a RocksDB lookup of an absent key
 * consults the memtables and the Bloom filter of every table file that may hold it.
 *
 * <p>Coherent with storage on this node: a miss is loaded atomically per key; a write of a
 * metadata record stores the metadata it wrote once the storage write returned
 * ({@link #written}, write-through), and a delete or a failed write (whose outcome may be
 * unknown) evicts the key. Both happen after the storage call and wait for a load of the same
 * key in progress, so a concurrent load can never leave an older record cached. Writers of a key
 * hold its lock, so their updates arrive in order. Only the node's own engine writes a mount's
 * storage (the active node), and a backend starts with an empty cache whenever it is mounted.
 * Bounded: past {@value #MAX_ENTRIES} keys the cache starts over.
 */
final class MetadataCache {
    static final int MAX_ENTRIES = 50_000;
    /** Per key: the metadata, or empty when the key was loaded and found absent. */
    private final Map<String, Optional<KeyMetadata>> entries = new ConcurrentHashMap<>();

    /**
     * The cached metadata of {@code path}, loading it on a miss; {@code null} when absent. The
     * loader returns {@code null} for an absent key.
     */
    KeyMetadata get(String path, Function<String, KeyMetadata> loader) {
        Optional<KeyMetadata> cached = entries.get(path);
        if (cached == null) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            cached = entries.computeIfAbsent(path, key -> Optional.ofNullable(loader.apply(key)));
        }
        return cached.orElse(null);
    }

    /**
     * Records {@code written} as the metadata of its key; called after the storage write of
     * exactly that record returned. The cached object is the one encoded and written (the codec
     * round-trips it exactly), so a later read sees what a load from storage would give.
     */
    void written(KeyMetadata written) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(written.key(), Optional.of(written));
    }

    /** Forgets {@code path}; called after its record was deleted, or a write of it failed. */
    void evict(String path) {
        entries.remove(path);
    }
}

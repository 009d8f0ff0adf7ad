package io.coffer.builtin.secrets.kv;

import java.util.function.Supplier;

/**
 * The decoded {@link EngineConfig} of one KV v2 mount, kept so that a write does not read and
 * decrypt the {@code config} record every time (every version write consults it).
 *
 * <p>Coherent with storage on this node, as {@link MetadataCache} is: loaded once, replaced after
 * a successful write of the record ({@link #written}), forgotten after a failed one
 * ({@link #evict}); both wait for a load in progress, so a load can never leave an older config
 * cached. Only the mount's own engine writes the record, and a mounted backend starts empty.
 */
final class EngineConfigCache {
    private volatile EngineConfig cached;

    /** The cached configuration, loading it with {@code loader} the first time. */
    EngineConfig get(Supplier<EngineConfig> loader) {
        EngineConfig current = cached;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (cached == null) {
                cached = loader.get();
            }
            return cached;
        }
    }

    /** Records {@code config}; called after the storage write of exactly that record returned. */
    synchronized void written(EngineConfig config) {
        cached = config;
    }

    /** Forgets the configuration; called when a write of it failed (its outcome is unknown). */
    synchronized void evict() {
        cached = null;
    }
}

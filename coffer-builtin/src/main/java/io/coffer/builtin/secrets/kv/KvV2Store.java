package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageChange;
import io.coffer.sdk.logical.StorageEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed access to one KV v2 mount's storage in the {@link KvV2Layout}: one storage call per
 * method, key metadata and the engine configuration read through the mount's
 * {@link MetadataCache} and {@link EngineConfigCache}, no locking (callers lock per key).
 */
final class KvV2Store {
    private final Storage storage;
    private final KvCodec codec;
    private final MetadataCache metadataCache;
    private final EngineConfigCache configCache;

    KvV2Store(Storage storage, KvCodec codec, MetadataCache metadataCache, EngineConfigCache configCache) {
        this.storage = storage;
        this.codec = codec;
        this.metadataCache = metadataCache;
        this.configCache = configCache;
    }

    /** The engine configuration, or {@link EngineConfig#DEFAULT} when never written. */
    EngineConfig config() {
        return configCache.get(() -> {
            StorageEntry entry = storage.get(KvV2Layout.CONFIG);
            return entry == null ? EngineConfig.DEFAULT : codec.decodeConfig(entry.value());
        });
    }

    void putConfig(EngineConfig config) {
        try {
            storage.put(new StorageEntry(KvV2Layout.CONFIG, codec.encodeConfig(config)));
        } catch (RuntimeException e) {
            configCache.evict();
            throw e;
        }
        configCache.written(config);
    }

    /** The metadata of secret {@code path}, or {@code null} when the secret does not exist. */
    KeyMetadata metadata(String path) {
        if (path.isEmpty()) {
            return null;
        }
        return metadataCache.get(path, key -> {
            StorageEntry entry = storage.get(KvV2Layout.metadataKey(key));
            return entry == null ? null : codec.decodeMetadata(entry.value());
        });
    }

    void putMetadata(KeyMetadata meta) {
        try {
            storage.put(new StorageEntry(KvV2Layout.metadataKey(meta.key()), codec.encodeMetadata(meta)));
        } catch (RuntimeException e) {
            metadataCache.evict(meta.key());
            throw e;
        }
        metadataCache.written(meta);
    }

    void deleteMetadata(String path) {
        try {
            storage.delete(KvV2Layout.metadataKey(path));
        } finally {
            metadataCache.evict(path);
        }
    }

    /** The data of {@code version} of secret {@code path}, or {@code null} when not stored. */
    Map<String, Object> versionData(String path, long version) {
        StorageEntry entry = storage.get(KvV2Layout.versionKey(path, version));
        return entry == null ? null : codec.decodeVersionData(entry.value());
    }

    /**
     * Writes a new version, deletes the versions it pruned and stores the updated metadata, as
     * one batch: on durable storage the write is atomic and costs one sync.
     */
    void commitVersion(String path, long version, Map<String, Object> data, List<Long> pruned, KeyMetadata updated) {
        List<StorageChange> changes = new ArrayList<>(pruned.size() + 2);
        changes.add(StorageChange.put(new StorageEntry(KvV2Layout.versionKey(path, version), codec.encodeVersionData(data))));
        for (long victim : pruned) {
            changes.add(StorageChange.delete(KvV2Layout.versionKey(path, victim)));
        }
        changes.add(StorageChange.put(new StorageEntry(KvV2Layout.metadataKey(updated.key()), codec.encodeMetadata(updated))));
        try {
            storage.applyBatch(changes);
        } catch (RuntimeException e) {
            metadataCache.evict(updated.key());
            throw e;
        }
        metadataCache.written(updated);
    }

    void deleteVersionData(String path, long version) {
        storage.delete(KvV2Layout.versionKey(path, version));
    }

    /** The names of the version entries stored for secret {@code path} (normally version numbers). */
    List<String> storedVersionEntries(String path) {
        return storage.list(KvV2Layout.versionsFolder(path));
    }

    /** Deletes one entry returned by {@link #storedVersionEntries(String)}. */
    void deleteVersionEntry(String path, String entry) {
        storage.delete(KvV2Layout.versionsFolder(path) + entry);
    }

    /** The secrets and folders directly below {@code folder} (empty or ending in {@code /}). */
    List<String> listKeys(String folder) {
        return storage.list(KvV2Layout.METADATA_PREFIX + folder);
    }
}

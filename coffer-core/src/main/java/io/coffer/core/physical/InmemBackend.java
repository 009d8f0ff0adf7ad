package io.coffer.core.physical;

import io.coffer.sdk.logical.StorageEntry;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A physical backend held in memory: for the dev server and tests. Loses everything when the
 * process ends; thread-safe.
 */
public final class InmemBackend implements PhysicalBackend {
    private final ConcurrentSkipListMap<String, byte[]> entries = new ConcurrentSkipListMap<>();

    @Override
    public String type() {
        return "inmem";
    }

    @Override
    public StorageEntry get(String key) {
        byte[] value = entries.get(key);
        return value == null ? null : new StorageEntry(key, value);
    }

    @Override
    public void put(StorageEntry entry) {
        entries.put(entry.key(), entry.value());
    }

    @Override
    public void delete(String key) {
        entries.remove(key);
    }

    @Override
    public List<String> list(String prefix) {
        return StorageKeys.children(entries, prefix);
    }
}

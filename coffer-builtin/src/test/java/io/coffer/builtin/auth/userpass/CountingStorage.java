package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageChange;
import io.coffer.sdk.logical.StorageEntry;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link Storage} view that counts the reads and writes made through it. */
final class CountingStorage implements Storage {
    private final Storage delegate;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    CountingStorage(Storage delegate) {
        this.delegate = delegate;
    }

    @Override
    public StorageEntry get(String key) {
        reads.incrementAndGet();
        return delegate.get(key);
    }

    @Override
    public void put(StorageEntry entry) {
        writes.incrementAndGet();
        delegate.put(entry);
    }

    @Override
    public void delete(String key) {
        writes.incrementAndGet();
        delegate.delete(key);
    }

    @Override
    public void applyBatch(List<StorageChange> changes) {
        writes.incrementAndGet();
        delegate.applyBatch(changes);
    }

    @Override
    public List<String> list(String prefix) {
        reads.incrementAndGet();
        return delegate.list(prefix);
    }

    int reads() {
        return reads.get();
    }

    int writes() {
        return writes.get();
    }
}

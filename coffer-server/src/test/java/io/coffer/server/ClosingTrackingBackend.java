package io.coffer.server;

import io.coffer.core.physical.InmemBackend;
import io.coffer.core.physical.PhysicalBackend;
import io.coffer.sdk.logical.StorageEntry;

import java.util.List;

/** An in-memory backend that records whether it was closed (for start/stop tests). */
final class ClosingTrackingBackend implements PhysicalBackend {

    private final InmemBackend delegate = new InmemBackend();
    private volatile boolean closed;

    boolean closed() {
        return closed;
    }

    @Override
    public String type() {
        return "file";
    }

    @Override
    public StorageEntry get(String key) {
        return delegate.get(key);
    }

    @Override
    public void put(StorageEntry entry) {
        delegate.put(entry);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }

    @Override
    public List<String> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public void close() {
        closed = true;
    }
}

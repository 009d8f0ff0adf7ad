package io.coffer.core.barrier;

import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageChange;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.util.List;

/**
 * A {@link Storage} confined to one prefix of another storage, such as
 * {@code logical/<mount-uuid>/}: keys are relative to the prefix and cannot escape it.
 */
public final class BarrierView implements Storage {
    private final Storage parent;
    private final String prefix;

    public BarrierView(Storage parent, String prefix) {
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            throw new IllegalArgumentException("view prefix must end in /");
        }
        this.parent = parent;
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** A view of a sub-prefix of this view. */
    public BarrierView subView(String sub) {
        return new BarrierView(parent, prefix + sub);
    }

    @Override
    public StorageEntry get(String key) {
        StorageEntry e = parent.get(expand(key));
        return e == null ? null : new StorageEntry(key, e.value());
    }

    @Override
    public void put(StorageEntry entry) {
        parent.put(new StorageEntry(expand(entry.key()), entry.value()));
    }

    @Override
    public void delete(String key) {
        parent.delete(expand(key));
    }

    @Override
    public void applyBatch(List<StorageChange> changes) {
        List<StorageChange> expanded = new java.util.ArrayList<>(changes.size());
        for (StorageChange c : changes) {
            expanded.add(c.withKey(expand(c.key())));
        }
        parent.applyBatch(expanded);
    }

    @Override
    public List<String> list(String listPrefix) {
        return parent.list(expand(listPrefix));
    }

    private String expand(String key) {
        if (key.startsWith("/") || key.contains("../") || key.equals("..") || key.endsWith("/..")) {
            throw new InvalidRequestException("invalid storage key");
        }
        return prefix + key;
    }
}

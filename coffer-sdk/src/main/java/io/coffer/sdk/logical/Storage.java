package io.coffer.sdk.logical;

import java.util.List;

/**
 * A key-value store as a backend sees it: already encrypted by the barrier and already
 * scoped to the backend's own prefix, so a backend can neither read another mount's data nor
 * see ciphertext.
 *
 * <p>Keys are slash-separated paths without a leading slash. Implementations are thread-safe.
 */
public interface Storage {

    /** Returns the entry at {@code key}, or {@code null} when there is none. */
    StorageEntry get(String key);

    /** Writes {@code entry}, replacing any entry at the same key. */
    void put(StorageEntry entry);

    /** Removes the entry at {@code key}; removing an absent key is not an error. */
    void delete(String key);

    /**
     * Applies {@code changes} in order as one unit: on durable backends they land together in
     * one synced write, or not at all if the process dies. The default applies them one by one
     * (for in-memory storage, where a crash loses everything anyway).
     */
    default void applyBatch(List<StorageChange> changes) {
        for (StorageChange c : changes) {
            if (c.isDelete()) {
                delete(c.key());
            } else {
                put(new StorageEntry(c.key(), c.value()));
            }
        }
    }

    /**
     * Lists the immediate children of {@code prefix} (which is empty or ends in {@code /}),
     * sorted; a child that has children of its own is returned once, with a trailing {@code /}.
     */
    List<String> list(String prefix);
}

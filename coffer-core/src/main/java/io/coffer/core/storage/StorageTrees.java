package io.coffer.core.storage;

import io.coffer.sdk.logical.Storage;

/**
 * Whole-subtree operations on a {@link Storage}, built on its list-children contract.
 */
public final class StorageTrees {
    private StorageTrees() {
    }

    /** Deletes every key under {@code prefix} (empty for everything), depth first. */
    public static void deleteTree(Storage storage, String prefix) {
        for (String child : storage.list(prefix)) {
            if (child.endsWith("/")) {
                deleteTree(storage, prefix + child);
            } else {
                storage.delete(prefix + child);
            }
        }
    }
}

package io.coffer.raft;

import io.coffer.sdk.logical.exception.PayloadTooLargeException;

/**
 * A write whose encoded Raft log entry exceeds the cluster's maximum entry size (Vault's
 * {@code max_entry_size}, 1 MiB by default): HTTP 413. Nothing was written.
 */
public class EntryTooLargeException extends PayloadTooLargeException {

    public EntryTooLargeException(int size, int limit) {
        super("the write needs a Raft log entry of " + size + " bytes, above the limit of " + limit + " bytes");
    }
}

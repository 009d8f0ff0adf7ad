package io.coffer.raft;

import io.coffer.sdk.logical.exception.PayloadTooLargeException;

/**
 * A write whose encoded Raft log entry exceeds the cluster's maximum entry size (Vault's
 * {@code max_entry_size}, 1 MiB by default), or a restore whose replace-store entry exceeds
 * {@code max_restore_size} (64 MiB by default): HTTP 413. Nothing was written.
 */
public class EntryTooLargeException extends PayloadTooLargeException {

    public EntryTooLargeException(int size, int limit) {
        super("the write needs a Raft log entry of " + size + " bytes, above the limit of " + limit + " bytes");
    }

    private EntryTooLargeException(String message) {
        super(message);
    }

    /** A restore refused because its snapshot needs a log entry of {@code size} bytes, above {@code limit}. */
    public static EntryTooLargeException restore(long size, long limit) {
        return new EntryTooLargeException("the snapshot needs a restore log entry of " + size
                + " bytes, above the max_restore_size limit of " + limit + " bytes; nothing was restored");
    }
}

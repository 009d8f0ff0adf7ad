package io.coffer.storage.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Keys and values of the {@code meta} column family, outside the logical keyspace: the
 * store's on-disk format version and the last applied Raft term/index (see
 * {@code docs/storage-formats/file.md}).
 */
final class MetaCodec {
    /** The on-disk format this build writes and reads. */
    static final int FORMAT_VERSION = 1;

    static final byte[] COLUMN_FAMILY = bytes("meta");
    static final byte[] FORMAT_VERSION_KEY = bytes("format_version");
    static final byte[] APPLIED_INDEX_KEY = bytes("applied_index");

    private static final byte APPLIED_INDEX_RECORD_VERSION = 1;
    private static final int APPLIED_INDEX_LENGTH = 1 + Long.BYTES + Long.BYTES;

    private MetaCodec() {
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    /** The format version as stored: ASCII decimal. */
    static byte[] encodeFormatVersion() {
        return bytes(Integer.toString(FORMAT_VERSION));
    }

    /** The stored format version, or -1 when the value is not a decimal number. */
    static int decodeFormatVersion(byte[] stored) {
        String text = new String(stored, StandardCharsets.US_ASCII);
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(text);
    }

    /** Record version 1: one version byte, then term and index as big-endian int64. */
    static byte[] encodeAppliedIndex(AppliedIndex applied) {
        return ByteBuffer.allocate(APPLIED_INDEX_LENGTH)
                .put(APPLIED_INDEX_RECORD_VERSION)
                .putLong(applied.term())
                .putLong(applied.index())
                .array();
    }

    static AppliedIndex decodeAppliedIndex(byte[] stored) {
        if (stored == null) {
            return AppliedIndex.NONE;
        }
        if (stored.length != APPLIED_INDEX_LENGTH || stored[0] != APPLIED_INDEX_RECORD_VERSION) {
            throw new FileStorageException("unreadable applied-index record (length " + stored.length + ")");
        }
        ByteBuffer buffer = ByteBuffer.wrap(stored, 1, APPLIED_INDEX_LENGTH - 1);
        try {
            return new AppliedIndex(buffer.getLong(), buffer.getLong());
        } catch (IllegalArgumentException e) {
            throw new FileStorageException("unreadable applied-index record", e);
        }
    }
}

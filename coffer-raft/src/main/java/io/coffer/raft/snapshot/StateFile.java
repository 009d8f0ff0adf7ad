package io.coffer.raft.snapshot;

import io.coffer.sdk.logical.StorageEntry;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The {@code state.bin} of a snapshot (format version {@value #FORMAT_VERSION}): every key and
 * value of the store as explicit length-prefixed records, all integers big-endian:
 *
 * <pre>
 * 8 bytes  magic "CFRSTATE"
 * u8       format version (1)
 * u64      number of records n
 * n times, keys strictly ascending as unsigned bytes (so none twice):
 *   u32 key length, key (strict UTF-8)
 *   u32 value length, value (as stored: barrier ciphertext)
 * </pre>
 *
 * Nothing may follow the last record. Reading never allocates more than the bytes actually
 * remaining in the file: a length field larger than that is refused before any allocation.
 */
public final class StateFile {
    /** The only {@code state.bin} format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;
    static final byte[] MAGIC = "CFRSTATE".getBytes(StandardCharsets.US_ASCII);
    /** The size of the header before the first record: magic, version, count. */
    public static final int HEADER_SIZE = 8 + 1 + 8;
    /** The smallest record: two empty length prefixes. */
    private static final int MIN_RECORD = 8;

    private StateFile() {
    }

    /**
     * Writes records to a stream: first the header for {@code count} records, then exactly
     * {@code count} calls of {@link #write} in ascending key order. Does not close the stream.
     */
    public static final class Writer {
        private final OutputStream out;
        private final long count;
        private long written;
        private byte[] previous;

        public Writer(OutputStream out, long count) throws IOException {
            this.out = out;
            this.count = count;
            out.write(MAGIC);
            out.write(FORMAT_VERSION);
            out.write(ByteBuffer.allocate(8).putLong(count).array());
        }

        /**
         * Appends one record.
         *
         * @throws IllegalArgumentException when the key is not valid Unicode, does not come after
         *                                  the previous one, or more records than declared are written
         */
        public void write(String key, byte[] value) throws IOException {
            byte[] k = utf8(key);
            if (previous != null && Arrays.compareUnsigned(previous, k) >= 0) {
                throw new IllegalArgumentException("state.bin records must be written in ascending key order");
            }
            if (written == count) {
                throw new IllegalArgumentException("more state.bin records than the " + count + " declared");
            }
            previous = k;
            written++;
            out.write(ByteBuffer.allocate(4).putInt(k.length).array());
            out.write(k);
            out.write(ByteBuffer.allocate(4).putInt(value.length).array());
            out.write(value);
        }

        /** Checks that every declared record was written. */
        public void finish() {
            if (written != count) {
                throw new IllegalStateException("wrote " + written + " state.bin records, declared " + count);
            }
        }
    }

    /**
     * Reads a whole {@code state.bin} of {@code size} bytes from {@code in}, which must end right
     * after it.
     *
     * @throws IllegalArgumentException when it is not exactly one well-formed state file
     * @throws IOException              when {@code in} fails (a truncated or corrupt archive)
     */
    static List<StorageEntry> read(InputStream in, long size) throws IOException {
        Counter c = new Counter(in, size);
        byte[] magic = c.bytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw SnapshotArchive.invalid("state.bin does not start with the magic CFRSTATE");
        }
        int version = c.bytes(1)[0] & 0xff;
        if (version != FORMAT_VERSION) {
            throw SnapshotArchive.invalid("state.bin has format version " + version + "; this build reads version "
                    + FORMAT_VERSION);
        }
        long count = ByteBuffer.wrap(c.bytes(8)).getLong();
        if (count < 0 || count > c.remaining / MIN_RECORD) {
            throw SnapshotArchive.invalid("state.bin declares " + Long.toUnsignedString(count) + " records in "
                    + c.remaining + " bytes");
        }
        List<StorageEntry> out = new ArrayList<>((int) Math.min(count, 1024));
        byte[] previous = null;
        for (long i = 0; i < count; i++) {
            long at = size - c.remaining;
            byte[] key = c.bytes(c.length(at, "key"));
            if (previous != null && Arrays.compareUnsigned(previous, key) >= 0) {
                throw SnapshotArchive.invalid("state.bin keys are not strictly ascending (record " + i + " at offset " + at + ")");
            }
            previous = key;
            String k = decodeKey(key, at);
            out.add(new StorageEntry(k, c.bytes(c.length(at, "value"))));
        }
        if (c.remaining != 0) {
            throw SnapshotArchive.invalid(c.remaining + " trailing bytes after the " + count + " records of state.bin");
        }
        if (in.read() != -1) {
            throw SnapshotArchive.invalid("state.bin is longer than its tar header says");
        }
        return Collections.unmodifiableList(out);
    }

    /** Reads exactly the declared bytes, never past them, never allocating more than remain. */
    private static final class Counter {
        private final InputStream in;
        private long remaining;

        Counter(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        int length(long at, String what) throws IOException {
            long n = Integer.toUnsignedLong(ByteBuffer.wrap(bytes(4)).getInt());
            if (n > remaining) {
                throw SnapshotArchive.invalid("the " + what + " length " + n + " of the state.bin record at offset " + at
                        + " exceeds the " + remaining + " remaining bytes");
            }
            return (int) n;
        }

        byte[] bytes(int n) throws IOException {
            if (n > remaining) {
                throw SnapshotArchive.invalid("state.bin is truncated: " + n + " bytes needed, " + remaining + " remain");
            }
            byte[] b = in.readNBytes(n);
            if (b.length != n) {
                throw new EOFException("state.bin ends early");
            }
            remaining -= n;
            return b;
        }
    }

    private static byte[] utf8(String key) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(key));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("storage key is not valid Unicode");
        }
    }

    private static String decodeKey(byte[] key, long at) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key))
                    .toString();
        } catch (CharacterCodingException e) {
            throw SnapshotArchive.invalid("the key of the state.bin record at offset " + at + " is not valid UTF-8");
        }
    }
}

package io.coffer.raft.log;

import io.coffer.sdk.logical.StorageEntry;
import io.coffer.storage.file.Mutation;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Encodes the payload of a Coffer Raft log entry and decodes it back. The first byte names the
 * entry's kind and format; both are documented in {@code docs/storage-formats/raft.md}:
 *
 * <pre>
 * 0x01  mutation batch, format 1 (every ordinary write):
 *   u32 number of mutations
 *   per mutation:
 *     u8  operation (1 = put, 2 = delete)
 *     u32 key length, key bytes (strict UTF-8)
 *     put only: u32 value length, value bytes
 *
 * 0x02  replace store, format 1 (a snapshot restore: the whole store becomes exactly these entries):
 *   u32 number of entries
 *   per entry, keys strictly ascending as unsigned UTF-8 bytes (so no key twice):
 *     u32 key length, key bytes (strict UTF-8)
 *     u32 value length, value bytes
 * </pre>
 *
 * All integers are big-endian and unsigned lengths must fit in a Java int. Decoding is strict:
 * anything that is not exactly one well-formed entry is refused with
 * {@link MalformedEntryException}, so a corrupt entry can never be applied partially. Mutation
 * batches keep the byte layout of the first release, so entries written before the replace-store
 * kind existed still decode. Stateless and thread-safe.
 */
public final class MutationBatchCodec {
    /** The kind/format byte of a mutation batch (format 1), the entry of every ordinary write. */
    public static final byte FORMAT_VERSION = 1;
    /** The kind/format byte of a replace-store entry (format 1), written by a snapshot restore. */
    public static final byte REPLACE_STORE = 2;
    static final byte PUT = 1;
    static final byte DELETE = 2;
    private static final int HEADER = 1 + 4;

    private MutationBatchCodec() {
    }

    /**
     * The encoded batch.
     *
     * @throws IllegalArgumentException when a key is not valid Unicode (a lone surrogate), so it
     *                                  could not be stored: refused before it reaches the log
     */
    public static byte[] encode(List<Mutation> mutations) {
        Objects.requireNonNull(mutations, "mutations");
        List<byte[]> keys = new ArrayList<>(mutations.size());
        List<byte[]> values = new ArrayList<>(mutations.size());
        long size = HEADER;
        for (Mutation m : mutations) {
            byte[] key = utf8(m.key());
            byte[] value = m.value();
            keys.add(key);
            values.add(value);
            size += 1 + 4 + key.length + (value == null ? 0 : 4 + (long) value.length);
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("mutation batch of " + size + " bytes is too large to encode");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.put(FORMAT_VERSION).putInt(mutations.size());
        for (int i = 0; i < keys.size(); i++) {
            byte[] value = values.get(i);
            out.put(value == null ? DELETE : PUT);
            out.putInt(keys.get(i).length).put(keys.get(i));
            if (value != null) {
                out.putInt(value.length).put(value);
            }
        }
        return out.array();
    }

    /**
     * One payload holding the mutations of several encoded batches, in order, as if they had
     * been encoded together; each input must come from {@link #encode}.
     *
     * @throws IllegalArgumentException when an input is not an encoded batch header
     */
    public static byte[] concat(List<byte[]> encodedBatches) {
        if (encodedBatches.size() == 1) {
            return encodedBatches.get(0);
        }
        long size = HEADER;
        long count = 0;
        for (byte[] batch : encodedBatches) {
            if (batch.length < HEADER || batch[0] != FORMAT_VERSION) {
                throw new IllegalArgumentException("not an encoded mutation batch");
            }
            size += batch.length - HEADER;
            count += ByteBuffer.wrap(batch, 1, 4).getInt();
        }
        if (size > Integer.MAX_VALUE - 16 || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("combined mutation batch is too large to encode");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.put(FORMAT_VERSION).putInt((int) count);
        for (byte[] batch : encodedBatches) {
            out.put(batch, HEADER, batch.length - HEADER);
        }
        return out.array();
    }

    /** The size of {@link #concat} of batches whose encoded sizes add up to {@code totalEncodedBytes}. */
    public static long concatSize(long totalEncodedBytes, int batches) {
        return totalEncodedBytes - (long) HEADER * (batches - 1);
    }

    /**
     * The batch encoded in {@code payload} (read from its position to its limit), in order.
     *
     * @throws MalformedEntryException when the payload is not exactly one valid batch
     */
    public static List<Mutation> decode(ByteBuffer payload) {
        ByteBuffer in = payload.duplicate();
        int start = in.position();
        try {
            if (!in.hasRemaining()) {
                throw new MalformedEntryException("empty Raft entry payload");
            }
            byte version = in.get();
            if (version == REPLACE_STORE) {
                throw new MalformedEntryException("Raft entry format version " + REPLACE_STORE
                        + " (replace store) is not a mutation batch");
            }
            if (version != FORMAT_VERSION) {
                throw unknownVersion(version);
            }
            int count = in.getInt();
            // each mutation takes at least 5 bytes: a count beyond that is corrupt
            if (count < 0 || count > in.remaining() / 5) {
                throw new MalformedEntryException("Raft entry declares " + Integer.toUnsignedString(count)
                        + " mutations in " + in.remaining() + " bytes");
            }
            List<Mutation> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int at = in.position() - start;
                byte op = in.get();
                if (op != PUT && op != DELETE) {
                    throw new MalformedEntryException("unknown operation " + (op & 0xff) + " at offset " + at);
                }
                String key = decodeKey(bytes(in, at));
                out.add(op == PUT ? Mutation.put(key, bytes(in, at)) : Mutation.delete(key));
            }
            if (in.hasRemaining()) {
                throw new MalformedEntryException(in.remaining() + " trailing bytes after " + count + " mutations");
            }
            return Collections.unmodifiableList(out);
        } catch (BufferUnderflowException e) {
            throw new MalformedEntryException("Raft entry payload truncated at offset " + (in.position() - start));
        }
    }

    /**
     * The entry encoded in {@code payload} (read from its position to its limit): a
     * {@link LogEntry.Batch} or a {@link LogEntry.ReplaceStore}.
     *
     * @throws MalformedEntryException when the payload is not exactly one valid entry of a known kind
     */
    public static LogEntry decodeEntry(ByteBuffer payload) {
        if (!payload.hasRemaining()) {
            throw new MalformedEntryException("empty Raft entry payload");
        }
        byte kind = payload.get(payload.position());
        if (kind == FORMAT_VERSION) {
            return new LogEntry.Batch(decode(payload));
        }
        if (kind == REPLACE_STORE) {
            return new LogEntry.ReplaceStore(decodeReplaceStore(payload));
        }
        throw unknownVersion(kind);
    }

    private static MalformedEntryException unknownVersion(byte version) {
        return new MalformedEntryException("Raft entry format version " + (version & 0xff)
                + " is not supported; this build reads versions " + FORMAT_VERSION + " (mutation batch) and "
                + REPLACE_STORE + " (replace store)");
    }

    /**
     * The encoded size of a replace-store entry holding {@code entries}, computed without encoding
     * (so that an oversized restore is refused before anything large is allocated).
     */
    public static long replaceStoreSize(List<StorageEntry> entries) {
        long size = HEADER;
        for (StorageEntry e : entries) {
            size += 8L + utf8Length(e.key()) + e.size();
        }
        return size;
    }

    /**
     * A replace-store entry: after it is applied, the store holds exactly {@code entries} and
     * nothing else. The entries are written in ascending order of their keys' UTF-8 bytes,
     * whatever order they come in.
     *
     * @throws IllegalArgumentException when a key is not valid Unicode, appears twice, or the
     *                                  entry would exceed 2 GiB
     */
    public static byte[] encodeReplaceStore(List<StorageEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        long size = replaceStoreSize(entries);
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("replace-store entry of " + size + " bytes is too large to encode");
        }
        List<byte[]> keys = new ArrayList<>(entries.size());
        List<Integer> order = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            keys.add(utf8(entries.get(i).key()));
            order.add(i);
        }
        order.sort((a, b) -> Arrays.compareUnsigned(keys.get(a), keys.get(b)));
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.put(REPLACE_STORE).putInt(entries.size());
        byte[] previous = null;
        for (int i : order) {
            byte[] key = keys.get(i);
            if (previous != null && Arrays.equals(previous, key)) {
                throw new IllegalArgumentException("a snapshot holds the same key twice");
            }
            previous = key;
            byte[] value = entries.get(i).value();
            out.putInt(key.length).put(key).putInt(value.length).put(value);
        }
        return out.array();
    }

    private static List<StorageEntry> decodeReplaceStore(ByteBuffer payload) {
        ByteBuffer in = payload.duplicate();
        int start = in.position();
        try {
            in.get();
            int count = in.getInt();
            // each entry takes at least 8 bytes: a count beyond that is corrupt
            if (count < 0 || count > in.remaining() / 8) {
                throw new MalformedEntryException("replace-store entry declares " + Integer.toUnsignedString(count)
                        + " entries in " + in.remaining() + " bytes");
            }
            List<StorageEntry> out = new ArrayList<>(count);
            byte[] previous = null;
            for (int i = 0; i < count; i++) {
                int at = in.position() - start;
                byte[] key = bytes(in, at);
                if (previous != null && Arrays.compareUnsigned(previous, key) >= 0) {
                    throw new MalformedEntryException("the keys of the replace-store entry are not strictly ascending at offset " + at);
                }
                previous = key;
                out.add(new StorageEntry(decodeKey(key), bytes(in, at)));
            }
            if (in.hasRemaining()) {
                throw new MalformedEntryException(in.remaining() + " trailing bytes after " + count + " entries");
            }
            return Collections.unmodifiableList(out);
        } catch (BufferUnderflowException e) {
            throw new MalformedEntryException("Raft entry payload truncated at offset " + (in.position() - start));
        }
    }

    private static long utf8Length(String key) {
        long n = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static byte[] bytes(ByteBuffer in, int at) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new MalformedEntryException("length " + Integer.toUnsignedString(length) + " of the mutation at offset "
                    + at + " exceeds the " + in.remaining() + " remaining bytes");
        }
        byte[] b = new byte[length];
        in.get(b);
        return b;
    }

    private static byte[] utf8(String key) {
        if (!hasSurrogate(key)) {
            // only a surrogate can be malformed: without one the JDK's (fast) encoding is exact
            return key.getBytes(StandardCharsets.UTF_8);
        }
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

    private static boolean hasSurrogate(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (Character.isSurrogate(key.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String decodeKey(byte[] key) {
        boolean ascii = true;
        for (byte b : key) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(key, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEntryException("a key of " + key.length + " bytes is not valid UTF-8");
        }
    }
}

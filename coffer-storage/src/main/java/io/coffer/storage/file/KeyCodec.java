package io.coffer.storage.file;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Storage keys as RocksDB bytes: strict UTF-8 both ways (a string that is not valid Unicode
 * is refused rather than silently replaced, so two keys can never collide), plus the byte
 * arithmetic of prefix scans.
 */
final class KeyCodec {
    private static final byte SLASH = '/';

    private KeyCodec() {
    }

    static byte[] encode(String key) {
        if (!hasSurrogate(key)) {
            // only a surrogate can be malformed: without one the JDK's (fast) encoding is exact
            return key.getBytes(StandardCharsets.UTF_8);
        }
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(key));
            return Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("storage key is not valid Unicode");
        }
    }

    static String decode(byte[] bytes, int from, int to) {
        if (isAscii(bytes, from, to)) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FileStorageException("stored key is not valid UTF-8: the store is corrupt");
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

    private static boolean isAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The position of the first {@code /} in {@code key} at or after {@code from}, or -1. */
    static int slashFrom(byte[] key, int from) {
        for (int i = from; i < key.length; i++) {
            if (key[i] == SLASH) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The smallest key greater than every key that starts with {@code key[0..slash]} (which
     * ends in {@code /}): the same bytes with the slash replaced by the next byte value,
     * {@code 0}. Seeking there skips a whole folder in one step.
     */
    static byte[] pastFolder(byte[] key, int slash) {
        byte[] next = Arrays.copyOf(key, slash + 1);
        next[slash] = SLASH + 1;
        return next;
    }

    /**
     * The smallest byte string greater than every string starting with {@code prefix} (an
     * exclusive upper bound for a prefix scan), or {@code null} when there is none (empty
     * prefix, or only 0xFF bytes).
     */
    static byte[] upperBound(byte[] prefix) {
        int end = prefix.length;
        while (end > 0 && prefix[end - 1] == (byte) 0xFF) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        byte[] bound = Arrays.copyOf(prefix, end);
        bound[end - 1]++;
        return bound;
    }
}

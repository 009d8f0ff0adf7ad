package io.coffer.raft.snapshot;

import io.coffer.core.ha.Snapshot;
import io.coffer.sdk.logical.StorageEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes and reads the snapshot file of integrated Raft storage, in the layout of Vault's
 * {@code raft snapshot save}: a gzip-compressed POSIX tar holding, in this order and nothing else,
 * {@code meta.json} ({@link SnapshotMeta}), {@code state.bin} ({@link StateFile}) and
 * {@code SHA256SUMS} (the SHA-256 of the other two, in {@code sha256sum} format). Documented in
 * {@code docs/storage-formats/raft-snapshot.md}.
 *
 * <p>{@link #read} verifies everything before it returns — gzip CRC and length, the tar headers,
 * entry names, order, types and sizes, both checksums, both format versions, every record length,
 * key order, the entry count, and that nothing follows the archive — and refuses anything else
 * with {@link IllegalArgumentException}. It never allocates more than the bytes actually present,
 * and never more than the size limit it is given. Stateless and thread-safe.
 */
public final class SnapshotArchive {
    static final String META = "meta.json";
    static final String STATE = "state.bin";
    static final String SUMS = "SHA256SUMS";
    private static final int MAX_META_BYTES = 64 * 1024;
    private static final int MAX_SUMS_BYTES = 4 * 1024;
    /** Zero padding tolerated after the tar's end-of-archive records (tar pads to 10 KiB records). */
    private static final int MAX_PADDING_BYTES = 64 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    private SnapshotArchive() {
    }

    /**
     * Writes a snapshot to {@code out} (which stays open): {@code meta}, then the already encoded
     * {@code state.bin} from {@code stateFile} with its SHA-256 {@code stateSha256}, then the sums.
     */
    public static void write(OutputStream out, SnapshotMeta meta, Path stateFile, byte[] stateSha256) throws IOException {
        byte[] metaJson = meta.toJson();
        byte[] sums = sums(sha256(metaJson), stateSha256);
        // whole seconds: a fractional time would make the tar writer add PAX headers
        Date mtime = Date.from(meta.createdTime().truncatedTo(ChronoUnit.SECONDS));
        try (GZIPOutputStream gzip = new GZIPOutputStream(new KeepOpen(out), 64 * 1024);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            put(tar, META, metaJson.length, mtime);
            tar.write(metaJson);
            tar.closeArchiveEntry();
            put(tar, STATE, Files.size(stateFile), mtime);
            Files.copy(stateFile, tar);
            tar.closeArchiveEntry();
            put(tar, SUMS, sums.length, mtime);
            tar.write(sums);
            tar.closeArchiveEntry();
            tar.finish();
        }
        out.flush();
    }

    private static void put(TarArchiveOutputStream tar, String name, long size, Date mtime) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(0100600);
        entry.setModTime(mtime);
        entry.setUserName("");
        entry.setGroupName("");
        entry.setIds(0, 0);
        tar.putArchiveEntry(entry);
    }

    /**
     * Reads and verifies a whole snapshot from {@code in} (to its end; it is not closed).
     *
     * @param maxStateBytes the largest {@code state.bin} accepted, in bytes
     * @throws IllegalArgumentException when {@code in} is not exactly one complete, intact
     *                                  snapshot of a supported format, or its state is too large;
     *                                  a stream that fails or ends early counts as truncated
     */
    public static Snapshot read(InputStream in, long maxStateBytes) {
        BufferedInputStream raw = new BufferedInputStream(in, 64 * 1024);
        GzipCompressorInputStream gzip = null;
        try {
            try {
                // one member only; reads the underlying stream no further than the member's end
                gzip = GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(false).get();
            } catch (IOException e) {
                throw invalid("it is not gzip-compressed (" + e.getMessage() + ")");
            }
            try {
                return readTar(gzip, raw, maxStateBytes);
            } catch (IllegalArgumentException e) {
                // damaged compressed data often surfaces first as nonsense inside: prefer the real cause
                throw corruptionBehind(gzip, maxStateBytes).orElse(e);
            }
        } catch (IOException e) {
            throw invalid(describe(e));
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(PREFIX) ? e : invalid(describe(e));
        } catch (RuntimeException e) {
            // whatever else the decompressor or the tar reader throws on hostile input
            throw invalid(describe(e));
        }
    }

    private static Snapshot readTar(GzipCompressorInputStream gzip, InputStream raw, long maxStateBytes) throws IOException {
        // 512-byte blocks: the reader must not skip (unchecked) past the end-of-archive records
        TarArchiveInputStream tar = new TarArchiveInputStream(gzip, 512);
        TarArchiveEntry metaEntry = next(tar, META, MAX_META_BYTES);
        byte[] metaJson = tar.readNBytes((int) metaEntry.getSize());
        requireLength(metaJson, metaEntry);
        SnapshotMeta meta = SnapshotMeta.parse(metaJson);

        TarArchiveEntry stateEntry = nextEntry(tar, STATE);
        if (stateEntry.getSize() > maxStateBytes) {
            throw invalid("its state.bin holds " + stateEntry.getSize() + " bytes, above the limit of "
                    + maxStateBytes + " bytes (max_restore_size)");
        }
        MessageDigest stateDigest = sha256();
        List<StorageEntry> entries = StateFile.read(new DigestInputStream(tar, stateDigest), stateEntry.getSize());

        TarArchiveEntry sumsEntry = next(tar, SUMS, MAX_SUMS_BYTES);
        byte[] sums = tar.readNBytes((int) sumsEntry.getSize());
        requireLength(sums, sumsEntry);
        TarArchiveEntry extra = tar.getNextEntry();
        if (extra != null) {
            throw invalid("it holds an unexpected entry after " + SUMS);
        }
        requireOnlyPadding(gzip);
        if (raw.read() != -1) {
            throw invalid("bytes follow the end of its gzip stream");
        }

        verifySums(sums, sha256(metaJson), stateDigest.digest());
        if (meta.entryCount() != entries.size()) {
            throw invalid("meta.json counts " + meta.entryCount() + " entries but state.bin holds " + entries.size());
        }
        return new Snapshot(meta.nodeId(), meta.appliedIndex(), entries);
    }

    /**
     * Reads on to the end of the gzip stream (at most as far as a valid snapshot could reach) and
     * returns the gzip layer's complaint if it has one: a CRC or length mismatch, a deflate
     * error, or a premature end.
     */
    private static java.util.Optional<IllegalArgumentException> corruptionBehind(InputStream gzip, long maxStateBytes) {
        long budget = maxStateBytes + MAX_META_BYTES + MAX_SUMS_BYTES + MAX_PADDING_BYTES + 64L * 1024;
        byte[] buffer = new byte[64 * 1024];
        try {
            while (budget > 0) {
                int n = gzip.read(buffer, 0, (int) Math.min(buffer.length, budget));
                if (n < 0) {
                    return java.util.Optional.empty();
                }
                budget -= n;
            }
            return java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.of(invalid(describe(e)));
        }
    }

    private static TarArchiveEntry next(TarArchiveInputStream tar, String name, int maxBytes) throws IOException {
        TarArchiveEntry entry = nextEntry(tar, name);
        if (entry.getSize() > maxBytes) {
            throw invalid("its " + name + " is " + entry.getSize() + " bytes, more than the " + maxBytes + " allowed");
        }
        return entry;
    }

    private static TarArchiveEntry nextEntry(TarArchiveInputStream tar, String name) throws IOException {
        TarArchiveEntry entry = tar.getNextEntry();
        if (entry == null) {
            throw invalid("it ends before its " + name);
        }
        if (!entry.getName().equals(name)) {
            throw invalid("its next entry should be " + name);
        }
        if (!entry.isFile() || entry.isSparse() || entry.getSize() < 0) {
            throw invalid("its " + name + " is not a regular file");
        }
        return entry;
    }

    private static void requireLength(byte[] read, TarArchiveEntry entry) {
        if (read.length != entry.getSize()) {
            throw invalid("its " + entry.getName() + " is truncated");
        }
    }

    private static void requireOnlyPadding(InputStream gzip) throws IOException {
        byte[] rest = gzip.readNBytes(MAX_PADDING_BYTES + 1);
        if (rest.length > MAX_PADDING_BYTES) {
            throw invalid("data follows the end of its tar archive");
        }
        for (byte b : rest) {
            if (b != 0) {
                throw invalid("data follows the end of its tar archive");
            }
        }
    }

    private static void verifySums(byte[] sums, byte[] metaSha, byte[] stateSha) {
        String text = new String(sums, StandardCharsets.US_ASCII);
        String[] lines = text.split("\n", -1);
        if (lines.length != 3 || !lines[2].isEmpty()
                || !lines[0].matches("[0-9a-f]{64}  " + META) || !lines[1].matches("[0-9a-f]{64}  " + STATE)) {
            throw invalid(SUMS + " is not two sha256sum lines for " + META + " and " + STATE);
        }
        if (!lines[0].startsWith(HEX.formatHex(metaSha))) {
            throw invalid("the SHA-256 of " + META + " does not match " + SUMS);
        }
        if (!lines[1].startsWith(HEX.formatHex(stateSha))) {
            throw invalid("the SHA-256 of " + STATE + " does not match " + SUMS);
        }
    }

    private static byte[] sums(byte[] metaSha, byte[] stateSha) {
        return (HEX.formatHex(metaSha) + "  " + META + "\n" + HEX.formatHex(stateSha) + "  " + STATE + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static final String PREFIX = "not a valid Coffer Raft snapshot: ";

    static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException(PREFIX + why);
    }

    /** A failure's kind and message, which name offsets and entry kinds, never stored values. */
    private static String describe(Exception e) {
        String message = e.getMessage();
        return (e instanceof java.io.EOFException ? "it is truncated" : "it is corrupt")
                + (message == null ? "" : " (" + message + ")");
    }

    /** Lets the archive streams be closed without closing the caller's stream. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

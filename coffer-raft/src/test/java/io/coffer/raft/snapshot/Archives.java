package io.coffer.raft.snapshot;

import io.coffer.sdk.logical.StorageEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Builds snapshot archives for tests: valid ones through {@link SnapshotArchive#write}, and hand-made variants. */
final class Archives {
    static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");

    private Archives() {
    }

    static List<StorageEntry> sampleEntries() {
        List<StorageEntry> out = new ArrayList<>();
        out.add(new StorageEntry("", bytes("empty key")));
        out.add(new StorageEntry("core/keyring", bytes("ciphertext-1")));
        out.add(new StorageEntry("logical/abc/secret", new byte[] {0, 1, 2, (byte) 0xff}));
        out.add(new StorageEntry("sys/token/id/x", new byte[0]));
        return out;
    }

    /** A complete, valid snapshot of {@code entries} (given in ascending key order). */
    static byte[] valid(List<StorageEntry> entries, Path temp) {
        try {
            Path state = Files.createTempFile(temp, "state", ".bin");
            byte[] encoded = state(entries);
            Files.write(state, encoded);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SnapshotArchive.write(out, new SnapshotMeta("node-a", 42, 3, entries.size(), CREATED), state,
                    SnapshotArchive.sha256(encoded));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code state.bin} of {@code entries}, written by {@link StateFile.Writer}. */
    static byte[] state(List<StorageEntry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StateFile.Writer w = new StateFile.Writer(out, entries.size());
        for (StorageEntry e : entries) {
            w.write(e.key(), e.value());
        }
        w.finish();
        return out.toByteArray();
    }

    /** A raw state.bin: header with {@code count}, then the given bytes as records. */
    static byte[] rawState(long count, byte[]... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(StateFile.MAGIC);
        out.write(1);
        out.writeBytes(ByteBuffer.allocate(8).putLong(count).array());
        for (byte[] r : records) {
            out.writeBytes(r);
        }
        return out.toByteArray();
    }

    /** One state.bin record with the given key and value and honest lengths. */
    static byte[] record(byte[] key, byte[] value) {
        return ByteBuffer.allocate(8 + key.length + value.length)
                .putInt(key.length).put(key).putInt(value.length).put(value).array();
    }

    static byte[] meta(long entryCount) {
        return new SnapshotMeta("node-a", 42, 3, entryCount, CREATED).toJson();
    }

    static byte[] sums(byte[] meta, byte[] state) {
        return (HexFormat.of().formatHex(SnapshotArchive.sha256(meta)) + "  meta.json\n"
                + HexFormat.of().formatHex(SnapshotArchive.sha256(state)) + "  state.bin\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A consistent archive (correct sums) around the given meta.json and state.bin. */
    static byte[] consistent(byte[] meta, byte[] state) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("meta.json", meta);
        files.put("state.bin", state);
        files.put("SHA256SUMS", sums(meta, state));
        return tarGz(files);
    }

    /** A gzip'd tar of regular files, in the given order. */
    static byte[] tarGz(Map<String, byte[]> files) {
        return gzip(tar(files, false));
    }

    static byte[] tar(Map<String, byte[]> files, boolean directoryFirst) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(raw)) {
                if (directoryFirst) {
                    tar.putArchiveEntry(new TarArchiveEntry("meta.json/"));
                    tar.closeArchiveEntry();
                }
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                    e.setSize(f.getValue().length);
                    tar.putArchiveEntry(e);
                    tar.write(f.getValue());
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
            return raw.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gunzip(byte[] data) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

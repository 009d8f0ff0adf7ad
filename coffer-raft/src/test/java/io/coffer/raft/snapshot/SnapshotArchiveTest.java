package io.coffer.raft.snapshot;

import io.coffer.core.ha.Snapshot;
import io.coffer.sdk.logical.StorageEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static io.coffer.raft.snapshot.Archives.bytes;
import static io.coffer.raft.snapshot.Archives.concat;
import static io.coffer.raft.snapshot.Archives.consistent;
import static io.coffer.raft.snapshot.Archives.meta;
import static io.coffer.raft.snapshot.Archives.rawState;
import static io.coffer.raft.snapshot.Archives.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotArchiveTest {
    private static final long LIMIT = 1024 * 1024;

    @TempDir
    static Path temp;

    private static Snapshot read(byte[] archive) {
        return SnapshotArchive.read(new ByteArrayInputStream(archive), LIMIT);
    }

    @Test
    void write_thenRead_roundTripsEveryEntryAndTheMeta() {
        List<StorageEntry> entries = Archives.sampleEntries();
        Snapshot snapshot = read(Archives.valid(entries, temp));
        assertThat(snapshot.nodeId()).isEqualTo("node-a");
        assertThat(snapshot.appliedIndex()).isEqualTo(42);
        assertThat(snapshot.entries()).containsExactlyElementsOf(entries);
    }

    @Test
    void write_emptyStore_roundTrips() {
        assertThat(read(Archives.valid(List.of(), temp)).entries()).isEmpty();
    }

    @Test
    void write_hasTheDocumentedLayout() throws IOException {
        byte[] archive = Archives.valid(Archives.sampleEntries(), temp);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                assertThat(e.isFile()).isTrue();
                assertThat(e.getMode() & 0777).isEqualTo(0600);
                assertThat(e.getModTime().toInstant()).isEqualTo(Archives.CREATED.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                assertThat(e.isPaxHeader()).isFalse();
                assertThat(e.getExtraPaxHeaders()).isEmpty();
                files.put(e.getName(), tar.readAllBytes());
            }
        }
        assertThat(files.keySet()).containsExactly("meta.json", "state.bin", "SHA256SUMS");
        assertThat(new String(files.get("meta.json"), StandardCharsets.UTF_8).replaceAll("\\s", "")).isEqualTo(
                "{\"format_version\":1,\"node_id\":\"node-a\",\"applied_index\":42,\"applied_term\":3,"
                        + "\"entry_count\":4,\"created_time\":\"2026-01-02T03:04:05.678Z\"}");
        assertThat(new String(files.get("SHA256SUMS"), StandardCharsets.US_ASCII)).isEqualTo(
                HexFormat.of().formatHex(SnapshotArchive.sha256(files.get("meta.json"))) + "  meta.json\n"
                        + HexFormat.of().formatHex(SnapshotArchive.sha256(files.get("state.bin"))) + "  state.bin\n");
        // magic, version 1, 4 records; the first: the empty key and "empty key"
        assertThat(HexFormat.of().formatHex(Arrays.copyOf(files.get("state.bin"), 17 + 4 + 4 + 9))).isEqualTo(
                "4346525354415445" + "01" + "0000000000000004" + "00000000" + "00000009" + "656d707479206b6579");
    }

    @Test
    void writer_keysOutOfOrderOrMoreThanDeclared_areRefused() throws IOException {
        StateFile.Writer w = new StateFile.Writer(new java.io.ByteArrayOutputStream(), 1);
        w.write("b", new byte[0]);
        assertThatThrownBy(() -> w.write("a", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.write("c", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        StateFile.Writer short1 = new StateFile.Writer(new java.io.ByteArrayOutputStream(), 2);
        short1.write("a", new byte[0]);
        assertThatThrownBy(short1::finish).isInstanceOf(IllegalStateException.class);
    }

    /** Corrupt inputs and the reason each must be refused with. */
    static Stream<Arguments> corruptions() {
        byte[] valid = Archives.valid(Archives.sampleEntries(), temp);
        byte[] state;
        try {
            state = Archives.state(Archives.sampleEntries());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] meta = meta(4);
        List<Arguments> cases = new ArrayList<>();
        Function<byte[], byte[]> flipMiddle = b -> {
            byte[] c = b.clone();
            c[c.length / 2] ^= 0x40;
            return c;
        };
        cases.add(Arguments.of("empty input", new byte[0], "not gzip"));
        cases.add(Arguments.of("plain text", bytes("hello, this is not a snapshot"), "not gzip"));
        cases.add(Arguments.of("an uncompressed tar", Archives.gunzip(valid), "not gzip"));
        cases.add(Arguments.of("truncated to half", Arrays.copyOf(valid, valid.length / 2), "truncated"));
        cases.add(Arguments.of("last byte missing", Arrays.copyOf(valid, valid.length - 1), "truncated"));
        cases.add(Arguments.of("gzip trailer missing", Arrays.copyOf(valid, valid.length - 8), "truncated"));
        cases.add(Arguments.of("a flipped bit in the middle", flipMiddle.apply(valid), "corrupt"));
        cases.add(Arguments.of("garbage after the gzip stream", concat(valid, bytes("x")), "bytes follow the end of its gzip stream"));
        cases.add(Arguments.of("a second snapshot appended", concat(valid, valid), "bytes follow the end of its gzip stream"));
        cases.add(Arguments.of("data after the tar inside the gzip",
                Archives.gzip(concat(Archives.gunzip(valid), bytes("trailing"))), "data follows the end of its tar archive"));
        cases.add(Arguments.of("entries out of order", Archives.tarGz(ordered("state.bin", state, "meta.json", meta,
                "SHA256SUMS", Archives.sums(meta, state))), "next entry should be meta.json"));
        cases.add(Arguments.of("SHA256SUMS missing", Archives.tarGz(ordered("meta.json", meta, "state.bin", state)),
                "ends before its SHA256SUMS"));
        cases.add(Arguments.of("an extra entry", Archives.tarGz(ordered("meta.json", meta, "state.bin", state,
                "SHA256SUMS", Archives.sums(meta, state), "extra", bytes("x"))), "unexpected entry"));
        cases.add(Arguments.of("a directory where meta.json should be",
                Archives.gzip(Archives.tar(ordered("meta.json", meta), true)), "should be meta.json"));
        cases.add(Arguments.of("meta.json format_version 2", consistent(bytes(new String(meta, StandardCharsets.UTF_8)
                .replace("\"format_version\" : 1", "\"format_version\" : 2")), state), "format_version 2"));
        cases.add(Arguments.of("meta.json not JSON", consistent(bytes("{oops"), state), "meta.json is not valid JSON"));
        cases.add(Arguments.of("meta.json with a duplicate field", consistent(bytes(
                "{\"format_version\":1,\"format_version\":1,\"node_id\":\"n\",\"applied_index\":1,\"applied_term\":1,"
                        + "\"entry_count\":4,\"created_time\":\"2026-01-02T03:04:05Z\"}"), state), "meta.json is not valid JSON"));
        cases.add(Arguments.of("meta.json with an unknown field", consistent(bytes(new String(meta, StandardCharsets.UTF_8)
                .replace("{", "{\"extra\":1,")), state), "unknown field"));
        cases.add(Arguments.of("meta.json without node_id", consistent(bytes(
                "{\"format_version\":1,\"applied_index\":1,\"applied_term\":1,\"entry_count\":4,"
                        + "\"created_time\":\"2026-01-02T03:04:05Z\"}"), state), "node_id"));
        cases.add(Arguments.of("meta.json with a negative count", consistent(bytes(new String(meta, StandardCharsets.UTF_8)
                .replace("\"entry_count\" : 4", "\"entry_count\" : -4")), state), "must not be negative"));
        cases.add(Arguments.of("meta.json counting other entries", consistent(meta(5), state), "counts 5 entries"));
        cases.add(Arguments.of("state.bin with another magic", consistent(meta, replaceAt(state, 0, bytes("XXXXXXXX"))),
                "magic"));
        cases.add(Arguments.of("state.bin format version 2", consistent(meta, replaceAt(state, 8, new byte[] {2})),
                "format version 2"));
        cases.add(Arguments.of("state.bin declaring 2^62 records", consistent(meta, replaceAt(state, 9,
                ByteBuffer.allocate(8).putLong(1L << 62).array())), "declares"));
        cases.add(Arguments.of("state.bin with a negative count", consistent(meta, replaceAt(state, 9,
                ByteBuffer.allocate(8).putLong(-1).array())), "declares"));
        cases.add(Arguments.of("a key length of 4 GiB - 1", consistent(meta(1), rawState(1,
                concat(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, new byte[8]))), "exceeds the"));
        cases.add(Arguments.of("a value length of 2 GiB", consistent(meta(1), rawState(1,
                concat(record(bytes("k"), new byte[0]), new byte[0]).length > 0
                        ? replaceAt(record(bytes("k"), new byte[0]), 5, ByteBuffer.allocate(4).putInt(Integer.MIN_VALUE).array())
                        : new byte[0])), "exceeds the"));
        cases.add(Arguments.of("a record cut short", consistent(meta(1), rawState(1,
                Arrays.copyOf(record(bytes("key"), bytes("value")), 10))), "truncated"));
        cases.add(Arguments.of("a key twice", consistent(meta(2), rawState(2,
                record(bytes("k"), bytes("1")), record(bytes("k"), bytes("2")))), "not strictly ascending"));
        cases.add(Arguments.of("keys out of order", consistent(meta(2), rawState(2,
                record(bytes("b"), bytes("1")), record(bytes("a"), bytes("2")))), "not strictly ascending"));
        cases.add(Arguments.of("a key that is not UTF-8", consistent(meta(1), rawState(1,
                record(new byte[] {(byte) 0xc3, 0x28}, bytes("v")))), "not valid UTF-8"));
        cases.add(Arguments.of("bytes after the last record", consistent(meta(1), rawState(1,
                record(bytes("k"), bytes("v")), new byte[] {0})), "trailing bytes"));
        cases.add(Arguments.of("fewer records than declared", consistent(meta(2), rawState(2,
                record(bytes("k"), bytes("v")))), "declares 2 records"));
        Map<String, byte[]> wrongSum = ordered("meta.json", meta, "state.bin", state, "SHA256SUMS", Archives.sums(meta, meta));
        cases.add(Arguments.of("a wrong state.bin checksum", Archives.tarGz(wrongSum), "SHA-256 of state.bin does not match"));
        Map<String, byte[]> wrongMetaSum = ordered("meta.json", meta, "state.bin", state, "SHA256SUMS", Archives.sums(state, state));
        cases.add(Arguments.of("a wrong meta.json checksum", Archives.tarGz(wrongMetaSum), "SHA-256 of meta.json does not match"));
        Map<String, byte[]> badSums = ordered("meta.json", meta, "state.bin", state, "SHA256SUMS", bytes("0  meta.json\n"));
        cases.add(Arguments.of("malformed SHA256SUMS", Archives.tarGz(badSums), "two sha256sum lines"));
        cases.add(Arguments.of("a state.bin above the limit", consistent(meta(1), rawState(1,
                record(bytes("k"), new byte[(int) LIMIT]))), "above the limit"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void read_corruptInput_isRefusedWithAClearMessage(String what, byte[] archive, String reason) {
        assertThatThrownBy(() -> read(archive))
                .as(what)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid Coffer Raft snapshot: ")
                .hasMessageContaining(reason);
    }

    @Test
    void read_consistentHandMadeArchive_isAccepted() throws IOException {
        // the corruption cases above differ from this one only where they say
        byte[] state = Archives.state(Archives.sampleEntries());
        assertThat(read(consistent(meta(4), state)).entries()).containsExactlyElementsOf(Archives.sampleEntries());
    }

    private static Map<String, byte[]> ordered(Object... nameThenBytes) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            out.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return out;
    }

    private static byte[] replaceAt(byte[] data, int at, byte[] with) {
        byte[] out = data.clone();
        System.arraycopy(with, 0, out, at, with.length);
        return out;
    }
}

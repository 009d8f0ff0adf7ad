package io.coffer.raft.log;

import io.coffer.sdk.logical.StorageEntry;
import io.coffer.storage.file.Mutation;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replace-store entry kind (0x02) next to the mutation batch (0x01). */
class ReplaceStoreCodecTest {

    private static StorageEntry entry(String key, String value) {
        return new StorageEntry(key, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void encodeReplaceStore_sortsByUtf8BytesAndRoundTrips() {
        List<StorageEntry> unsorted = List.of(entry("\uD83D\uDE00", "4"), entry("b", "2"), entry("\uE000", "3"), entry("", "0"),
                entry("a", "1"));
        LogEntry decoded = MutationBatchCodec.decodeEntry(ByteBuffer.wrap(MutationBatchCodec.encodeReplaceStore(unsorted)));
        assertThat(decoded).isInstanceOfSatisfying(LogEntry.ReplaceStore.class, r -> assertThat(r.entries())
                .containsExactly(entry("", "0"), entry("a", "1"), entry("b", "2"), entry("\uE000", "3"), entry("\uD83D\uDE00", "4")));
    }

    @Test
    void encodeReplaceStore_hasTheDocumentedLayout() {
        byte[] encoded = MutationBatchCodec.encodeReplaceStore(List.of(new StorageEntry("k", new byte[] {7})));
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo("02" + "00000001" + "00000001" + "6b" + "00000001" + "07");
    }

    @Test
    void replaceStoreSize_isTheEncodedLength() {
        List<StorageEntry> entries = List.of(entry("ключ/键/🔑", "x"), entry("a", ""), entry("\uE000\u0080", "yy"));
        assertThat(MutationBatchCodec.replaceStoreSize(entries))
                .isEqualTo(MutationBatchCodec.encodeReplaceStore(entries).length);
        assertThat(MutationBatchCodec.replaceStoreSize(List.of())).isEqualTo(5);
    }

    @Test
    void encodeReplaceStore_duplicateKey_isRefused() {
        assertThatThrownBy(() -> MutationBatchCodec.encodeReplaceStore(List.of(entry("k", "1"), entry("k", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void decodeEntry_mutationBatch_isTheVersion1Batch() {
        byte[] batch = MutationBatchCodec.encode(List.of(Mutation.delete("k"), Mutation.put("ab", new byte[] {7})));
        assertThat(MutationBatchCodec.decodeEntry(ByteBuffer.wrap(batch)))
                .isEqualTo(new LogEntry.Batch(List.of(Mutation.delete("k"), Mutation.put("ab", new byte[] {7}))));
        // version-1 batches are byte for byte what the first release wrote
        assertThat(HexFormat.of().formatHex(batch)).isEqualTo("01000000020200000001" + "6b" + "01000000026162000000" + "0107");
    }

    @Test
    void decode_batchOnly_refusesAReplaceStoreEntry() {
        byte[] replace = MutationBatchCodec.encodeReplaceStore(List.of(entry("k", "v")));
        assertThatThrownBy(() -> MutationBatchCodec.decode(ByteBuffer.wrap(replace)))
                .isInstanceOf(MalformedEntryException.class).hasMessageContaining("replace store");
    }

    @Test
    void decodeEntry_unknownKind_isRefused() {
        assertThatThrownBy(() -> MutationBatchCodec.decodeEntry(ByteBuffer.wrap(new byte[] {3, 0, 0, 0, 0})))
                .isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("format version 3 is not supported");
        assertThatThrownBy(() -> MutationBatchCodec.decodeEntry(ByteBuffer.allocate(0)))
                .isInstanceOf(MalformedEntryException.class);
    }

    @Test
    void decodeEntry_malformedReplaceStore_isRefused() {
        // keys out of order
        byte[] unsorted = {2, 0, 0, 0, 2, 0, 0, 0, 1, 'b', 0, 0, 0, 0, 0, 0, 0, 1, 'a', 0, 0, 0, 0};
        assertThatThrownBy(() -> MutationBatchCodec.decodeEntry(ByteBuffer.wrap(unsorted)))
                .isInstanceOf(MalformedEntryException.class).hasMessageContaining("strictly ascending");
        // a count that cannot fit
        byte[] count = {2, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> MutationBatchCodec.decodeEntry(ByteBuffer.wrap(count)))
                .isInstanceOf(MalformedEntryException.class).hasMessageContaining("declares");
        // a value length beyond the payload
        byte[] length = {2, 0, 0, 0, 1, 0, 0, 0, 1, 'k', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> MutationBatchCodec.decodeEntry(ByteBuffer.wrap(length)))
                .isInstanceOf(MalformedEntryException.class).hasMessageContaining("exceeds");
        // every truncation
        byte[] full = MutationBatchCodec.encodeReplaceStore(List.of(entry("key", "secret-value")));
        for (int n = 1; n < full.length; n++) {
            ByteBuffer cut = ByteBuffer.wrap(full, 0, n);
            assertThatThrownBy(() -> MutationBatchCodec.decodeEntry(cut))
                    .isInstanceOf(MalformedEntryException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        }
        byte[] longer = java.util.Arrays.copyOf(full, full.length + 1);
        assertThatThrownBy(() -> MutationBatchCodec.decodeEntry(ByteBuffer.wrap(longer)))
                .isInstanceOf(MalformedEntryException.class).hasMessageContaining("trailing");
    }
}

package io.coffer.raft.log;

import io.coffer.storage.file.Mutation;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MutationBatchCodecTest {

    private static List<Mutation> roundTrip(List<Mutation> batch) {
        return MutationBatchCodec.decode(ByteBuffer.wrap(MutationBatchCodec.encode(batch)));
    }

    @Test
    void encode_putsAndDeletes_roundTripInOrder() {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        List<Mutation> batch = List.of(
                Mutation.put("logical/uuid/a", binary),
                Mutation.delete("logical/uuid/a"),
                Mutation.put("empty", new byte[0]),
                Mutation.put("ключ/键/🔑", "v".getBytes(StandardCharsets.UTF_8)));
        assertThat(roundTrip(batch)).containsExactlyElementsOf(batch);
    }

    @Test
    void encode_emptyBatch_roundTrips() {
        assertThat(roundTrip(List.of())).isEmpty();
    }

    @Test
    void encode_oneDelete_hasTheDocumentedLayout() {
        byte[] encoded = MutationBatchCodec.encode(List.of(Mutation.delete("k"), Mutation.put("ab", new byte[] {7})));
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(
                "01" + "00000002"
                        + "02" + "00000001" + "6b"
                        + "01" + "00000002" + "6162" + "00000001" + "07");
    }

    @Test
    void encode_keyWithLoneSurrogate_isRefused() {
        assertThatThrownBy(() -> MutationBatchCodec.encode(List.of(Mutation.delete("a\uDC00"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid Unicode");
    }

    @Test
    void decode_unknownVersion_isRefused() {
        assertThatThrownBy(() -> MutationBatchCodec.decode(ByteBuffer.wrap(new byte[] {2, 0, 0, 0, 0})))
                .isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("format version 2");
    }

    @Test
    void decode_emptyPayload_isRefused() {
        assertThatThrownBy(() -> MutationBatchCodec.decode(ByteBuffer.allocate(0)))
                .isInstanceOf(MalformedEntryException.class);
    }

    @Test
    void decode_everyTruncation_isRefused() {
        byte[] full = MutationBatchCodec.encode(List.of(Mutation.put("key", "secret".getBytes(StandardCharsets.UTF_8))));
        for (int length = 0; length < full.length; length++) {
            ByteBuffer cut = ByteBuffer.wrap(full, 0, length);
            assertThatThrownBy(() -> MutationBatchCodec.decode(cut))
                    .isInstanceOf(MalformedEntryException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        }
    }

    @Test
    void decode_trailingBytes_isRefused() {
        byte[] full = MutationBatchCodec.encode(List.of(Mutation.delete("k")));
        byte[] longer = java.util.Arrays.copyOf(full, full.length + 1);
        assertThatThrownBy(() -> MutationBatchCodec.decode(ByteBuffer.wrap(longer)))
                .isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void decode_unknownOperation_isRefused() {
        byte[] bytes = MutationBatchCodec.encode(List.of(Mutation.delete("k")));
        bytes[5] = 3;
        assertThatThrownBy(() -> MutationBatchCodec.decode(ByteBuffer.wrap(bytes)))
                .isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("unknown operation 3");
    }

    @Test
    void decode_keyThatIsNotUtf8_isRefused() {
        byte[] bytes = MutationBatchCodec.encode(List.of(Mutation.delete("k")));
        bytes[10] = (byte) 0xff;
        assertThatThrownBy(() -> MutationBatchCodec.decode(ByteBuffer.wrap(bytes)))
                .isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void decode_hugeDeclaredLengths_areRefusedWithoutAllocating() {
        byte[] count = {1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> MutationBatchCodec.decode(ByteBuffer.wrap(count)))
                .isInstanceOf(MalformedEntryException.class);
        byte[] keyLength = {1, 0, 0, 0, 1, 2, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> MutationBatchCodec.decode(ByteBuffer.wrap(keyLength)))
                .isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void decode_bufferWithOffset_readsFromItsPosition() {
        byte[] encoded = MutationBatchCodec.encode(List.of(Mutation.delete("k")));
        ByteBuffer padded = ByteBuffer.allocate(encoded.length + 3);
        padded.put(new byte[3]).put(encoded).flip().position(3);
        assertThat(MutationBatchCodec.decode(padded)).containsExactly(Mutation.delete("k"));
        assertThat(padded.position()).isEqualTo(3);
    }
}

package io.coffer.storage.file;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppliedIndexTest {

    @Test
    void constructor_negativeTermOrIndexBelowMinusOne_isRefused() {
        assertThatThrownBy(() -> new AppliedIndex(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppliedIndex(0, -2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void precedes_laterIndexSameOrLaterTerm_isTrue() {
        assertThat(AppliedIndex.NONE.precedes(new AppliedIndex(0, 0))).isTrue();
        assertThat(new AppliedIndex(1, 5).precedes(new AppliedIndex(1, 6))).isTrue();
        assertThat(new AppliedIndex(1, 5).precedes(new AppliedIndex(3, 9))).isTrue();
    }

    @Test
    void precedes_sameOrEarlierIndexOrEarlierTerm_isFalse() {
        assertThat(new AppliedIndex(1, 5).precedes(new AppliedIndex(1, 5))).isFalse();
        assertThat(new AppliedIndex(1, 5).precedes(new AppliedIndex(1, 4))).isFalse();
        assertThat(new AppliedIndex(2, 5).precedes(new AppliedIndex(1, 6))).isFalse();
    }

    @Test
    void codec_roundTrip_keepsTermAndIndex() {
        AppliedIndex index = new AppliedIndex(Long.MAX_VALUE, 1234567890123L);
        assertThat(MetaCodec.decodeAppliedIndex(MetaCodec.encodeAppliedIndex(index))).isEqualTo(index);
        assertThat(MetaCodec.encodeAppliedIndex(index)).hasSize(17).startsWith(1);
        assertThat(MetaCodec.decodeAppliedIndex(null)).isEqualTo(AppliedIndex.NONE);
    }

    @Test
    void codec_wrongLengthOrVersion_failsWithoutEcho() {
        assertThatThrownBy(() -> MetaCodec.decodeAppliedIndex(new byte[16]))
                .isInstanceOf(FileStorageException.class);
        byte[] wrongVersion = MetaCodec.encodeAppliedIndex(new AppliedIndex(1, 1));
        wrongVersion[0] = 2;
        assertThatThrownBy(() -> MetaCodec.decodeAppliedIndex(wrongVersion))
                .isInstanceOf(FileStorageException.class);
    }

    @Test
    void formatVersion_decode_acceptsDecimalOnly() {
        assertThat(MetaCodec.decodeFormatVersion(MetaCodec.encodeFormatVersion())).isEqualTo(1);
        assertThat(MetaCodec.decodeFormatVersion("x1".getBytes())).isEqualTo(-1);
        assertThat(MetaCodec.decodeFormatVersion(new byte[0])).isEqualTo(-1);
    }
}

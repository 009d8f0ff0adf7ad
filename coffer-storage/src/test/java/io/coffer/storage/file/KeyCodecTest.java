package io.coffer.storage.file;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyCodecTest {

    @Test
    void upperBound_ordinaryPrefix_incrementsLastByte() {
        assertThat(KeyCodec.upperBound(KeyCodec.encode("app/"))).isEqualTo(KeyCodec.encode("app0"));
    }

    @Test
    void upperBound_trailingFfBytes_dropsThem() {
        assertThat(KeyCodec.upperBound(new byte[]{5, (byte) 0xFF, (byte) 0xFF})).containsExactly(6);
    }

    @Test
    void upperBound_emptyOrAllFf_isNull() {
        assertThat(KeyCodec.upperBound(new byte[0])).isNull();
        assertThat(KeyCodec.upperBound(new byte[]{(byte) 0xFF})).isNull();
    }

    @Test
    void pastFolder_keyWithSlash_replacesSlashByNextByte() {
        byte[] key = KeyCodec.encode("a/b/c");
        assertThat(KeyCodec.pastFolder(key, 1)).isEqualTo(KeyCodec.encode("a0"));
    }

    @Test
    void decode_invalidUtf8_failsAsCorruption() {
        assertThatThrownBy(() -> KeyCodec.decode(new byte[]{(byte) 0xC3}, 0, 1))
                .isInstanceOf(FileStorageException.class);
    }

    @Test
    void encode_loneSurrogate_isRefused() {
        assertThatThrownBy(() -> KeyCodec.encode("\uD800")).isInstanceOf(IllegalArgumentException.class);
    }
}

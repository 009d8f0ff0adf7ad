package io.coffer.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmTest {
    private final SecureRandom random = new SecureRandom();
    private final AesGcm aead = new AesGcm(SecretBytes.random(random, 32), random);
    private final byte[] plaintext = "the quick brown fox".getBytes(StandardCharsets.UTF_8);
    private final byte[] aad = "logical/2f1c/secret/data/app".getBytes(StandardCharsets.UTF_8);

    @Test
    void open_sealedValue_returnsPlaintext() throws AeadException {
        byte[] sealed = aead.seal(plaintext, aad);
        assertThat(sealed).hasSize(AesGcm.NONCE_LENGTH + plaintext.length + AesGcm.TAG_LENGTH);
        assertThat(aead.open(sealed, aad)).isEqualTo(plaintext);
    }

    @Test
    void open_emptyPlaintext_roundTrips() throws AeadException {
        byte[] sealed = aead.seal(new byte[0], aad);
        assertThat(aead.open(sealed, aad)).isEmpty();
    }

    @Test
    void open_valueSealedWithHeader_roundTripsFromOffset() throws AeadException {
        byte[] sealed = aead.seal(plaintext, aad, 5);
        assertThat(sealed).startsWith(0, 0, 0, 0, 0);
        sealed[0] = 42; // the caller's header is not authenticated by AesGcm itself
        assertThat(aead.open(sealed, 5, aad)).isEqualTo(plaintext);
    }

    @Test
    void seal_samePlaintextTwice_usesFreshNonces() {
        assertThat(aead.seal(plaintext, aad)).isNotEqualTo(aead.seal(plaintext, aad));
    }

    @Test
    void open_anySingleByteTampered_throwsAeadException() {
        byte[] sealed = aead.seal(plaintext, aad);
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = sealed.clone();
                tampered[i] ^= (byte) (1 << bit);
                int position = i;
                assertThatThrownBy(() -> aead.open(tampered, aad))
                        .as("byte %d bit %d", position, bit)
                        .isInstanceOf(AeadException.class);
            }
        }
    }

    @Test
    void open_differentAssociatedData_throwsAeadException() {
        byte[] sealed = aead.seal(plaintext, aad);
        byte[] otherPath = "logical/2f1c/secret/data/other".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> aead.open(sealed, otherPath)).isInstanceOf(AeadException.class);
        assertThatThrownBy(() -> aead.open(sealed, null)).isInstanceOf(AeadException.class);
    }

    @Test
    void open_nullAndEmptyAssociatedData_areEquivalent() throws AeadException {
        byte[] sealed = aead.seal(plaintext, null);
        assertThat(aead.open(sealed, new byte[0])).isEqualTo(plaintext);
    }

    @Test
    void open_wrongKey_throwsAeadException() {
        byte[] sealed = aead.seal(plaintext, aad);
        AesGcm other = new AesGcm(SecretBytes.random(random, 32), random);
        assertThatThrownBy(() -> other.open(sealed, aad)).isInstanceOf(AeadException.class);
    }

    @Test
    void open_truncatedOrExtended_throwsAeadException() {
        byte[] sealed = aead.seal(plaintext, aad);
        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = java.util.Arrays.copyOf(sealed, length);
            assertThatThrownBy(() -> aead.open(truncated, aad)).isInstanceOf(AeadException.class);
        }
        byte[] extended = java.util.Arrays.copyOf(sealed, sealed.length + 1);
        assertThatThrownBy(() -> aead.open(extended, aad)).isInstanceOf(AeadException.class);
    }

    @Test
    void open_failure_carriesNoDetail() {
        byte[] sealed = aead.seal(plaintext, aad);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> aead.open(sealed, aad))
                .isInstanceOf(AeadException.class)
                .hasMessage("message authentication failed")
                .hasNoCause();
    }

    @Test
    void constructor_badKeyLength_isRefused() {
        for (int length : new int[] {0, 15, 17, 31, 33, 64}) {
            assertThatThrownBy(() -> new AesGcm(SecretBytes.random(random, length), random))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void constructor_keyClosedAfterwards_aeadStillWorks() throws AeadException {
        SecretBytes key = SecretBytes.random(random, 16);
        AesGcm withKey = new AesGcm(key, random);
        key.close();
        assertThat(withKey.open(withKey.seal(plaintext, aad), aad)).isEqualTo(plaintext);
    }

    @Test
    void toString_anyInstance_hidesKey() {
        assertThat(aead.toString()).isEqualTo("AesGcm[key hidden]");
    }
}

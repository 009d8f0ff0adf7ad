package io.coffer.core.barrier;

import io.coffer.core.physical.InmemBackend;
import io.coffer.crypto.SecretBytes;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.SealedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmBarrierTest {
    private final SecureRandom random = new SecureRandom();
    private InmemBackend physical;
    private AesGcmBarrier barrier;
    private SecretBytes rootKey;

    @BeforeEach
    void setUp() throws Exception {
        physical = new InmemBackend();
        barrier = new AesGcmBarrier(physical, random, Clock.systemUTC());
        rootKey = SecretBytes.random(random, 32);
        barrier.initialize(rootKey);
        barrier.unseal(rootKey);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void put_value_isStoredEncryptedWithTermHeader() {
        barrier.put(new StorageEntry("logical/x/secret", utf8("hunter2-plaintext")));
        byte[] raw = physical.get("logical/x/secret").value();
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2");
        assertThat(raw[0] | raw[1] | raw[2]).isZero();
        assertThat(raw[3]).isEqualTo((byte) 1);
        assertThat(raw[4]).isEqualTo(AesGcmBarrier.VERSION_AES_GCM);
        assertThat(raw.length).isEqualTo(5 + 12 + "hunter2-plaintext".length() + 16);
    }

    @Test
    void get_tamperedByteAnywhere_failsToDecrypt() {
        barrier.put(new StorageEntry("logical/x/k", utf8("value")));
        byte[] raw = physical.get("logical/x/k").value();
        for (int i = 5; i < raw.length; i++) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            physical.put(new StorageEntry("logical/x/k", tampered));
            assertThatThrownBy(() -> barrier.get("logical/x/k"))
                    .isInstanceOf(InternalException.class)
                    .hasMessage("failed to decrypt stored value");
        }
    }

    @Test
    void get_valueMovedToAnotherPath_failsToDecrypt() {
        barrier.put(new StorageEntry("logical/a/secret", utf8("value")));
        physical.put(new StorageEntry("logical/b/secret", physical.get("logical/a/secret").value()));
        assertThatThrownBy(() -> barrier.get("logical/b/secret")).isInstanceOf(InternalException.class);
        assertThat(barrier.get("logical/a/secret").value()).isEqualTo(utf8("value"));
    }

    @Test
    void get_unknownTerm_failsToDecrypt() {
        barrier.put(new StorageEntry("k", utf8("v")));
        byte[] raw = physical.get("k").value();
        raw[3] = 9;
        physical.put(new StorageEntry("k", raw));
        assertThatThrownBy(() -> barrier.get("k")).isInstanceOf(InternalException.class);
    }

    @Test
    void anyAccess_whenSealed_throwsSealed() {
        barrier.seal();
        assertThat(barrier.isSealed()).isTrue();
        assertThatThrownBy(() -> barrier.get("k")).isInstanceOf(SealedException.class);
        assertThatThrownBy(() -> barrier.put(new StorageEntry("k", new byte[1]))).isInstanceOf(SealedException.class);
        assertThatThrownBy(() -> barrier.list("")).isInstanceOf(SealedException.class);
    }

    @Test
    void unseal_wrongRootKey_refusedAndStaysSealed() {
        barrier.seal();
        assertThatThrownBy(() -> barrier.unseal(SecretBytes.random(random, 32))).isInstanceOf(BarrierKeyException.class);
        assertThat(barrier.isSealed()).isTrue();
    }

    @Test
    void unseal_afterSeal_readsOldData() throws Exception {
        barrier.put(new StorageEntry("k", utf8("kept")));
        barrier.seal();
        barrier.unseal(rootKey);
        assertThat(barrier.get("k").value()).isEqualTo(utf8("kept"));
    }

    @Test
    void rotate_newWritesUseNewTerm_oldDataStaysReadableAfterRestart() throws Exception {
        barrier.put(new StorageEntry("old", utf8("before")));
        Keyring.Term term = barrier.rotate();
        assertThat(term.term()).isEqualTo(2);
        barrier.put(new StorageEntry("new", utf8("after")));
        assertThat(physical.get("new").value()[3]).isEqualTo((byte) 2);
        AesGcmBarrier restarted = new AesGcmBarrier(physical, random, Clock.systemUTC());
        restarted.unseal(rootKey);
        assertThat(restarted.get("old").value()).isEqualTo(utf8("before"));
        assertThat(restarted.get("new").value()).isEqualTo(utf8("after"));
        assertThat(restarted.activeTerm().term()).isEqualTo(2);
    }

    @Test
    void initialize_twice_refused() {
        assertThatThrownBy(() -> barrier.initialize(rootKey)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyring_isStoredEncrypted() {
        byte[] raw = physical.get(AesGcmBarrier.KEYRING_PATH).value();
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("root_key").doesNotContain("terms");
    }
}

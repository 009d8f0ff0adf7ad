package io.coffer.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.seal.SealStatus;
import io.coffer.core.testing.TestCore;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.SealedException;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CoreSealTest {
    private final TestCore t = new TestCore();

    @Test
    void handle_afterSeal_sealedException() {
        t.core().seal();

        assertThat(t.core().isSealed()).isTrue();
        assertThatThrownBy(() -> t.read("sys/mounts", t.root()))
                .isInstanceOf(SealedException.class)
                .hasMessage("Vault is sealed");
    }

    @Test
    void unseal_wrongKeyOfRightLength_invalidRequestAndStillSealed() {
        t.core().seal();
        byte[] wrong = t.share();
        wrong[0] ^= 0x01;

        assertThatThrownBy(() -> t.core().unseal(wrong))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("unseal key is not valid");

        assertThat(t.core().isSealed()).isTrue();
        assertThat(t.core().sealStatus().progress()).isZero();
        assertThatThrownBy(() -> t.read("sys/mounts", t.root())).isInstanceOf(SealedException.class);
    }

    @Test
    void unseal_wrongLength_invalidRequest() {
        t.core().seal();

        assertThatThrownBy(() -> t.core().unseal(new byte[16]))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("invalid key length: expected 32 bytes");
        assertThat(t.core().isSealed()).isTrue();
    }

    @Test
    void unseal_rightKeyAfterWrongOne_unsealsAndTokensStillValid() {
        String token = t.token("default");
        t.core().seal();
        byte[] wrong = new byte[32];
        assertThatThrownBy(() -> t.core().unseal(wrong)).isInstanceOf(InvalidRequestException.class);

        SealStatus status = t.core().unseal(t.share());

        assertThat(status.sealed()).isFalse();
        assertThat(t.read("auth/token/lookup-self", token).data()).containsEntry("policies", java.util.List.of("default"));
    }

    @Test
    void seal_twice_idempotent() {
        t.core().seal();
        t.core().seal();

        assertThat(t.core().sealStatus()).isEqualTo(new SealStatus(true, true, 1, 1, 0, ""));
    }

    @Test
    void initialize_secondTime_refused() {
        assertThatThrownBy(() -> t.core().initialize(1, 1))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Vault is already initialized");
    }

    @Test
    void unseal_whileUnsealed_noOpStatus() {
        assertThat(t.core().unseal(new byte[3]).sealed()).isFalse();
        assertThat(t.read("sys/mounts", t.root()).data()).containsKey("sys/");
    }

    @Test
    void sealAuthorized_tokenWithoutSudo_refusedAndStillUnsealed() {
        String token = t.token("default");

        assertThatThrownBy(() -> t.core().sealAuthorized(token, "127.0.0.1"))
                .isInstanceOf(io.coffer.sdk.logical.exception.PermissionDeniedException.class);
        assertThat(t.core().isSealed()).isFalse();
        t.core().sealAuthorized(t.root(), "127.0.0.1");
        assertThat(t.core().isSealed()).isTrue();
        assertThatThrownBy(() -> t.write("sys/mounts/x", Map.of("type", "kv"), t.root())).isInstanceOf(SealedException.class);
    }
}

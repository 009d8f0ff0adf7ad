package io.coffer.core.seal;

import io.coffer.builtin.BuiltinRegistry;
import io.coffer.core.Core;
import io.coffer.core.physical.InmemBackend;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.SealedException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealLifecycleTest {
    private final InmemBackend physical = new InmemBackend();
    private final Core core = new Core(physical, BuiltinRegistry.standard(), Clock.systemUTC(), new SecureRandom());

    private void write(String token, String path, Map<String, Object> data) {
        core.handle(new Request("t", Operation.UPDATE, path, "", data, null, null, ""), token);
    }

    /** Reads field {@code v} of a KV v1 secret. */
    private String read(String token, String path) {
        return String.valueOf(core.handle(Request.of("t", Operation.READ, path, Map.of()), token).data().get("v"));
    }

    private void unsealWith(List<byte[]> shares, int... indexes) {
        for (int i : indexes) {
            core.unseal(shares.get(i));
        }
    }

    @Test
    void init_fiveThree_anyThreeSharesUnseal_fewerDoNot() {
        InitResult init = core.initialize(5, 3);
        assertThat(init.shares()).hasSize(5).allSatisfy(s -> assertThat(s).hasSize(33));
        assertThat(core.isSealed()).isTrue();
        core.unseal(init.shares().get(4));
        SealStatus half = core.unseal(init.shares().get(1));
        assertThat(half.sealed()).isTrue();
        assertThat(half.progress()).isEqualTo(2);
        assertThat(half.nonce()).isNotEmpty();
        SealStatus done = core.unseal(init.shares().get(2));
        assertThat(done.sealed()).isFalse();
        assertThat(done.progress()).isZero();
        assertThat(done.nonce()).isEmpty();
    }

    @Test
    void unseal_duplicateShareInOneAttempt_doesNotCount() {
        InitResult init = core.initialize(5, 3);
        core.unseal(init.shares().get(0));
        SealStatus again = core.unseal(init.shares().get(0));
        assertThat(again.progress()).isEqualTo(1);
        assertThat(again.sealed()).isTrue();
    }

    @Test
    void unseal_foreignShares_refusedAndProgressResets_thenRealSharesWork() {
        InitResult init = core.initialize(5, 3);
        Core other = new Core(new InmemBackend(), BuiltinRegistry.standard(), Clock.systemUTC(), new SecureRandom());
        List<byte[]> foreign = other.initialize(5, 3).shares();
        core.unseal(foreign.get(0));
        core.unseal(foreign.get(1));
        assertThatThrownBy(() -> core.unseal(foreign.get(2)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("unseal key is not valid");
        assertThat(core.sealStatus().progress()).isZero();
        assertThat(core.isSealed()).isTrue();
        unsealWith(init.shares(), 0, 1, 2);
        assertThat(core.isSealed()).isFalse();
    }

    @Test
    void unseal_wrongLength_refusedWithoutEchoingTheKey() {
        core.initialize(5, 3);
        byte[] bad = new byte[10];
        assertThatThrownBy(() -> core.unseal(bad))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid key length: expected 33 bytes, got 10");
    }

    @Test
    void init_twice_refused() {
        core.initialize(1, 1);
        assertThatThrownBy(() -> core.initialize(1, 1)).hasMessage("Vault is already initialized");
    }

    @Test
    void init_badConfigurations_refusedWithVaultMessages() {
        assertThatThrownBy(() -> core.initialize(0, 0)).hasMessageContaining("shares must be at least one");
        assertThatThrownBy(() -> core.initialize(5, 1)).hasMessageContaining("threshold must be greater than one for multiple shares");
        assertThatThrownBy(() -> core.initialize(3, 4)).hasMessageContaining("threshold cannot be larger than shares");
        assertThatThrownBy(() -> core.initialize(256, 3)).hasMessageContaining("at most 255");
        assertThat(core.isInitialized()).isFalse();
    }

    @Test
    void rekey_toSevenFour_oldSharesStopWorking_newOnesUnseal_dataKept() {
        InitResult init = core.initialize(5, 3);
        unsealWith(init.shares(), 0, 1, 2);
        write(init.rootToken(), "sys/mounts/kv", Map.of("type", "kv"));
        write(init.rootToken(), "kv/before", Map.of("v", "1"));
        RekeyStatus started = core.rekeyInit(7, 4, List.of());
        assertThat(started.started()).isTrue();
        assertThat(started.required()).isEqualTo(3);
        assertThatThrownBy(() -> core.rekeyUpdate(init.shares().get(0), "wrong-nonce")).hasMessage("incorrect nonce");
        core.rekeyUpdate(init.shares().get(3), started.nonce());
        core.rekeyUpdate(init.shares().get(4), started.nonce());
        RekeyStatus done = core.rekeyUpdate(init.shares().get(0), started.nonce());
        assertThat(done.complete()).isTrue();
        assertThat(done.keys()).hasSize(7);
        List<byte[]> fresh = new ArrayList<>(done.keys());
        write(init.rootToken(), "kv/after", Map.of("v", "2"));
        core.seal();
        assertThat(core.sealStatus().threshold()).isEqualTo(4);
        assertThat(core.sealStatus().shares()).isEqualTo(7);
        core.unseal(init.shares().get(0));
        core.unseal(init.shares().get(1));
        core.unseal(init.shares().get(2));
        assertThatThrownBy(() -> core.unseal(init.shares().get(3))).hasMessageContaining("unseal key is not valid");
        unsealWith(fresh, 6, 2, 4, 0);
        assertThat(core.isSealed()).isFalse();
        assertThat(read(init.rootToken(), "kv/before")).isEqualTo("1");
        assertThat(read(init.rootToken(), "kv/after")).isEqualTo("2");
    }

    @Test
    void rekey_whileSealed_refused() {
        core.initialize(1, 1);
        assertThatThrownBy(() -> core.rekeyInit(3, 2, List.of())).isInstanceOf(SealedException.class);
    }

    @Test
    void rekey_wrongCurrentShares_keepsOldConfiguration() {
        InitResult init = core.initialize(3, 2);
        unsealWith(init.shares(), 0, 1);
        RekeyStatus started = core.rekeyInit(5, 3, List.of());
        byte[] forged = init.shares().get(0).clone();
        forged[0] ^= 1;
        core.rekeyUpdate(forged, started.nonce());
        assertThatThrownBy(() -> core.rekeyUpdate(init.shares().get(1), started.nonce())).hasMessageContaining("unseal key is not valid");
        core.rekeyCancel();
        core.seal();
        assertThat(core.sealStatus().shares()).isEqualTo(3);
        unsealWith(init.shares(), 1, 2);
        assertThat(core.isSealed()).isFalse();
    }

    @Test
    void init_withPgpKeys_sharesAndRootTokenEncryptedAndDecryptable() throws Exception {
        List<TestPgpKeys> operators = List.of(new TestPgpKeys("a <a@example.org>"), new TestPgpKeys("b <b@example.org>"),
                new TestPgpKeys("c <c@example.org>"));
        TestPgpKeys rootHolder = new TestPgpKeys("root <root@example.org>");
        InitResult init = core.initialize(new InitRequest(3, 2,
                operators.stream().map(TestPgpKeys::publicKeyBase64).toList(), rootHolder.publicKeyBase64()));
        String rootToken = new String(rootHolder.decrypt(java.util.Base64.getDecoder().decode(init.rootToken())), StandardCharsets.UTF_8);
        assertThat(rootToken).startsWith("hvs.");
        byte[] share0 = HexFormat.of().parseHex(new String(operators.get(0).decrypt(init.shares().get(0)), StandardCharsets.US_ASCII));
        byte[] share2 = HexFormat.of().parseHex(new String(operators.get(2).decrypt(init.shares().get(2)), StandardCharsets.US_ASCII));
        core.unseal(share0);
        core.unseal(share2);
        assertThat(core.isSealed()).isFalse();
        write(rootToken, "sys/mounts/kv", Map.of("type", "kv"));
    }

    @Test
    void init_pgpKeyCountMismatch_refusedBeforeAnythingIsWritten() throws Exception {
        TestPgpKeys one = new TestPgpKeys("a <a@example.org>");
        assertThatThrownBy(() -> core.initialize(new InitRequest(3, 2, List.of(one.publicKeyBase64()), "")))
                .hasMessage("count mismatch between number of provided PGP keys and number of shares");
        assertThatThrownBy(() -> core.initialize(new InitRequest(1, 1, List.of("bm90IGEga2V5"), "")))
                .hasMessage("error parsing given PGP key 1");
        assertThat(core.isInitialized()).isFalse();
        assertThat(physical.list("")).isEmpty();
    }

    @Test
    void seal_whileRequestsRun_waitsAndDataStaysIntact() throws Exception {
        InitResult init = core.initialize(1, 1);
        core.unseal(init.shares().get(0));
        write(init.rootToken(), "sys/mounts/kv", Map.of("type", "kv"));
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 2000; i++) {
                try {
                    write(init.rootToken(), "kv/k" + i, Map.of("v", String.valueOf(i)));
                } catch (SealedException e) {
                    return;
                }
            }
        });
        writer.start();
        Thread.sleep(20);
        core.seal();
        writer.join();
        core.unseal(init.shares().get(0));
        for (String key : core.handle(Request.of("t", Operation.LIST, "kv/", Map.of()), init.rootToken()).data().get("keys").toString()
                .replaceAll("[\\[\\] ]", "").split(",")) {
            assertThat(read(init.rootToken(), "kv/" + key)).isEqualTo(key.substring(1));
        }
    }
}

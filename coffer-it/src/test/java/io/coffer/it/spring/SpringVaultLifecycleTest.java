package io.coffer.it.spring;

import io.coffer.it.http.FreshCoreServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.vault.VaultException;
import org.springframework.vault.core.VaultSysOperations;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.VaultHealth;
import org.springframework.vault.support.VaultInitializationRequest;
import org.springframework.vault.support.VaultInitializationResponse;
import org.springframework.vault.support.VaultUnsealStatus;

import java.util.List;
import java.util.Map;

import static io.coffer.it.spring.SpringVault.vaultError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node lifecycle as Spring Vault drives it ({@code sys/init}, {@code sys/unseal},
 * {@code sys/seal-status}, {@code sys/seal}, {@code sys/health} with the bodies of its 501 and
 * 503 answers) on a fresh, uninitialised core.
 */
class SpringVaultLifecycleTest {
    private FreshCoreServer node;
    private SpringVault spring;
    private VaultSysOperations sys;

    @BeforeEach
    void start() {
        node = FreshCoreServer.start();
        spring = new SpringVault(node.address());
        // init, unseal, seal-status and health need no token; seal uses the session token
        sys = spring.template("hvs.not-a-valid-token").opsForSys();
    }

    @AfterEach
    void stop() {
        spring.close();
        node.close();
    }

    @Test
    void health_uninitialisedNode_parsesThe501Body() {
        VaultHealth health = sys.health();

        assertThat(health.isInitialized()).isFalse();
        assertThat(health.isSealed()).isTrue();
        assertThat(health.isStandby()).isTrue();
        assertThat(sys.isInitialized()).isFalse();
    }

    @Test
    void initialize_fiveSharesThresholdThree_returnsKeysAndRootToken() {
        VaultInitializationResponse init = sys.initialize(VaultInitializationRequest.create(5, 3));

        assertThat(init.getKeys()).hasSize(5).allSatisfy(k -> assertThat(k).matches("[0-9a-f]{66}"));
        assertThat(init.getRootToken().getToken()).isNotEmpty();
        assertThat(sys.isInitialized()).isTrue();
        VaultUnsealStatus status = sys.getUnsealStatus();
        assertThat(status.isSealed()).isTrue();
        assertThat(status.getSecretShares()).isEqualTo(5);
        assertThat(status.getSecretThreshold()).isEqualTo(3);
        assertThat(status.getProgress()).isZero();
    }

    @Test
    void health_sealedNode_parsesThe503Body() {
        sys.initialize(VaultInitializationRequest.create(1, 1));

        VaultHealth health = sys.health();

        assertThat(health.isInitialized()).isTrue();
        assertThat(health.isSealed()).isTrue();
    }

    @Test
    void unseal_threeOfFiveShares_progressesThenUnseals() {
        List<String> keys = sys.initialize(VaultInitializationRequest.create(5, 3)).getKeys();

        VaultUnsealStatus first = sys.unseal(keys.get(0));
        VaultUnsealStatus second = sys.unseal(keys.get(3));
        VaultUnsealStatus third = sys.unseal(keys.get(4));

        assertThat(first.isSealed()).isTrue();
        assertThat(first.getProgress()).isEqualTo(1);
        assertThat(second.getProgress()).isEqualTo(2);
        assertThat(third.isSealed()).isFalse();
        assertThat(third.getProgress()).isZero();
        VaultHealth health = sys.health();
        assertThat(health.isSealed()).isFalse();
        assertThat(health.isStandby()).isFalse();
    }

    @Test
    void unseal_invalidShare_throwsBadRequest() {
        sys.initialize(VaultInitializationRequest.create(1, 1));

        VaultException e = vaultError(() -> sys.unseal("not a share!"));

        assertThat(e.getMessage()).contains("400");
        assertThat(sys.getUnsealStatus().isSealed()).isTrue();
    }

    @Test
    void seal_withRootToken_sealsAndHealthReportsSealed() {
        VaultInitializationResponse init = sys.initialize(VaultInitializationRequest.create(1, 1));
        sys.unseal(init.getKeys().get(0));
        VaultTemplate root = spring.template(init.getRootToken().getToken());
        root.opsForSys().mount("kv", org.springframework.vault.support.VaultMount.create("kv-v2"));
        root.opsForVersionedKeyValue("kv").put("app", Map.of("k", "v"));

        root.opsForSys().seal();

        assertThat(sys.getUnsealStatus().isSealed()).isTrue();
        assertThat(sys.health().isSealed()).isTrue();
        VaultException sealed = vaultError(() -> root.opsForVersionedKeyValue("kv").get("app"));
        assertThat(sealed.getMessage()).contains("503").contains("Vault is sealed");
        sys.unseal(init.getKeys().get(0));
        assertThat(root.opsForVersionedKeyValue("kv").get("app").getRequiredData()).containsEntry("k", "v");
    }

    @Test
    void seal_withInvalidToken_isDenied() {
        VaultInitializationResponse init = sys.initialize(VaultInitializationRequest.create(1, 1));
        sys.unseal(init.getKeys().get(0));

        VaultException e = vaultError(() -> sys.seal());

        assertThat(e.getMessage()).contains("403").contains("permission denied");
        assertThat(sys.getUnsealStatus().isSealed()).isFalse();
    }

    @Test
    void initialize_twice_throwsAlreadyInitialised() {
        sys.initialize(VaultInitializationRequest.create(1, 1));

        VaultException e = vaultError(() -> sys.initialize(VaultInitializationRequest.create(1, 1)));

        assertThat(e.getMessage()).contains("400").contains("Vault is already initialized");
    }
}

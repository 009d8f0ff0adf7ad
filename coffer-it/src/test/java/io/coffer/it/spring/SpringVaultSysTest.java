package io.coffer.it.spring;

import io.coffer.it.http.DevServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.vault.VaultException;
import org.springframework.vault.core.VaultSysOperations;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.Policy;
import org.springframework.vault.support.Policy.BuiltinCapabilities;
import org.springframework.vault.support.Policy.Rule;
import org.springframework.vault.support.VaultHealth;
import org.springframework.vault.support.VaultMount;
import org.springframework.vault.support.VaultResponse;
import org.springframework.vault.support.VaultUnsealStatus;

import java.time.Instant;
import java.util.Map;

import static io.coffer.it.spring.SpringVault.vaultError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link VaultSysOperations} through Spring Vault against a dev server: health, init and seal
 * status, secret and auth mounts (with tune through the raw template, as Spring has no tune
 * API), and ACL policies written as Spring's JSON policy documents.
 */
class SpringVaultSysTest {
    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    private static SpringVault spring;
    private static VaultTemplate template;
    private static VaultSysOperations sys;

    @BeforeAll
    static void setUp() {
        spring = new SpringVault(SERVER.address());
        template = spring.template(SERVER.rootToken());
        sys = template.opsForSys();
    }

    @AfterAll
    static void tearDown() {
        spring.close();
    }

    // --- node state ---------------------------------------------------------------------

    @Test
    void health_activeDevServer_reportsInitialisedUnsealedActive() {
        VaultHealth health = sys.health();

        assertThat(health.isInitialized()).isTrue();
        assertThat(health.isSealed()).isFalse();
        assertThat(health.isStandby()).isFalse();
        assertThat(health.isPerformanceStandby()).isFalse();
        assertThat(health.isRecoveryReplicationSecondary()).isFalse();
        assertThat(health.getVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat((long) health.getServerTimeUtc()).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(10L));
    }

    @Test
    void isInitialized_devServer_isTrue() {
        assertThat(sys.isInitialized()).isTrue();
    }

    @Test
    void unsealStatus_devServer_isUnsealedOneOfOne() {
        VaultUnsealStatus status = sys.getUnsealStatus();

        assertThat(status.isSealed()).isFalse();
        assertThat(status.getSecretShares()).isEqualTo(1);
        assertThat(status.getSecretThreshold()).isEqualTo(1);
        assertThat(status.getProgress()).isZero();
    }

    // --- mounts -------------------------------------------------------------------------

    @Test
    void getMounts_devServer_listsBuiltInsAndKvV2Secret() {
        Map<String, VaultMount> mounts = sys.getMounts();

        assertThat(mounts).containsKeys("secret/", "sys/", "cubbyhole/");
        assertThat(mounts.get("secret/").getType()).isEqualTo("kv");
        assertThat(mounts.get("secret/").getOptions()).containsEntry("version", "2");
        assertThat(mounts.get("sys/").getType()).isEqualTo("system");
        assertThat(mounts.get("cubbyhole/").getType()).isEqualTo("cubbyhole");
    }

    @Test
    void mountThenUnmount_kvV2WithConfig_appearsAndDisappears() {
        sys.mount("spring-kv2", VaultMount.builder().type("kv").description("spring mounted")
                .options(Map.of("version", "2")).config(Map.of("default_lease_ttl", "1h", "max_lease_ttl", "2h")).build());

        VaultMount mounted = sys.getMounts().get("spring-kv2/");
        assertThat(mounted).isNotNull();
        assertThat(mounted.getDescription()).isEqualTo("spring mounted");
        assertThat(mounted.getOptions()).containsEntry("version", "2");
        assertThat(((Number) mounted.getConfig().get("default_lease_ttl")).longValue()).isEqualTo(3600L);
        assertThat(((Number) mounted.getConfig().get("max_lease_ttl")).longValue()).isEqualTo(7200L);
        template.opsForVersionedKeyValue("spring-kv2").put("x", Map.of("k", "v"));
        assertThat(template.opsForVersionedKeyValue("spring-kv2").get("x").getRequiredData()).containsEntry("k", "v");

        sys.unmount("spring-kv2");

        assertThat(sys.getMounts()).doesNotContainKey("spring-kv2/");
        assertThat(template.read("spring-kv2/data/x")).as("404 no handler: Spring's read answers null").isNull();
        VaultException e = vaultError(() -> template.write("spring-kv2/data/x", Map.of("data", Map.of("k", "v"))));
        assertThat(e.getMessage()).contains("404").contains("no handler for route");
    }

    @Test
    void mount_typeShorthandKvV2_expandsToKvWithVersion2() {
        sys.mount("spring-shorthand", VaultMount.create("kv-v2"));

        VaultMount mounted = sys.getMounts().get("spring-shorthand/");

        assertThat(mounted.getType()).isEqualTo("kv");
        assertThat(mounted.getOptions()).containsEntry("version", "2");
        sys.unmount("spring-shorthand");
    }

    @Test
    void mount_pathAlreadyInUse_throwsConflict() {
        VaultException e = vaultError(() -> sys.mount("secret", VaultMount.create("kv")));

        assertThat(e.getMessage()).contains("409").contains("path is already in use at secret/");
        assertThat(sys.getMounts().get("secret/").getOptions()).containsEntry("version", "2");
    }

    @Test
    void mount_unknownType_throwsBadRequest() {
        VaultException e = vaultError(() -> sys.mount("spring-bogus", VaultMount.create("no-such-engine")));

        assertThat(e.getMessage()).contains("400").contains("no-such-engine");
        assertThat(sys.getMounts()).doesNotContainKey("spring-bogus/");
    }

    @Test
    void unmount_unknownPath_isSilentNoOp() {
        sys.unmount("spring-never-mounted");

        assertThat(sys.getMounts()).doesNotContainKey("spring-never-mounted/");
    }

    @Test
    void tune_throughRawTemplate_changesEffectiveTtls() {
        sys.mount("spring-tune", VaultMount.builder().type("kv").options(Map.of("version", "1")).build());

        template.write("sys/mounts/spring-tune/tune", Map.of("default_lease_ttl", "30m", "max_lease_ttl", "1h",
                "description", "tuned"));

        VaultResponse tuned = template.read("sys/mounts/spring-tune/tune");
        assertThat(tuned.getRequiredData()).containsEntry("default_lease_ttl", 1800).containsEntry("max_lease_ttl", 3600)
                .containsEntry("description", "tuned");
        assertThat(sys.getMounts().get("spring-tune/").getDescription()).isEqualTo("tuned");
        sys.unmount("spring-tune");
    }

    @Test
    void tune_readDefaults_reportSystemTtls() {
        VaultResponse tune = template.read("sys/mounts/secret/tune");

        assertThat(tune.getRequiredData()).containsEntry("default_lease_ttl", 2_764_800).containsEntry("max_lease_ttl", 2_764_800);
    }

    @Test
    void getAuthMounts_devServer_listsTokenMethod() {
        Map<String, VaultMount> auths = sys.getAuthMounts();

        assertThat(auths).containsKey("token/");
        assertThat(auths.get("token/").getType()).isEqualTo("token");
    }

    @Test
    void authMount_tokenType_isRefused() {
        VaultException e = vaultError(() -> sys.authMount("spring-token", VaultMount.create("token")));

        assertThat(e.getMessage()).contains("400");
        assertThat(sys.getAuthMounts()).doesNotContainKey("spring-token/");
    }

    @Test
    void authMount_unknownType_isRefusedAndUnmountOfUnknownIsNoOp() {
        VaultException e = vaultError(() -> sys.authMount("spring-bogus", VaultMount.create("no-such-method")));

        assertThat(e.getMessage()).contains("400").contains("no-such-method");
        sys.authUnmount("spring-bogus");
        assertThat(sys.getAuthMounts()).doesNotContainKey("spring-bogus/").containsKey("token/");
    }

    // --- policies -----------------------------------------------------------------------

    @Test
    void createOrUpdatePolicy_thenGetPolicy_roundTripsRules() {
        Policy policy = Policy.of(Rule.builder().path("secret/data/app").capabilities(BuiltinCapabilities.READ).build(),
                Rule.builder().path("secret/metadata/*").capabilities(BuiltinCapabilities.LIST, BuiltinCapabilities.READ).build());

        sys.createOrUpdatePolicy("spring-app", policy);

        Policy read = sys.getPolicy("spring-app");
        assertThat(read).isNotNull();
        assertThat(read.getRule("secret/data/app").getCapabilities()).containsExactly(BuiltinCapabilities.READ);
        assertThat(read.getRule("secret/metadata/*").getCapabilities())
                .containsExactlyInAnyOrder(BuiltinCapabilities.LIST, BuiltinCapabilities.READ);
        assertThat(read).isEqualTo(policy);
    }

    @Test
    void createOrUpdatePolicy_existingName_replacesRules() {
        sys.createOrUpdatePolicy("spring-replace", Policy.of(Rule.builder().path("secret/data/a")
                .capabilities(BuiltinCapabilities.READ).build()));

        sys.createOrUpdatePolicy("spring-replace", Policy.of(Rule.builder().path("secret/data/b")
                .capabilities(BuiltinCapabilities.crud()).build()));

        Policy read = sys.getPolicy("spring-replace");
        assertThat(read.getRule("secret/data/a")).isNull();
        assertThat(read.getRule("secret/data/b").getCapabilities()).containsExactlyInAnyOrderElementsOf(BuiltinCapabilities.crud());
    }

    @Test
    void getPolicyNames_includesBuiltInsAndCreated() {
        sys.createOrUpdatePolicy("spring-names", Policy.of(Rule.builder().path("secret/data/n")
                .capabilities(BuiltinCapabilities.READ).build()));

        assertThat(sys.getPolicyNames()).contains("default", "root", "spring-names");
    }

    @Test
    void deletePolicy_removesItAndGetReturnsNull() {
        sys.createOrUpdatePolicy("spring-delete", Policy.of(Rule.builder().path("secret/data/d")
                .capabilities(BuiltinCapabilities.READ).build()));

        sys.deletePolicy("spring-delete");

        assertThat(sys.getPolicy("spring-delete")).isNull();
        assertThat(sys.getPolicyNames()).doesNotContain("spring-delete");
        sys.deletePolicy("spring-delete");
    }

    @Test
    void deletePolicy_root_isRefused() {
        VaultException e = vaultError(() -> sys.deletePolicy("root"));

        assertThat(e.getMessage()).contains("400").contains("cannot delete \"root\" policy");
        assertThat(sys.getPolicyNames()).contains("root");
    }

    @Test
    void deletePolicy_default_isRefused() {
        VaultException e = vaultError(() -> sys.deletePolicy("default"));

        assertThat(e.getMessage()).contains("cannot delete default policy");
    }

    @Test
    void getPolicy_unknownName_returnsNull() {
        assertThat(sys.getPolicy("spring-never-written")).isNull();
    }
}

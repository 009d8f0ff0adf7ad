package io.coffer.it.spring;

import io.coffer.it.http.DevServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.vault.VaultException;
import org.springframework.vault.core.VaultKeyValueMetadataOperations;
import org.springframework.vault.core.VaultKeyValueOperations;
import org.springframework.vault.core.VaultKeyValueOperationsSupport.KeyValueBackend;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.vault.core.env.VaultPropertySource;
import org.springframework.vault.support.VaultMetadataRequest;
import org.springframework.vault.support.VaultMetadataResponse;
import org.springframework.vault.support.VaultResponse;
import org.springframework.vault.support.Versioned;
import org.springframework.vault.support.Versioned.Metadata;
import org.springframework.vault.support.Versioned.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.coffer.it.spring.SpringVault.vaultError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * KV v2 through Spring Vault's real client: {@link VaultVersionedKeyValueOperations},
 * {@link VaultKeyValueMetadataOperations}, {@link VaultKeyValueOperations} on a versioned
 * backend, and {@link VaultPropertySource} (which probes the mount's KV version).
 */
class SpringVaultKvV2Test {
    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    private static SpringVault spring;
    private static VaultTemplate template;
    private static VaultVersionedKeyValueOperations kv;

    @BeforeAll
    static void setUp() {
        spring = new SpringVault(SERVER.address());
        template = spring.template(SERVER.rootToken());
        kv = template.opsForVersionedKeyValue("secret");
    }

    @AfterAll
    static void tearDown() {
        spring.close();
    }

    private static Versioned<Map<String, Object>> version(String path, int version) {
        return kv.get(path, Version.from(version));
    }

    private static void putVersions(String path, int count) {
        for (int i = 1; i <= count; i++) {
            Metadata m = kv.put(path, Map.of("value", "v" + i, "n", i));
            assertThat(m.getVersion().getVersion()).isEqualTo(i);
        }
    }

    @Test
    void put_severalVersions_returnsIncreasingVersionMetadata() {
        Instant before = Instant.now().minusSeconds(5);

        Metadata first = kv.put("spring/multi", Map.of("value", "v1"));
        Metadata second = kv.put("spring/multi", Map.of("value", "v2"));
        Metadata third = kv.put("spring/multi", Map.of("value", "v3"));

        assertThat(List.of(first.getVersion(), second.getVersion(), third.getVersion()))
                .containsExactly(Version.from(1), Version.from(2), Version.from(3));
        assertThat(third.getCreatedAt()).isAfter(before).isBeforeOrEqualTo(Instant.now().plusSeconds(5));
        assertThat(third.isDeleted()).isFalse();
        assertThat(third.isDestroyed()).isFalse();
    }

    @Test
    void get_latest_returnsNewestDataAndVersion() {
        putVersions("spring/latest", 3);

        Versioned<Map<String, Object>> latest = kv.get("spring/latest");

        assertThat(latest).isNotNull();
        assertThat(latest.getRequiredData()).containsEntry("value", "v3").containsEntry("n", 3);
        assertThat(latest.getVersion()).isEqualTo(Version.from(3));
        assertThat(latest.getRequiredMetadata().isDeleted()).isFalse();
    }

    @Test
    void get_specificVersion_returnsThatVersion() {
        putVersions("spring/specific", 3);

        Versioned<Map<String, Object>> v1 = version("spring/specific", 1);
        Versioned<Map<String, Object>> v2 = version("spring/specific", 2);

        assertThat(v1.getRequiredData()).containsEntry("value", "v1");
        assertThat(v1.getVersion().getVersion()).isEqualTo(1);
        assertThat(v2.getRequiredData()).containsEntry("value", "v2");
        assertThat(v2.getVersion().getVersion()).isEqualTo(2);
    }

    @Test
    void get_missingSecret_returnsNull() {
        assertThat(kv.get("spring/never-written")).isNull();
    }

    @Test
    void get_intoTypedObject_mapsFields() {
        kv.put("spring/typed", Map.of("username", "app", "port", 5432));

        Versioned<Credentials> creds = kv.get("spring/typed", Credentials.class);

        assertThat(creds.getRequiredData().username).isEqualTo("app");
        assertThat(creds.getRequiredData().port).isEqualTo(5432);
    }

    /** A typed secret as an application would map it. */
    static final class Credentials {
        public String username;
        public int port;
    }

    @Test
    void metadata_afterThreeVersions_listsVersionsAndCurrentVersion() {
        putVersions("spring/meta", 3);

        VaultMetadataResponse meta = kv.opsForKeyValueMetadata().get("spring/meta");

        assertThat(meta.getCurrentVersion()).isEqualTo(3);
        assertThat(meta.getOldestVersion()).isZero();
        assertThat(meta.getMaxVersions()).isZero();
        assertThat(meta.isCasRequired()).isFalse();
        assertThat(meta.getDeleteVersionAfter()).isEqualTo(Duration.ZERO);
        assertThat(meta.getVersions()).extracting(m -> m.getVersion().getVersion()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(meta.getVersions()).noneMatch(Metadata::isDeleted).noneMatch(Metadata::isDestroyed);
        assertThat(meta.getCreatedTime()).isBeforeOrEqualTo(meta.getUpdatedTime());
    }

    @Test
    void metadataPut_maxVersionsAndCustomMetadata_areStoredAndApplied() {
        VaultKeyValueMetadataOperations meta = kv.opsForKeyValueMetadata();
        kv.put("spring/meta-put", Map.of("value", "v1"));

        meta.put("spring/meta-put", VaultMetadataRequest.builder().maxVersions(2)
                .customMetadata(Map.of("owner", "team-a")).deleteVersionAfter(Duration.ofHours(1)).build());
        kv.put("spring/meta-put", Map.of("value", "v2"));
        kv.put("spring/meta-put", Map.of("value", "v3"));

        VaultMetadataResponse after = meta.get("spring/meta-put");
        assertThat(after.getMaxVersions()).isEqualTo(2);
        // Spring Vault 4.0.4 does not map custom_metadata into VaultMetadataResponse; the version metadata has it
        assertThat(after.getDeleteVersionAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(after.getCurrentVersion()).isEqualTo(3);
        assertThat(after.getOldestVersion()).isEqualTo(2);
        assertThat(after.getVersions()).extracting(m -> m.getVersion().getVersion()).containsExactlyInAnyOrder(2, 3);
        Versioned<Map<String, Object>> latest = kv.get("spring/meta-put");
        assertThat(latest.getRequiredMetadata().getDeletedAt()).as("delete_version_after in the future")
                .isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(latest.getRequiredMetadata().getCustomMetadata()).containsEntry("owner", "team-a");
        assertThat(latest.getRequiredData()).containsEntry("value", "v3");
    }

    @Test
    void metadataDelete_removesAllVersions() {
        putVersions("spring/meta-delete", 2);

        kv.opsForKeyValueMetadata().delete("spring/meta-delete");

        assertThat(kv.get("spring/meta-delete")).isNull();
        assertThat(version("spring/meta-delete", 1)).isNull();
        assertThat(kv.list("spring")).doesNotContain("meta-delete");
    }

    @Test
    void delete_latest_softDeletesAndReportsDeletedMetadata() {
        putVersions("spring/soft", 2);

        kv.delete("spring/soft");

        Versioned<Map<String, Object>> deleted = kv.get("spring/soft");
        assertThat(deleted).as("Spring turns the 404 envelope into a Versioned without data").isNotNull();
        assertThat(deleted.hasData()).isFalse();
        assertThat(deleted.getRequiredMetadata().isDeleted()).isTrue();
        assertThat(deleted.getVersion()).isEqualTo(Version.from(2));
        assertThat(version("spring/soft", 1).getRequiredData()).containsEntry("value", "v1");
    }

    @Test
    void deleteVersions_thenUndelete_restoresData() {
        putVersions("spring/undelete", 3);

        kv.delete("spring/undelete", Version.from(1), Version.from(2));

        assertThat(version("spring/undelete", 1).hasData()).isFalse();
        assertThat(version("spring/undelete", 2).getRequiredMetadata().isDeleted()).isTrue();
        assertThat(kv.get("spring/undelete").getRequiredData()).containsEntry("value", "v3");
        VaultMetadataResponse meta = kv.opsForKeyValueMetadata().get("spring/undelete");
        assertThat(meta.getVersions()).filteredOn(Metadata::isDeleted)
                .extracting(m -> m.getVersion().getVersion()).containsExactlyInAnyOrder(1, 2);

        kv.undelete("spring/undelete", Version.from(1));

        assertThat(version("spring/undelete", 1).getRequiredData()).containsEntry("value", "v1");
        assertThat(version("spring/undelete", 2).hasData()).isFalse();
    }

    @Test
    void destroy_version_isPermanentAndMarkedDestroyed() {
        putVersions("spring/destroy", 2);

        kv.destroy("spring/destroy", Version.from(1));

        Versioned<Map<String, Object>> destroyed = version("spring/destroy", 1);
        assertThat(destroyed.hasData()).isFalse();
        assertThat(destroyed.getRequiredMetadata().isDestroyed()).isTrue();
        kv.undelete("spring/destroy", Version.from(1));
        assertThat(version("spring/destroy", 1).hasData()).as("undelete cannot revive destroyed").isFalse();
        assertThat(kv.get("spring/destroy").getRequiredData()).containsEntry("value", "v2");
    }

    @Test
    void casPut_matchingVersion_writesNextVersion() {
        putVersions("spring/cas-ok", 2);

        Metadata m = kv.put("spring/cas-ok", Versioned.create(Map.of("value", "cas"), Version.from(2)));

        assertThat(m.getVersion()).isEqualTo(Version.from(3));
        assertThat(kv.get("spring/cas-ok").getRequiredData()).containsEntry("value", "cas");
    }

    @Test
    void casPut_zeroOnNewPath_createsFirstVersion() {
        Metadata m = kv.put("spring/cas-new", Versioned.create(Map.of("value", "first"), Version.from(0)));

        assertThat(m.getVersion()).isEqualTo(Version.from(1));
    }

    @Test
    void casPut_staleVersion_throwsAndKeepsCurrentData() {
        putVersions("spring/cas-stale", 2);

        VaultException e = vaultError(() -> kv.put("spring/cas-stale", Versioned.create(Map.of("value", "stale"), Version.from(1))));

        assertThat(e.getMessage()).contains("400").contains("check-and-set parameter did not match the current version");
        Versioned<Map<String, Object>> current = kv.get("spring/cas-stale");
        assertThat(current.getVersion()).isEqualTo(Version.from(2));
        assertThat(current.getRequiredData()).containsEntry("value", "v2");
    }

    @Test
    void casRequired_putWithoutCas_throwsCasRequired() {
        kv.put("spring/cas-required", Map.of("value", "v1"));
        kv.opsForKeyValueMetadata().put("spring/cas-required", VaultMetadataRequest.builder().casRequired(true).build());

        VaultException e = vaultError(() -> kv.put("spring/cas-required", Map.of("value", "no-cas")));

        assertThat(e.getMessage()).contains("check-and-set parameter required for this call");
        assertThat(kv.put("spring/cas-required", Versioned.create(Map.of("value", "v2"), Version.from(1))).getVersion())
                .isEqualTo(Version.from(2));
    }

    @Test
    void list_versionedOperations_returnsKeysAndFolders() {
        kv.put("spring-list/a", Map.of("k", "v"));
        kv.put("spring-list/b", Map.of("k", "v"));
        kv.put("spring-list/nested/c", Map.of("k", "v"));

        assertThat(kv.list("spring-list")).containsExactly("a", "b", "nested/");
        assertThat(kv.list("spring-list/nested")).containsExactly("c");
        assertThat(kv.list("spring-list-nothing")).isEmpty();
    }

    @Test
    void keyValueOperations_versionedBackend_putGetListDelete() {
        VaultKeyValueOperations ops = template.opsForKeyValue("secret", KeyValueBackend.versioned());
        assertThat(ops.getApiVersion()).isEqualTo(KeyValueBackend.KV_2);

        ops.put("spring-kvops/crud/app", Map.of("user", "svc", "pass", "p1"));
        ops.put("spring-kvops/crud/other", Map.of("user", "other"));

        VaultResponse read = ops.get("spring-kvops/crud/app");
        assertThat(read).isNotNull();
        assertThat(read.getRequiredData()).containsEntry("user", "svc").containsEntry("pass", "p1");
        assertThat(ops.list("spring-kvops/crud")).containsExactly("app", "other");

        ops.delete("spring-kvops/crud/app");

        assertThat(ops.get("spring-kvops/crud/app")).isNull();
        assertThat(kv.get("spring-kvops/crud/app").getRequiredMetadata().isDeleted()).isTrue();
    }

    @Test
    void keyValueOperations_versionedPatch_mergesIntoNewVersion() {
        VaultKeyValueOperations ops = template.opsForKeyValue("secret", KeyValueBackend.versioned());
        ops.put("spring-kvops/patch", Map.of("a", "1", "b", "2"));

        boolean patched = ops.patch("spring-kvops/patch", Map.of("b", "20", "c", "3"));

        assertThat(patched).isTrue();
        Versioned<Map<String, Object>> after = kv.get("spring-kvops/patch");
        assertThat(after.getRequiredData()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "20", "c", "3"));
        assertThat(after.getVersion()).isEqualTo(Version.from(2));
    }

    @Test
    void keyValueOperations_typedGet_mapsData() {
        VaultKeyValueOperations ops = template.opsForKeyValue("secret", KeyValueBackend.versioned());
        ops.put("spring-kvops/typed", Map.of("username", "typed", "port", 1234));

        Credentials creds = ops.get("spring-kvops/typed", Credentials.class).getRequiredData();

        assertThat(creds.username).isEqualTo("typed");
        assertThat(creds.port).isEqualTo(1234);
    }

    @Test
    void propertySource_onKvV2Path_detectsVersionAndExposesKeys() {
        kv.put("spring-props/app", Map.of("db.user", "appuser", "db.port", "5432"));

        VaultPropertySource source = new VaultPropertySource(template, "secret/spring-props/app");

        assertThat(source.getProperty("db.user")).isEqualTo("appuser");
        assertThat(source.getProperty("db.port")).isEqualTo("5432");
        assertThat(source.getPropertyNames()).containsExactlyInAnyOrder("db.user", "db.port");
    }
}

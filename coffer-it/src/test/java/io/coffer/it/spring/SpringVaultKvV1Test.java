package io.coffer.it.spring;

import io.coffer.it.http.DevServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.vault.core.VaultKeyValueOperations;
import org.springframework.vault.core.VaultKeyValueOperationsSupport.KeyValueBackend;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.core.env.VaultPropertySource;
import org.springframework.vault.support.VaultMount;
import org.springframework.vault.support.VaultResponse;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KV v1 through Spring Vault: a {@code kv} mount with {@code options.version = "1"} enabled with
 * {@code opsForSys().mount}, then written, read, listed and deleted with
 * {@code opsForKeyValue(mount, KeyValueBackend.unversioned())}.
 */
class SpringVaultKvV1Test {
    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    private static SpringVault spring;
    private static VaultTemplate template;
    private static VaultKeyValueOperations kv1;

    @BeforeAll
    static void setUp() {
        spring = new SpringVault(SERVER.address());
        template = spring.template(SERVER.rootToken());
        template.opsForSys().mount("kv1", VaultMount.builder().type("kv").description("kv v1 for spring")
                .options(Map.of("version", "1")).build());
        kv1 = template.opsForKeyValue("kv1", KeyValueBackend.unversioned());
    }

    @AfterAll
    static void tearDown() {
        spring.close();
    }

    @Test
    void mount_kvVersion1_isListedWithVersionOption() {
        VaultMount mount = template.opsForSys().getMounts().get("kv1/");

        assertThat(mount).isNotNull();
        assertThat(mount.getType()).isEqualTo("kv");
        assertThat(mount.getDescription()).isEqualTo("kv v1 for spring");
        assertThat(mount.getOptions()).containsEntry("version", "1");
        assertThat(kv1.getApiVersion()).isEqualTo(KeyValueBackend.KV_1);
    }

    @Test
    void putThenGet_returnsDataWithTtlHint() {
        kv1.put("app/db", Map.of("username", "svc", "password", "p1"));

        VaultResponse read = kv1.get("app/db");

        assertThat(read).isNotNull();
        assertThat(read.getRequiredData()).containsExactlyInAnyOrderEntriesOf(Map.of("username", "svc", "password", "p1"));
        assertThat(read.getLeaseId()).isEmpty();
        assertThat(read.isRenewable()).isFalse();
        assertThat(read.getLeaseDuration()).isEqualTo(2_764_800L);
    }

    @Test
    void put_overwrite_replacesWholeSecret() {
        kv1.put("app/replace", Map.of("a", "1", "b", "2"));

        kv1.put("app/replace", Map.of("c", "3"));

        assertThat(kv1.get("app/replace").getRequiredData()).containsExactly(Map.entry("c", "3"));
    }

    @Test
    void get_missing_returnsNull() {
        assertThat(kv1.get("app/never-written")).isNull();
    }

    @Test
    void get_typed_mapsFields() {
        kv1.put("typed/creds", Map.of("username", "typed", "port", 6379));

        SpringVaultKvV2Test.Credentials creds = kv1.get("typed/creds", SpringVaultKvV2Test.Credentials.class).getRequiredData();

        assertThat(creds.username).isEqualTo("typed");
        assertThat(creds.port).isEqualTo(6379);
    }

    @Test
    void list_returnsDirectChildrenAndFolders() {
        kv1.put("listing/one", Map.of("k", "v"));
        kv1.put("listing/two", Map.of("k", "v"));
        kv1.put("listing/deeper/three", Map.of("k", "v"));

        assertThat(kv1.list("listing")).containsExactly("deeper/", "one", "two");
        assertThat(kv1.list("listing/deeper")).containsExactly("three");
        assertThat(kv1.list("no-such-folder")).isEmpty();
    }

    @Test
    void delete_removesSecretAndIsIdempotent() {
        kv1.put("delete/me", Map.of("k", "v"));

        kv1.delete("delete/me");
        kv1.delete("delete/me");

        assertThat(kv1.get("delete/me")).isNull();
        assertThat(kv1.list("delete")).isEmpty();
    }

    @Test
    void rawTemplate_writeAndReadOnV1Path_matchesKeyValueOperations() {
        template.write("kv1/raw/entry", Map.of("via", "template"));

        assertThat(kv1.get("raw/entry").getRequiredData()).containsEntry("via", "template");
        assertThat(template.read("kv1/raw/entry").getRequiredData()).containsEntry("via", "template");
        assertThat(template.list("kv1/raw")).containsExactly("entry");
    }

    @Test
    void versionedPut_onV1Mount_isDetectedByTheNoContentAnswer() {
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(
                () -> template.opsForVersionedKeyValue("kv1").put("guard/x", Map.of("k", "v")));

        assertThat(e).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be used with a Key-Value version 1 mount");
        // a v1 mount took the v2-shaped body as a plain secret at "data/guard/x", answering 204 as Vault does
        assertThat(kv1.get("data/guard/x").getRequiredData()).containsKey("data");
    }

    @Test
    void propertySource_onKvV1Path_detectsVersionAndExposesKeys() {
        kv1.put("props/app", Map.of("server.port", "8080"));

        VaultPropertySource source = new VaultPropertySource(template, "kv1/props/app");

        assertThat(source.getProperty("server.port")).isEqualTo("8080");
        assertThat(source.getPropertyNames()).containsExactly("server.port");
    }
}

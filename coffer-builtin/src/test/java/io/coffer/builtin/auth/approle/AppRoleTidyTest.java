package io.coffer.builtin.auth.approle;

import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.StorageEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AppRoleTidyTest {
    private final AppRoleFixture f = new AppRoleFixture();

    @Test
    void tidy_removesExpiredSecretIdsAndDanglingAccessors_keepsLiveOnes() {
        f.write("role/web", "");
        String roleId = f.roleId("web");
        f.generate("web", "{'ttl':60}");
        f.generate("web", "{'ttl':60}");
        String live = f.secretId("web");
        f.h.storage().put(new StorageEntry("accessor/" + "ee".repeat(32),
                "{\"format_version\":1,\"role_name\":\"web\",\"secret_id_hmac\":\"gone\"}".getBytes()));
        f.h.clock().advance(Duration.ofMinutes(5));

        Response response = f.write("tidy/secret-id", "");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.warnings()).singleElement().asString().contains("removed 2 secret IDs and 1 dangling");
        assertThat(f.h.storage().keys()).filteredOn(k -> k.startsWith("secret-id/")).hasSize(1);
        assertThat(f.h.storage().keys()).filteredOn(k -> k.startsWith("accessor/")).hasSize(1);
        assertThat(f.loginResult(roleId, live)).isNotNull();
    }

    @Test
    void tidy_onAnEmptyMount_doesNothing() {
        assertThat(f.write("tidy/secret-id", "").status()).isEqualTo(202);
        assertThat(f.h.storage().keys()).isEmpty();
    }
}

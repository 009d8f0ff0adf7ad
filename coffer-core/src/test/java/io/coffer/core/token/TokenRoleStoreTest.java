package io.coffer.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.physical.InmemBackend;
import io.coffer.core.storage.StoredJson;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InternalException;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class TokenRoleStoreTest {
    private final InmemBackend storage = new InmemBackend();
    private final TokenRoleStore store = new TokenRoleStore(storage, new StoredJson());

    @Test
    void put_writesVersionedSnakeCaseJsonAtRolesName() {
        store.put(new TokenRole(1, "app", List.of("web"), List.of(), List.of("team-*"), List.of(), true, false, "v1",
                List.of(), 3600, 0, List.of("10.0.0.0/8"), false, 2, "service", 60, 120, List.of("period")));

        String json = new String(storage.get("roles/app").value(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"format_version\":1", "\"name\":\"app\"", "\"allowed_policies\":[\"web\"]",
                "\"allowed_policies_glob\":[\"team-*\"]", "\"token_period\":3600", "\"token_bound_cidrs\":[\"10.0.0.0/8\"]",
                "\"token_type\":\"service\"", "\"legacy_fields\":[\"period\"]", "\"path_suffix\":\"v1\"");
    }

    @Test
    void get_roundTrip_equal() {
        TokenRole role = TokenRole.defaults("r");
        store.put(role);

        assertThat(store.get("r")).isEqualTo(role);
        assertThat(store.get("other")).isNull();
    }

    @Test
    void get_recordWithoutOptionalLists_readsEmpty() {
        storage.put(new StorageEntry("roles/old", "{\"format_version\":1,\"name\":\"old\",\"renewable\":true}"
                .getBytes(StandardCharsets.UTF_8)));

        TokenRole role = store.get("old");

        assertThat(role.allowedPolicies()).isEmpty();
        assertThat(role.tokenBoundCidrs()).isEmpty();
        assertThat(role.tokenType()).isEqualTo("default-service");
    }

    @Test
    void get_newerFormatVersion_refusedWithoutContent() {
        storage.put(new StorageEntry("roles/new", "{\"format_version\":2,\"name\":\"new\"}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> store.get("new"))
                .isInstanceOf(InternalException.class)
                .hasMessage("corrupt token role record");
    }

    @Test
    void names_sortedAndDeleteRemoves() {
        store.put(TokenRole.defaults("b"));
        store.put(TokenRole.defaults("a"));
        store.delete("b");

        assertThat(store.names()).containsExactly("a");
    }
}

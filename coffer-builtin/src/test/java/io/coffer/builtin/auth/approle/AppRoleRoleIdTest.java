package io.coffer.builtin.auth.approle;

import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppRoleRoleIdTest {
    private final AppRoleFixture f = new AppRoleFixture();

    @Test
    void newRole_getsARandomUuidRoleId() {
        f.write("role/a", "");
        f.write("role/b", "");

        String a = f.roleId("a");
        String b = f.roleId("b");

        assertThat(UUID.fromString(a).version()).isEqualTo(4);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void customRoleId_replacesTheOldOneForLogin() {
        f.write("role/web", "");
        String old = f.roleId("web");
        String secret = f.secretId("web");

        assertThat(f.write("role/web/role-id", "{'role_id':'my-custom-id'}").isEmpty()).isTrue();

        assertThat(f.roleId("web")).isEqualTo("my-custom-id");
        assertThat(f.loginResult("my-custom-id", secret).aliasName()).isEqualTo("my-custom-id");
        assertThat(f.loginFailure(old, f.secretId("web"))).hasMessage("invalid role or secret ID");
    }

    @Test
    void roleIdGivenAtCreation_isUsed() {
        f.write("role/web", "{'role_id':'given'}");

        assertThat(f.roleId("web")).isEqualTo("given");
    }

    @Test
    void roleId_mustBeUniqueAcrossRoles() {
        f.write("role/a", "{'role_id':'shared'}");
        f.write("role/b", "");

        assertThatThrownBy(() -> f.write("role/b/role-id", "{'role_id':'shared'}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("role_id already in use");
        assertThatThrownBy(() -> f.write("role/c", "{'role_id':'shared'}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("role_id already in use");
        assertThat(f.roleId("a")).isEqualTo("shared");
        assertThatThrownBy(() -> f.read("role/c")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void roleId_freedByAChangeOrDelete_canBeReused() {
        f.write("role/a", "{'role_id':'one'}");
        f.write("role/a/role-id", "{'role_id':'two'}");
        f.write("role/b", "{'role_id':'one'}");
        f.write("role/c", "{'role_id':'three'}");
        f.h.delete("role/c");

        f.write("role/d", "{'role_id':'three'}");

        assertThat(f.roleId("b")).isEqualTo("one");
        assertThat(f.roleId("d")).isEqualTo("three");
    }

    @Test
    void rewritingTheSameRoleId_isAllowed() {
        f.write("role/a", "{'role_id':'same'}");
        f.write("role/a/role-id", "{'role_id':'same'}");
        f.write("role/a", "{'role_id':'same','token_ttl':5}");

        assertThat(f.roleId("a")).isEqualTo("same");
    }

    @Test
    void setRoleId_missingOrOnMissingRole() {
        f.write("role/web", "");
        assertThatThrownBy(() -> f.write("role/web/role-id", "{}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("missing role_id");
        assertThatThrownBy(() -> f.write("role/nope/role-id", "{'role_id':'x'}"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.write("role/web/role-id", "{'role_id':'" + "x".repeat(4097) + "'}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("role_id is longer than maximum of 4096 bytes");
    }
}

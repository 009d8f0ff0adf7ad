package io.coffer.builtin.auth.approle;

import io.coffer.sdk.logical.LoginResult;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.TokenParams;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppRoleLoginTest {
    private static final String INVALID = "invalid role or secret ID";

    private final AppRoleFixture f = new AppRoleFixture();

    @Test
    void login_reportsTheRolesTokenAndMetadata() {
        f.write("role/web", "{'token_policies':'web,db','token_ttl':'1h','token_max_ttl':'4h','token_num_uses':7,"
                + "'token_period':0,'token_type':'service','token_bound_cidrs':'10.0.0.0/8','token_no_default_policy':true,"
                + "'token_explicit_max_ttl':'5h'}");
        String roleId = f.roleId("web");
        String secret = (String) f.generate("web", "{'metadata':'{\"env\":\"prod\"}'}").get("secret_id");

        Response response = f.login(roleId, secret);

        LoginResult r = response.login();
        assertThat(response.data()).isNull();
        assertThat(response.auth()).isNull();
        assertThat(r.aliasName()).isEqualTo(roleId);
        assertThat(r.metadata()).isEqualTo(Map.of("role_name", "web", "env", "prod"));
        assertThat(r.aliasMetadata()).isEqualTo(r.metadata());
        assertThat(r.displayName()).isEmpty();
        assertThat(r.token()).isEqualTo(new TokenParams(List.of("db", "web"), 3600, 14400, 18000, 0, 7,
                List.of("10.0.0.0/8"), "service", true));
    }

    @Test
    void login_roleNameMetadataCannotBeOverriddenBySecretIdMetadata() {
        f.write("role/web", "");
        String secret = (String) f.generate("web", "{'metadata':'role_name=evil'}").get("secret_id");

        assertThat(f.loginResult(f.roleId("web"), secret).metadata()).containsEntry("role_name", "web");
    }

    @Test
    void login_trimsCredentials() {
        f.write("role/web", "");
        String roleId = f.roleId("web");
        String secret = f.secretId("web");

        assertThat(f.loginResult("  " + roleId + " ", " " + secret + "\n").aliasName()).isEqualTo(roleId);
    }

    @Test
    void wrongOrUnknownCredentials_failAlike() {
        f.write("role/web", "");
        f.write("role/other", "");
        String roleId = f.roleId("web");
        String secret = f.secretId("web");

        assertThat(f.loginFailure("no-such-role-id", secret)).isInstanceOf(InvalidRequestException.class).hasMessage(INVALID);
        assertThat(f.loginFailure(roleId, "no-such-secret")).isInstanceOf(InvalidRequestException.class).hasMessage(INVALID);
        assertThat(f.loginFailure(f.roleId("other"), secret)).hasMessage(INVALID);
        assertThat(f.loginFailure(roleId, secret.toUpperCase())).hasMessage(INVALID);
        assertThat(f.loginFailure(roleId, "x".repeat(5000))).hasMessage(INVALID);
        assertThat(f.loginFailure("x".repeat(5000), secret)).hasMessage(INVALID);
        assertThat(f.loginResult(roleId, secret)).isNotNull();
    }

    @Test
    void missingCredentials_areNamed() {
        f.write("role/web", "");

        assertThat(f.loginFailure(null, "s")).hasMessage("missing role_id");
        assertThat(f.loginFailure("  ", "s")).hasMessage("missing role_id");
        assertThat(f.loginFailure(f.roleId("web"), null)).hasMessage("missing secret_id");
    }

    @Test
    void loginOnAnEmptyMount_failsWithoutWritingAnything() {
        assertThat(f.loginFailure("any", "thing")).hasMessage(INVALID);
        assertThat(f.h.storage().keys()).isEmpty();
    }

    @Test
    void errorMessages_neverHoldCredentialsOrAddress() {
        f.write("role/web", "{'secret_id_bound_cidrs':'10.0.0.0/8'}");
        String roleId = f.roleId("web");
        String secret = f.secretId("web");

        for (var e : List.of(f.loginFailure(roleId, secret, "192.168.7.7"), f.loginFailure(roleId, secret + "x"),
                f.loginFailure(roleId + "x", secret))) {
            assertThat(e.getMessage()).doesNotContain(roleId, secret, "192.168.7.7");
        }
    }

    @Test
    void expiredSecretId_failsBeforeAnyTidy_andIsRemoved() {
        f.write("role/web", "{'secret_id_ttl':'10m'}");
        String roleId = f.roleId("web");
        String secret = f.secretId("web");
        f.h.clock().advance(Duration.ofMinutes(10).minusNanos(1));
        assertThat(f.loginResult(roleId, secret)).isNotNull();

        f.h.clock().advance(Duration.ofNanos(1));

        assertThat(f.loginFailure(roleId, secret)).hasMessage(INVALID);
        assertThat(f.h.storage().keys()).noneMatch(k -> k.startsWith("secret-id/") || k.startsWith("accessor/"));
    }

    @Test
    void secretIdTtlGivenAtGeneration_winsOverTheRoles() {
        f.write("role/web", "{'secret_id_ttl':'1h'}");
        String roleId = f.roleId("web");
        String shortLived = (String) f.generate("web", "{'ttl':'1m'}").get("secret_id");
        String roleDefault = f.secretId("web");

        f.h.clock().advance(Duration.ofMinutes(2));

        assertThat(f.loginFailure(roleId, shortLived)).hasMessage(INVALID);
        assertThat(f.loginResult(roleId, roleDefault)).isNotNull();
    }

    @Test
    void changingTheRolesTtl_doesNotChangeExistingSecretIds() {
        f.write("role/web", "");
        String roleId = f.roleId("web");
        String forever = f.secretId("web");

        f.write("role/web", "{'secret_id_ttl':'1m'}");
        f.h.clock().advance(Duration.ofDays(400));

        assertThat(f.loginResult(roleId, forever)).isNotNull();
    }

    @Test
    void numUses_isDecrementedAndTheLastUseDeletesTheSecretId() {
        f.write("role/web", "");
        String roleId = f.roleId("web");
        Map<String, Object> gen = f.generate("web", "{'num_uses':2}");
        String secret = (String) gen.get("secret_id");

        f.h.clock().advance(Duration.ofSeconds(5));
        assertThat(f.loginResult(roleId, secret)).isNotNull();
        Map<String, Object> afterOne = f.write("role/web/secret-id/lookup", "{'secret_id':'" + secret + "'}").data();
        assertThat(afterOne).containsEntry("secret_id_num_uses", 1)
                .containsEntry("creation_time", "2024-05-01T10:00:00.123456789Z")
                .containsEntry("last_updated_time", "2024-05-01T10:00:05.123456789Z");

        assertThat(f.loginResult(roleId, secret)).isNotNull();
        assertThat(f.loginFailure(roleId, secret)).hasMessage(INVALID);
        assertThat(f.h.storage().keys()).noneMatch(k -> k.startsWith("secret-id/") || k.startsWith("accessor/"));
        assertThatThrownBy(() -> f.write("role/web/secret-id-accessor/lookup",
                "{'secret_id_accessor':'" + gen.get("secret_id_accessor") + "'}")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void unlimitedSecretId_isNeverUsedUp() {
        f.write("role/web", "");
        String roleId = f.roleId("web");
        String secret = f.secretId("web");

        for (int i = 0; i < 20; i++) {
            assertThat(f.loginResult(roleId, secret)).isNotNull();
        }
        assertThat(f.write("role/web/secret-id/lookup", "{'secret_id':'" + secret + "'}").data())
                .containsEntry("secret_id_num_uses", 0);
    }

    @Test
    void roleCidrs_restrictTheLoginAddress() {
        f.write("role/web", "{'secret_id_bound_cidrs':'10.0.0.0/8,127.0.0.1'}");
        String roleId = f.roleId("web");
        String secret = f.secretId("web");

        assertThat(f.loginFailure(roleId, secret, "192.168.1.1")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("source address unauthorized by CIDR restrictions on the role");
        assertThat(f.loginFailure(roleId, secret, "")).hasMessage("source address unauthorized by CIDR restrictions on the role");
        assertThat(f.login(roleId, secret, "10.200.0.1").login()).isNotNull();
        assertThat(f.login(roleId, secret, "127.0.0.1").login()).isNotNull();
    }

    @Test
    void secretIdCidrs_restrictTheLoginAddress_andFailuresUseNoUse() {
        f.write("role/web", "");
        String roleId = f.roleId("web");
        String secret = (String) f.generate("web", "{'cidr_list':['10.1.0.0/16'],'num_uses':1}").get("secret_id");

        assertThat(f.loginFailure(roleId, secret, "10.2.0.1")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("source address unauthorized through CIDR restrictions on the secret ID");
        assertThat(f.loginFailure(roleId, secret, "::1")).hasMessage("source address unauthorized through CIDR restrictions on the secret ID");

        assertThat(f.login(roleId, secret, "10.1.255.254").login()).isNotNull();
        assertThat(f.loginFailure(roleId, secret, "10.1.0.1")).hasMessage(INVALID);
    }

    @Test
    void secretIdCidrs_outsideARoleNarrowedLater_fail() {
        f.write("role/web", "{'secret_id_bound_cidrs':'10.0.0.0/8'}");
        String roleId = f.roleId("web");
        String secret = (String) f.generate("web", "{'cidr_list':'10.1.0.0/16'}").get("secret_id");

        f.write("role/web", "{'secret_id_bound_cidrs':'10.2.0.0/16'}");

        assertThat(f.loginFailure(roleId, secret, "10.1.0.1")).hasMessage("source address unauthorized through CIDR restrictions on the secret ID");
    }

    @Test
    void secretIdTokenBoundCidrs_narrowTheToken() {
        f.write("role/web", "{'token_bound_cidrs':'10.0.0.0/8'}");
        String roleId = f.roleId("web");
        String narrow = (String) f.generate("web", "{'token_bound_cidrs':'10.1.0.0/16,10.2.0.5'}").get("secret_id");
        String plain = f.secretId("web");

        assertThat(f.loginResult(roleId, narrow).token().boundCidrs()).containsExactly("10.1.0.0/16", "10.2.0.5");
        assertThat(f.loginResult(roleId, plain).token().boundCidrs()).containsExactly("10.0.0.0/8");

        f.write("role/web", "{'token_bound_cidrs':'10.3.0.0/16'}");
        assertThat(f.loginFailure(roleId, narrow)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void bindSecretIdFalse_logsInWithTheRoleIdAlone() {
        f.write("role/web", "{'bind_secret_id':false,'secret_id_bound_cidrs':'10.0.0.0/8','token_policies':'p'}");
        String roleId = f.roleId("web");

        LoginResult r = f.login(roleId, null, "10.9.9.9").login();

        assertThat(r.aliasName()).isEqualTo(roleId);
        assertThat(r.metadata()).isEqualTo(Map.of("role_name", "web"));
        assertThat(r.token().policies()).containsExactly("p");
        assertThat(f.login(roleId, "ignored", "10.9.9.9").login()).isNotNull();
        assertThat(f.loginFailure(roleId, null, "11.0.0.1")).hasMessage("source address unauthorized by CIDR restrictions on the role");
    }

    @Test
    void turningBindSecretIdOn_requiresASecretIdAgain() {
        f.write("role/web", "{'bind_secret_id':false,'token_bound_cidrs':'10.0.0.0/8'}");
        String roleId = f.roleId("web");
        assertThat(f.loginResult(roleId, null)).isNotNull();

        f.write("role/web/bind-secret-id", "{'bind_secret_id':true}");

        assertThat(f.loginFailure(roleId, null)).hasMessage("missing secret_id");
    }

    @Test
    void deletedRole_cannotLogIn() {
        f.write("role/web", "");
        String roleId = f.roleId("web");
        String secret = f.secretId("web");

        f.h.delete("role/web");

        assertThat(f.loginFailure(roleId, secret)).hasMessage(INVALID);
    }

    @Test
    void loginIsTheOnlyUnauthenticatedPath() {
        assertThat(f.h.backend().unauthenticatedPaths()).containsExactly("login");
        assertThat(f.h.backend().rootPaths()).isEmpty();
    }

    @Test
    void wrongTypes_areRefused() {
        f.write("role/web", "");
        assertThatThrownBy(() -> f.write("login", "{'role_id':{'a':'b'},'secret_id':'x'}"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> f.write("login", "{'role_id':['a'],'secret_id':'x'}"))
                .isInstanceOf(InvalidRequestException.class);
    }
}

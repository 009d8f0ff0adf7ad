package io.coffer.builtin.auth.approle;

import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.coffer.builtin.auth.approle.AppRoleFixture.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppRoleRoleTest {
    private final AppRoleFixture f = new AppRoleFixture();

    @Test
    void createRole_withDefaults_readsBackVaultShape() {
        Response write = f.write("role/web", "");

        Map<String, Object> data = f.read("role/web").data();

        assertThat(write.isEmpty()).isTrue();
        assertThat(data).containsEntry("bind_secret_id", true)
                .containsEntry("secret_id_bound_cidrs", List.of())
                .containsEntry("secret_id_num_uses", 0)
                .containsEntry("secret_id_ttl", 0L)
                .containsEntry("local_secret_ids", false)
                .containsEntry("token_policies", List.of())
                .containsEntry("token_ttl", 0L)
                .containsEntry("token_max_ttl", 0L)
                .containsEntry("token_type", "default")
                .containsEntry("token_bound_cidrs", List.of())
                .doesNotContainKeys("policies", "period", "role_id");
    }

    @Test
    void createRole_withAllFields_readsThemBack() {
        f.write("role/web", "{'bind_secret_id':'true','secret_id_bound_cidrs':'10.0.0.0/8, 192.168.1.1',"
                + "'secret_id_num_uses':'5','secret_id_ttl':'10m','local_secret_ids':true,"
                + "'token_policies':'Web,db ,web','token_ttl':'1h','token_max_ttl':7200,'token_num_uses':3,"
                + "'token_period':'30m','token_type':'service','token_bound_cidrs':['10.0.0.0/16'],"
                + "'token_no_default_policy':true,'token_explicit_max_ttl':'3h'}");

        Map<String, Object> data = f.read("role/web").data();

        assertThat(data).containsEntry("secret_id_bound_cidrs", List.of("10.0.0.0/8", "192.168.1.1"))
                .containsEntry("secret_id_num_uses", 5)
                .containsEntry("secret_id_ttl", 600L)
                .containsEntry("local_secret_ids", true)
                .containsEntry("token_policies", List.of("db", "web"))
                .containsEntry("token_ttl", 3600L)
                .containsEntry("token_max_ttl", 7200L)
                .containsEntry("token_num_uses", 3)
                .containsEntry("token_period", 1800L)
                .containsEntry("token_type", "service")
                .containsEntry("token_bound_cidrs", List.of("10.0.0.0/16"))
                .containsEntry("token_no_default_policy", true)
                .containsEntry("token_explicit_max_ttl", 10800L);
    }

    @Test
    void updateRole_changesOnlyGivenFields() {
        f.write("role/web", "{'token_ttl':'1h','secret_id_num_uses':4}");
        String roleId = f.roleId("web");

        f.write("role/web", "{'token_policies':['a']}");

        Map<String, Object> data = f.read("role/web").data();
        assertThat(data).containsEntry("token_ttl", 3600L).containsEntry("secret_id_num_uses", 4)
                .containsEntry("token_policies", List.of("a"));
        assertThat(f.roleId("web")).isEqualTo(roleId);
    }

    @Test
    void legacyFields_areAcceptedAndShownBack() {
        f.write("role/web", "{'policies':'a,b','period':'1m','bound_cidr_list':'10.0.0.0/8'}");

        Map<String, Object> data = f.read("role/web").data();

        assertThat(data).containsEntry("policies", List.of("a", "b")).containsEntry("token_policies", List.of("a", "b"))
                .containsEntry("period", 60L).containsEntry("token_period", 60L)
                .containsEntry("secret_id_bound_cidrs", List.of("10.0.0.0/8"));

        f.write("role/web", "{'token_policies':'c'}");
        assertThat(f.read("role/web").data()).doesNotContainKey("policies").containsEntry("token_policies", List.of("c"));
    }

    @Test
    void roleName_isLowerCased() {
        f.write("role/WebApp", "");

        assertThat(keys(f.h.list("role/"))).containsExactly("webapp");
        assertThat(f.read("role/WEBAPP").data()).containsEntry("bind_secret_id", true);
    }

    @Test
    void listRoles_sortedAndEmptyIs404() {
        assertThatThrownBy(() -> f.h.list("role/")).isInstanceOf(NotFoundException.class);
        f.write("role/b", "");
        f.write("role/a", "");

        assertThat(keys(f.h.list("role/"))).containsExactly("a", "b");
        assertThat(keys(f.h.list("role"))).containsExactly("a", "b");
    }

    @Test
    void readMissingRole_is404() {
        assertThatThrownBy(() -> f.read("role/nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.read("role/nope/role-id")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.read("role/nope/token-ttl")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteRole_removesItAndIsIdempotent() {
        f.write("role/web", "");

        assertThat(f.h.delete("role/web").isEmpty()).isTrue();
        assertThat(f.h.delete("role/web").isEmpty()).isTrue();
        assertThatThrownBy(() -> f.read("role/web")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void existenceCheck_followsTheRole() {
        assertThat(f.h.exists("role/web")).contains(false);
        f.write("role/web", "");
        assertThat(f.h.exists("role/web")).contains(true);
    }

    @Test
    void roleWithoutAnyConstraint_isRefused() {
        assertThatThrownBy(() -> f.write("role/web", "{'bind_secret_id':false}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("at least one constraint should be enabled on the role");
        f.write("role/web", "{'bind_secret_id':false,'secret_id_bound_cidrs':'127.0.0.1/32'}");
        assertThat(f.read("role/web").data()).containsEntry("bind_secret_id", false);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'secret_id_num_uses':-1}",
            "{'secret_id_ttl':-5}",
            "{'secret_id_num_uses':'many'}",
            "{'secret_id_ttl':'forever'}",
            "{'bind_secret_id':'maybe'}",
            "{'secret_id_bound_cidrs':'10.0.0.0/33'}",
            "{'secret_id_bound_cidrs':'example.com'}",
            "{'token_ttl':-1}",
            "{'token_num_uses':-2}",
            "{'token_ttl':'2h','token_max_ttl':'1h'}",
            "{'token_type':'weird'}",
            "{'token_bound_cidrs':'not-a-cidr'}",
            "{'token_policies':{'a':1}}",
            "{'role_id':''}"
    })
    void badInput_is400_andNothingIsStored(String body) {
        assertThatThrownBy(() -> f.write("role/web", body)).isInstanceOf(InvalidRequestException.class);
        assertThat(f.h.storage().keys()).noneMatch(k -> k.startsWith("role"));
    }

    @Test
    void badInputMessages_nameTheFieldNotTheValue() {
        assertThatThrownBy(() -> f.write("role/web", "{'secret_id_num_uses':-1}"))
                .hasMessage("secret_id_num_uses cannot be negative");
        assertThatThrownBy(() -> f.write("role/web", "{'secret_id_bound_cidrs':'10.9.9.9/99'}"))
                .hasMessage("invalid CIDR blocks");
        assertThatThrownBy(() -> f.write("role/web", "{'secret_id_ttl':'soon'}"))
                .hasMessage("error converting input for field \"secret_id_ttl\": expected a duration");
    }

    @Test
    void localSecretIds_canOnlyBeSetAtCreation() {
        f.write("role/web", "{'local_secret_ids':true}");
        f.write("role/web", "{'local_secret_ids':true}");

        assertThatThrownBy(() -> f.write("role/web", "{'local_secret_ids':false}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("local_secret_ids can only be modified during role creation");
        assertThat(f.read("role/web/local-secret-ids").data()).containsEntry("local_secret_ids", true);
    }

    @Test
    void roleNameTooLongOrInvalid_isRefused() {
        String longName = "a".repeat(4097);
        assertThatThrownBy(() -> f.write("role/" + longName, "")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("role_name is longer than maximum of 4096 bytes");
        assertThatThrownBy(() -> f.write("role/bad name!", "")).isInstanceOf(NotFoundException.class);
    }

    // ---- per-field endpoints ------------------------------------------------------------------

    @Test
    void fieldEndpoints_readUpdateAndReset() {
        f.write("role/web", "{'token_ttl':'1h','token_max_ttl':'2h'}");

        assertThat(f.read("role/web/token-ttl").data()).containsExactly(Map.entry("token_ttl", 3600L));
        f.write("role/web/token-ttl", "{'token_ttl':'30m'}");
        assertThat(f.read("role/web/token-ttl").data()).containsEntry("token_ttl", 1800L);
        f.h.delete("role/web/token-ttl");
        assertThat(f.read("role/web/token-ttl").data()).containsEntry("token_ttl", 0L);

        f.write("role/web/token-max-ttl", "{'token_max_ttl':600}");
        assertThat(f.read("role/web").data()).containsEntry("token_max_ttl", 600L);

        f.write("role/web/secret-id-num-uses", "{'secret_id_num_uses':'3'}");
        f.write("role/web/secret-id-ttl", "{'secret_id_ttl':'5m'}");
        assertThat(f.read("role/web/secret-id-num-uses").data()).containsEntry("secret_id_num_uses", 3);
        assertThat(f.read("role/web/secret-id-ttl").data()).containsEntry("secret_id_ttl", 300L);

        f.write("role/web/policies", "{'policies':'x,y'}");
        assertThat(f.read("role/web/policies").data()).containsEntry("token_policies", List.of("x", "y"))
                .containsEntry("policies", List.of("x", "y"));

        f.write("role/web/bound-cidr-list", "{'bound_cidr_list':'10.0.0.0/8'}");
        assertThat(f.read("role/web/secret-id-bound-cidrs").data())
                .containsEntry("secret_id_bound_cidrs", List.of("10.0.0.0/8"));
        f.h.delete("role/web/secret-id-bound-cidrs");
        assertThat(f.read("role/web/bound-cidr-list").data()).containsEntry("bound_cidr_list", List.of());

        f.write("role/web/token-bound-cidrs", "{'token_bound_cidrs':'10.0.0.0/8'}");
        f.write("role/web/period", "{'token_period':'1m'}");
        f.write("role/web/token-num-uses", "{'token_num_uses':2}");
        assertThat(f.read("role/web").data()).containsEntry("token_bound_cidrs", List.of("10.0.0.0/8"))
                .containsEntry("token_period", 60L).containsEntry("token_num_uses", 2);
    }

    @Test
    void fieldEndpoints_validateLikeTheRolePath() {
        f.write("role/web", "{'token_max_ttl':'1h'}");

        assertThatThrownBy(() -> f.write("role/web/token-ttl", "{'token_ttl':'2h'}")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> f.write("role/web/secret-id-num-uses", "{'secret_id_num_uses':-3}"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> f.write("role/web/token-ttl", "{}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("missing token_ttl");
        assertThatThrownBy(() -> f.write("role/web/bind-secret-id", "{'bind_secret_id':false}"))
                .hasMessage("at least one constraint should be enabled on the role");
        assertThatThrownBy(() -> f.write("role/web/local-secret-ids", "{'local_secret_ids':true}"))
                .isInstanceOf(io.coffer.sdk.logical.exception.OperationNotSupportedException.class);
    }

    @Test
    void fieldEndpoints_onMissingRole() {
        assertThatThrownBy(() -> f.write("role/nope/token-ttl", "{'token_ttl':1}"))
                .isInstanceOf(NotFoundException.class).hasMessage("role does not exist");
        assertThat(f.h.delete("role/nope/token-ttl").isEmpty()).isTrue();
        assertThat(f.h.storage().keys()).noneMatch(k -> k.startsWith("role"));
    }

    @Test
    void unknownSubPath_is404() {
        f.write("role/web", "");
        assertThat(f.failure(Operation.READ, "role/web/unknown", "")).isInstanceOf(NotFoundException.class);
    }
}

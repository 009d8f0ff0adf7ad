package io.coffer.builtin.auth.approle;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.coffer.builtin.auth.approle.AppRoleFixture.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppRoleSecretIdTest {
    private final AppRoleFixture f = new AppRoleFixture();

    @Test
    void generate_withEmptyBody_returnsUuidsAndRoleDefaults() {
        f.write("role/web", "{'secret_id_num_uses':40,'secret_id_ttl':'10m'}");

        Map<String, Object> data = f.generate("web", "");

        assertThat(data).containsOnlyKeys("secret_id", "secret_id_accessor", "secret_id_ttl", "secret_id_num_uses")
                .containsEntry("secret_id_ttl", 600L).containsEntry("secret_id_num_uses", 40);
        assertThat(UUID.fromString((String) data.get("secret_id")).version()).isEqualTo(4);
        assertThat(UUID.fromString((String) data.get("secret_id_accessor")).version()).isEqualTo(4);
        assertThat(data.get("secret_id")).isNotEqualTo(data.get("secret_id_accessor"));
    }

    @Test
    void generate_withProperties_lookupShowsThem() {
        f.write("role/web", "");
        Map<String, Object> data = f.generate("web", "{'metadata':'{\"tag\":\"prod\",\"team\":\"ops\"}',"
                + "'cidr_list':'10.0.0.0/8, 127.0.0.1','token_bound_cidrs':'10.1.0.0/16','num_uses':2,'ttl':'1h'}");

        Map<String, Object> lookup = f.write("role/web/secret-id/lookup", "{'secret_id':'" + data.get("secret_id") + "'}").data();

        assertThat(lookup).containsEntry("secret_id_accessor", data.get("secret_id_accessor"))
                .containsEntry("secret_id_num_uses", 2).containsEntry("secret_id_ttl", 3600L)
                .containsEntry("metadata", Map.of("tag", "prod", "team", "ops"))
                .containsEntry("cidr_list", List.of("10.0.0.0/8", "127.0.0.1"))
                .containsEntry("token_bound_cidrs", List.of("10.1.0.0/16"))
                .containsEntry("creation_time", "2024-05-01T10:00:00.123456789Z")
                .containsEntry("last_updated_time", "2024-05-01T10:00:00.123456789Z")
                .containsEntry("expiration_time", "2024-05-01T11:00:00.123456789Z")
                .doesNotContainKey("secret_id");
    }

    @Test
    void lookup_ofSecretIdWithoutTtl_showsGoZeroExpiration() {
        f.write("role/web", "");
        String secret = f.secretId("web");

        assertThat(f.write("role/web/secret-id/lookup", "{'secret_id':'" + secret + "'}").data())
                .containsEntry("expiration_time", "0001-01-01T00:00:00Z")
                .containsEntry("metadata", Map.of()).containsEntry("cidr_list", List.of());
    }

    @Test
    void metadata_acceptsKeyValuePairsAndJsonObjects() {
        f.write("role/web", "");
        String a = (String) f.generate("web", "{'metadata':'a=1,b=2'}").get("secret_id");
        String b = (String) f.generate("web", "{'metadata':{'c':'3'}}").get("secret_id");

        assertThat(f.write("role/web/secret-id/lookup", "{'secret_id':'" + a + "'}").data())
                .containsEntry("metadata", Map.of("a", "1", "b", "2"));
        assertThat(f.write("role/web/secret-id/lookup", "{'secret_id':'" + b + "'}").data())
                .containsEntry("metadata", Map.of("c", "3"));
    }

    @Test
    void list_returnsAccessorsAndDropsDestroyedOnes() {
        f.write("role/web", "");
        String a1 = (String) f.generate("web", "").get("secret_id_accessor");
        Map<String, Object> second = f.generate("web", "");
        String a2 = (String) second.get("secret_id_accessor");

        assertThat(keys(f.h.list("role/web/secret-id"))).containsExactlyInAnyOrder(a1, a2);
        assertThat(keys(f.h.list("role/web/secret-id/"))).containsExactlyInAnyOrder(a1, a2);

        f.write("role/web/secret-id/destroy", "{'secret_id':'" + second.get("secret_id") + "'}");
        assertThat(keys(f.h.list("role/web/secret-id"))).containsExactly(a1);

        f.write("role/web/secret-id-accessor/destroy", "{'secret_id_accessor':'" + a1 + "'}");
        assertThatThrownBy(() -> f.h.list("role/web/secret-id")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void lookupAndDestroy_byAccessor() {
        f.write("role/web", "");
        Map<String, Object> gen = f.generate("web", "{'num_uses':3}");
        String accessor = (String) gen.get("secret_id_accessor");

        Map<String, Object> lookup = f.write("role/web/secret-id-accessor/lookup", "{'secret_id_accessor':'" + accessor + "'}").data();
        assertThat(lookup).containsEntry("secret_id_accessor", accessor).containsEntry("secret_id_num_uses", 3);

        Response destroyed = f.h.send(Operation.DELETE, "role/web/secret-id-accessor/destroy", "{'secret_id_accessor':'" + accessor + "'}");
        assertThat(destroyed.isEmpty()).isTrue();
        assertThat(f.loginFailure(f.roleId("web"), (String) gen.get("secret_id"))).hasMessage("invalid role or secret ID");
        assertThatThrownBy(() -> f.write("role/web/secret-id-accessor/lookup", "{'secret_id_accessor':'" + accessor + "'}"))
                .isInstanceOf(NotFoundException.class).hasMessage("failed to find accessor entry for secret_id_accessor");
        assertThatThrownBy(() -> f.write("role/web/secret-id-accessor/destroy", "{'secret_id_accessor':'" + accessor + "'}"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void destroyBySecretId_thenLoginFailsAndLookupIs204() {
        f.write("role/web", "");
        String secret = f.secretId("web");

        assertThat(f.write("role/web/secret-id/destroy", "{'secret_id':'" + secret + "'}").isEmpty()).isTrue();

        assertThat(f.write("role/web/secret-id/lookup", "{'secret_id':'" + secret + "'}").isEmpty()).isTrue();
        assertThat(f.write("role/web/secret-id/destroy", "{'secret_id':'" + secret + "'}").isEmpty()).isTrue();
        assertThat(f.loginFailure(f.roleId("web"), secret)).hasMessage("invalid role or secret ID");
    }

    @Test
    void secretIdOfOneRole_isUnknownToAnother() {
        f.write("role/a", "");
        f.write("role/b", "");
        Map<String, Object> gen = f.generate("a", "");

        assertThat(f.write("role/b/secret-id/lookup", "{'secret_id':'" + gen.get("secret_id") + "'}").isEmpty()).isTrue();
        assertThatThrownBy(() -> f.write("role/b/secret-id-accessor/lookup", "{'secret_id_accessor':'" + gen.get("secret_id_accessor") + "'}"))
                .isInstanceOf(NotFoundException.class);
        assertThat(f.loginFailure(f.roleId("b"), (String) gen.get("secret_id"))).hasMessage("invalid role or secret ID");
    }

    @Test
    void customSecretId_canLogInAndCannotBeRegisteredTwice() {
        f.write("role/web", "");

        Map<String, Object> data = f.write("role/web/custom-secret-id", "{'secret_id':'my-own-secret','num_uses':'2'}").data();

        assertThat(data).containsEntry("secret_id", "my-own-secret").containsEntry("secret_id_num_uses", 2)
                .containsKey("secret_id_accessor");
        assertThat(f.loginResult(f.roleId("web"), "my-own-secret").metadata()).containsEntry("role_name", "web");
        assertThatThrownBy(() -> f.write("role/web/custom-secret-id", "{'secret_id':'my-own-secret'}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("SecretID is already registered");
        assertThatThrownBy(() -> f.write("role/web/custom-secret-id", "{}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("missing secret_id");
    }

    @Test
    void expiredCustomSecretId_canBeRegisteredAgain() {
        BackendHarness h = f.h;
        f.write("role/web", "");
        f.write("role/web/custom-secret-id", "{'secret_id':'again','ttl':60}");
        h.clock().advance(Duration.ofMinutes(2));

        f.write("role/web/custom-secret-id", "{'secret_id':'again'}");

        assertThat(f.loginResult(f.roleId("web"), "again")).isNotNull();
        assertThat(keys(f.h.list("role/web/secret-id"))).hasSize(1);
    }

    @Test
    void expiredSecretId_isHiddenFromLookupAndList() {
        f.write("role/web", "{'secret_id_ttl':'1m'}");
        Map<String, Object> gen = f.generate("web", "");
        f.h.clock().advance(Duration.ofSeconds(60));

        assertThat(f.write("role/web/secret-id/lookup", "{'secret_id':'" + gen.get("secret_id") + "'}").isEmpty()).isTrue();
        assertThatThrownBy(() -> f.h.list("role/web/secret-id")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.write("role/web/secret-id-accessor/lookup", "{'secret_id_accessor':'" + gen.get("secret_id_accessor") + "'}"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void limits_mayOnlyTightenTheRoles() {
        f.write("role/web", "{'secret_id_num_uses':5,'secret_id_ttl':'1h'}");

        assertThat(f.generate("web", "{'num_uses':5,'ttl':'30m'}")).containsEntry("secret_id_num_uses", 5)
                .containsEntry("secret_id_ttl", 1800L);
        assertThatThrownBy(() -> f.generate("web", "{'num_uses':6}"))
                .hasMessage("num_uses cannot be higher than the role's secret_id_num_uses");
        assertThatThrownBy(() -> f.generate("web", "{'num_uses':0}"))
                .hasMessage("num_uses cannot be higher than the role's secret_id_num_uses");
        assertThatThrownBy(() -> f.generate("web", "{'ttl':'2h'}")).hasMessage("ttl cannot be longer than the role's secret_id_ttl");
        assertThatThrownBy(() -> f.generate("web", "{'ttl':0}")).hasMessage("ttl cannot be longer than the role's secret_id_ttl");
    }

    @Test
    void cidrs_mustLieInsideTheRoles() {
        f.write("role/web", "{'secret_id_bound_cidrs':'10.0.0.0/8','token_bound_cidrs':'10.0.0.0/8'}");

        assertThat(f.generate("web", "{'cidr_list':'10.1.0.0/16,10.2.3.4','token_bound_cidrs':['10.9.0.0/16']}"))
                .containsKey("secret_id");
        assertThatThrownBy(() -> f.generate("web", "{'cidr_list':'192.168.0.0/16'}")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("subset relationship");
        assertThatThrownBy(() -> f.generate("web", "{'cidr_list':'0.0.0.0/0'}")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> f.generate("web", "{'token_bound_cidrs':'11.0.0.0/8'}")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("subset relationship");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'num_uses':-1}",
            "{'num_uses':'x'}",
            "{'ttl':-10}",
            "{'ttl':'sometime'}",
            "{'cidr_list':'10.0.0.0/99'}",
            "{'token_bound_cidrs':'nope'}",
            "{'metadata':'{not json'}",
            "{'metadata':'{\"a\":1}'}",
            "{'metadata':'novalue'}",
            "{'metadata':42}",
            "{'cidr_list':{'a':'b'}}"
    })
    void badInput_is400_andStoresNothing(String body) {
        f.write("role/web", "");
        var before = f.h.storage().keys();

        assertThatThrownBy(() -> f.generate("web", body)).isInstanceOf(InvalidRequestException.class);
        assertThat(f.h.storage().keys()).isEqualTo(before);
    }

    @Test
    void roleWithoutBindSecretId_refusesSecretIds() {
        f.write("role/web", "{'bind_secret_id':false,'secret_id_bound_cidrs':'10.0.0.0/8'}");

        assertThatThrownBy(() -> f.generate("web", "")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("bind_secret_id is not set on the role");
    }

    @Test
    void missingRole_orMissingFields() {
        assertThatThrownBy(() -> f.generate("nope", "")).isInstanceOf(NotFoundException.class).hasMessage("role does not exist");
        assertThatThrownBy(() -> f.h.list("role/nope/secret-id")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.write("role/nope/secret-id/lookup", "{'secret_id':'x'}")).isInstanceOf(NotFoundException.class);
        assertThat(f.write("role/nope/secret-id/destroy", "{'secret_id':'x'}").isEmpty()).isTrue();
        f.write("role/web", "");
        assertThatThrownBy(() -> f.write("role/web/secret-id/lookup", "{}")).hasMessage("missing secret_id");
        assertThatThrownBy(() -> f.write("role/web/secret-id-accessor/lookup", "{}")).hasMessage("missing secret_id_accessor");
    }

    @Test
    void deleteRole_deletesItsSecretIdsAndRoleIdIndex() {
        f.write("role/web", "");
        String roleId = f.roleId("web");
        String secret = f.secretId("web");
        f.secretId("web");

        f.h.delete("role/web");

        assertThat(f.h.storage().keys()).containsExactly("hmac-key");
        f.write("role/web", "{'role_id':'" + roleId + "'}");
        assertThat(f.loginFailure(roleId, secret)).hasMessage("invalid role or secret ID");
        assertThatThrownBy(() -> f.h.list("role/web/secret-id")).isInstanceOf(NotFoundException.class);
    }
}

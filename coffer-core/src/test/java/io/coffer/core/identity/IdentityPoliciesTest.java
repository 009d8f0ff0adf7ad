package io.coffer.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.testing.TestCore;
import io.coffer.sdk.logical.Auth;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entity and group policies take part in every request of the entity's tokens, immediately and
 * without a new login; disabling an entity refuses its tokens and logins; deleting it removes
 * its aliases and group memberships.
 */
class IdentityPoliciesTest {
    private final TestCore t = new TestCore();
    private Auth ann;

    @BeforeEach
    void setUp() {
        t.enableKv2("secret");
        t.putPolicy("reader", TestCore.rule("secret/data/*", "read"));
        t.putPolicy("writer", TestCore.rule("secret/data/*", "create", "update"));
        t.write("secret/data/app", Map.of("data", Map.of("k", "v")), t.root());
        t.write("sys/auth/userpass", Map.of("type", "userpass"), t.root());
        t.write("auth/userpass/users/ann", Map.of("password", "pw-ann-1"), t.root());
        ann = login();
    }

    private Auth login() {
        return t.write("auth/userpass/login/ann", Map.of("password", "pw-ann-1"), "").auth();
    }

    private void assertCannotRead(String token) {
        assertThatThrownBy(() -> t.read("secret/data/app", token)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void entityPolicies_applyToExistingTokens_andShowInLookupAndLogin() {
        assertCannotRead(ann.clientToken());

        t.write("identity/entity/id/" + ann.entityId(), Map.of("policies", "reader"), t.root());

        assertThat(t.read("secret/data/app", ann.clientToken()).data()).containsKey("data");
        assertThat(t.read("auth/token/lookup-self", ann.clientToken()).data())
                .containsEntry("identity_policies", List.of("reader"))
                .containsEntry("policies", List.of("default"));
        Auth again = login();
        assertThat(again.identityPolicies()).containsExactly("reader");
        assertThat(again.policies()).containsExactly("default", "reader");
        assertThat(again.tokenPolicies()).containsExactly("default");
        assertThat(again.entityId()).isEqualTo(ann.entityId());

        t.write("identity/entity/id/" + ann.entityId(), Map.of("policies", List.of()), t.root());
        assertCannotRead(ann.clientToken());
    }

    @Test
    void identityNeverGrantsRoot_evenToAnIdentityAdmin() {
        t.putPolicy("identity-admin", TestCore.rule("identity/*", "create", "update", "read"));
        t.write("auth/userpass/users/ann", Map.of("password", "pw-ann-1", "token_policies", "identity-admin"), t.root());
        Auth admin = login();

        for (Object root : List.of("root", " ROOT ", List.of("default", "Root"))) {
            assertThatThrownBy(() -> t.write("identity/entity/id/" + admin.entityId(), Map.of("policies", root),
                    admin.clientToken())).isInstanceOf(InvalidRequestException.class).hasMessage("policies cannot contain root");
            assertThatThrownBy(() -> t.write("identity/group", Map.of("name", "g", "policies", root,
                    "member_entity_ids", admin.entityId()), admin.clientToken())).isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> t.write("sys/policy/pwn", Map.of("policy", "path \"*\" {capabilities=[\"sudo\"]}"),
                admin.clientToken())).isInstanceOf(PermissionDeniedException.class);
        assertThat(t.read("auth/token/lookup-self", admin.clientToken()).data()).doesNotContainKey("identity_policies");
    }

    @Test
    void capabilitiesAndUiMounts_seeTheIdentityPolicies_soTheKvPreflightWorks() {
        t.write("identity/entity/id/" + ann.entityId(), Map.of("policies", "reader"), t.root());

        assertThat(t.write("sys/capabilities-self", Map.of("paths", "secret/data/app"), ann.clientToken()).data())
                .containsEntry("capabilities", List.of("read"));
        assertThat(t.write("sys/capabilities", Map.of("token", ann.clientToken(), "paths", "secret/data/app"), t.root())
                .data()).containsEntry("capabilities", List.of("read"));
        assertThat(t.read("sys/internal/ui/mounts/secret/data/app", ann.clientToken()).data())
                .containsEntry("path", "secret/");
    }

    @Test
    void groupPolicies_applyToMembersOnly_andFollowMembershipChanges() {
        String groupId = (String) t.write("identity/group", Map.of("name", "writers", "policies", "reader,writer",
                "member_entity_ids", List.of(ann.entityId())), t.root()).data().get("id");

        t.write("secret/data/app", Map.of("data", Map.of("k", "v2")), ann.clientToken());
        assertThat(t.read("identity/group/name/writers", t.root()).data()).containsEntry("id", groupId);

        t.write("identity/group/id/" + groupId, Map.of("member_entity_ids", List.of()), t.root());
        assertCannotRead(ann.clientToken());

        t.write("identity/group/name/writers", Map.of("member_entity_ids", List.of(ann.entityId())), t.root());
        assertThat(t.read("secret/data/app", ann.clientToken()).data()).containsKey("data");

        t.delete("identity/group/id/" + groupId, t.root());
        assertCannotRead(ann.clientToken());
        assertThatThrownBy(() -> t.read("identity/group/id/" + groupId, t.root())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void disabledEntity_refusesItsTokensAndLogins_untilEnabledAgain() {
        t.write("identity/entity/id/" + ann.entityId(), Map.of("disabled", true), t.root());

        assertThatThrownBy(() -> t.read("auth/token/lookup-self", ann.clientToken()))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("entity associated with the request token is disabled");
        assertThatThrownBy(this::login).isInstanceOf(PermissionDeniedException.class).hasMessageContaining("entity is disabled");
        assertThat(t.read("identity/entity/id/" + ann.entityId(), t.root()).data()).containsEntry("disabled", true);

        t.write("identity/entity/id/" + ann.entityId(), Map.of("disabled", false), t.root());
        assertThat(t.read("auth/token/lookup-self", ann.clientToken()).data()).containsEntry("entity_id", ann.entityId());
    }

    @Test
    void deletedEntity_losesAliasesAndMemberships_andTheNextLoginMakesANewOne() {
        t.write("identity/entity/id/" + ann.entityId(), Map.of("policies", "reader"), t.root());
        String groupId = (String) t.write("identity/group", Map.of("name", "g", "member_entity_ids", ann.entityId()),
                t.root()).data().get("id");
        @SuppressWarnings("unchecked")
        String aliasId = (String) ((List<Map<String, Object>>) t.read("identity/entity/id/" + ann.entityId(), t.root())
                .data().get("aliases")).get(0).get("id");

        t.delete("identity/entity/id/" + ann.entityId(), t.root());

        assertThatThrownBy(() -> t.read("identity/entity/id/" + ann.entityId(), t.root())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.read("identity/entity-alias/id/" + aliasId, t.root())).isInstanceOf(NotFoundException.class);
        assertThat(t.read("identity/group/id/" + groupId, t.root()).data().get("member_entity_ids")).asList().isEmpty();
        assertCannotRead(ann.clientToken());
        Auth fresh = login();
        assertThat(fresh.entityId()).isNotEmpty().isNotEqualTo(ann.entityId());
        assertThat(fresh.identityPolicies()).isEmpty();
    }

    @Test
    void namedEntities_createThenUpdateByName_andBadInputsAreRefused() {
        String id = (String) t.write("identity/entity/name/svc", Map.of("policies", "reader"), t.root()).data().get("id");
        t.write("identity/entity/name/svc", Map.of("metadata", Map.of("team", "ops")), t.root());

        Map<String, Object> svc = t.read("identity/entity/name/svc", t.root()).data();
        assertThat(svc).containsEntry("id", id).containsEntry("policies", List.of("reader"))
                .containsEntry("metadata", Map.of("team", "ops"));
        t.write("identity/entity/id/" + id, Map.of("name", "svc-renamed"), t.root());
        assertThat(t.read("identity/entity/name/svc-renamed", t.root()).data()).containsEntry("id", id);
        t.write("identity/entity", Map.of("name", "taken"), t.root());
        assertThatThrownBy(() -> t.write("identity/entity/id/" + id, Map.of("name", "taken"), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("entity name is already in use");
        assertThatThrownBy(() -> t.write("identity/entity/id/no-such-id", Map.of("policies", "x"), t.root()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.write("identity/group", Map.of("name", "bad", "member_entity_ids", "no-such-id"), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("invalid member entity id");
        assertThatThrownBy(() -> t.write("identity/entity/id/" + id, Map.of("disabled", "maybe"), t.root()))
                .isInstanceOf(InvalidRequestException.class);
    }
}

package io.coffer.core.token;

import static io.coffer.core.testing.TestCore.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.testing.TestCore;
import io.coffer.sdk.logical.Auth;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code auth/token/create/<role>} through a real core: Vault's role semantics. */
class TokenRoleCreationTest {
    private final TestCore t = new TestCore();

    private void role(String name, Map<String, ?> fields) {
        t.write("auth/token/roles/" + name, fields, t.root());
    }

    private Response create(String role, Map<String, ?> body, String token) {
        return t.write("auth/token/create/" + role, body, token);
    }

    private Map<String, Object> lookup(Auth auth) {
        return t.write("auth/token/lookup", Map.of("token", auth.clientToken()), t.root()).data();
    }

    /** A token with {@code policies} plus a policy allowing {@code create/<role>} for each role. */
    private String creator(String... roles) {
        StringBuilder hcl = new StringBuilder();
        for (String r : roles) {
            hcl.append(rule("auth/token/create/" + r, "update"));
        }
        t.putPolicy("creator", hcl.toString());
        return t.token("creator");
    }

    // --- policies ------------------------------------------------------------------------------

    @Test
    void create_unknownRole_400() {
        assertThatThrownBy(() -> create("nope", Map.of(), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("unknown role nope");
    }

    @Test
    void create_allowedPoliciesNoneRequested_allowedPlusDefaultAndRoleRecorded() {
        role("app", Map.of("allowed_policies", "web,db"));

        Auth auth = create("app", Map.of(), t.root()).auth();

        assertThat(auth.policies()).containsExactly("db", "default", "web");
        assertThat(lookup(auth))
                .containsEntry("role", "app")
                .containsEntry("path", "auth/token/create/app")
                .containsEntry("orphan", false);
    }

    @Test
    void create_requestedSubsetOfAllowed_thoseAndDefault() {
        role("app", Map.of("allowed_policies", "web,db"));

        assertThat(create("app", Map.of("policies", "web"), t.root()).auth().policies()).containsExactly("default", "web");
    }

    @Test
    void create_requestedOutsideAllowed_400InVaultWording() {
        role("app", Map.of("allowed_policies", "web,db"));

        assertThatThrownBy(() -> create("app", Map.of("policies", "admin"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("token policies ([\"admin\" \"default\"]) must be subset of the role's allowed policies "
                        + "([\"db\" \"default\" \"web\"]) or glob policies ([])");
    }

    @Test
    void create_allowedGlob_matchingAllowedOthersRefused() {
        role("team", Map.of("allowed_policies_glob", "team-*"));

        assertThat(create("team", Map.of("policies", "team-a,team-b"), t.root()).auth().policies())
                .containsExactly("default", "team-a", "team-b");
        assertThat(create("team", Map.of(), t.root()).auth().policies()).containsExactly("default");
        assertThatThrownBy(() -> create("team", Map.of("policies", "ops"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("must be subset of the role's allowed policies");
    }

    @Test
    void create_disallowedPolicy_400() {
        role("app", Map.of("allowed_policies", "web,admin", "disallowed_policies", "admin"));

        assertThatThrownBy(() -> create("app", Map.of("policies", "admin"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("token policy \"admin\" is disallowed by this role");
    }

    @Test
    void create_disallowedGlobOnInheritedPolicies_400() {
        t.putPolicy("ops-admin", rule("auth/token/create/app", "update"));
        String parent = t.token("ops-admin");
        role("app", Map.of("disallowed_policies_glob", "*-admin"));

        assertThatThrownBy(() -> create("app", Map.of(), parent))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("token policy \"ops-admin\" is disallowed by this role");
    }

    @Test
    void create_defaultDisallowed_leftOff() {
        role("app", Map.of("allowed_policies", "web", "disallowed_policies", "default"));

        assertThat(create("app", Map.of(), t.root()).auth().policies()).containsExactly("web");
    }

    @Test
    void create_noDefaultPolicyOnRole_leftOff() {
        role("app", Map.of("allowed_policies", "web", "token_no_default_policy", true));

        assertThat(create("app", Map.of(), t.root()).auth().policies()).containsExactly("web");
    }

    @Test
    void create_nonRootParentThroughRole_mayGetPoliciesItLacks() {
        role("app", Map.of("allowed_policies", "web"));
        String parent = creator("app");

        Auth auth = create("app", Map.of("policies", "web"), parent).auth();

        assertThat(auth.policies()).containsExactly("default", "web");
        assertThat(lookup(auth)).containsEntry("orphan", false);
    }

    @Test
    void create_nonRootParentRoleWithoutPolicyLists_subsetOfParentEnforced() {
        role("plain", Map.of());
        String parent = creator("plain");

        assertThatThrownBy(() -> create("plain", Map.of("policies", "web"), parent))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("child policies must be subset of parent");
        assertThat(create("plain", Map.of(), parent).auth().policies()).containsExactly("creator", "default");
    }

    @Test
    void create_roleAllowingRootForNonRootParent_400() {
        role("root", Map.of("allowed_policies", "root"));
        String parent = creator("root");

        assertThatThrownBy(() -> create("root", Map.of(), parent))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("root tokens may not be created without parent token being root");
    }

    @Test
    void create_withoutPolicyOnRolePath_403() {
        role("app", Map.of("allowed_policies", "web"));
        String other = creator("other");

        assertThatThrownBy(() -> create("app", Map.of(), other)).isInstanceOf(PermissionDeniedException.class);
    }

    // --- lineage, path, lifetime ---------------------------------------------------------------

    @Test
    void create_orphanRole_orphanWithoutSudo() {
        role("detached", Map.of("orphan", true, "allowed_policies", "web"));
        String parent = creator("detached");

        Auth auth = create("detached", Map.of(), parent).auth();

        assertThat(auth.orphan()).isTrue();
        t.write("auth/token/revoke", Map.of("token", parent), t.root());
        assertThat(lookup(auth)).containsEntry("orphan", true);
    }

    @Test
    void create_nonOrphanRole_childRevokedWithParent() {
        role("app", Map.of("allowed_policies", "web"));
        String parent = creator("app");
        Auth child = create("app", Map.of(), parent).auth();

        t.write("auth/token/revoke", Map.of("token", parent), t.root());

        assertThatThrownBy(() -> lookup(child)).isInstanceOf(PermissionDeniedException.class).hasMessage("bad token");
    }

    @Test
    void create_pathSuffix_appendedToPath() {
        role("app", Map.of("path_suffix", "rev-2"));

        Auth auth = create("app", Map.of(), t.root()).auth();

        assertThat(lookup(auth)).containsEntry("path", "auth/token/create/app/rev-2");
    }

    @Test
    void create_rolePeriod_periodicWithoutSudo() {
        role("periodic", Map.of("token_period", "1h", "allowed_policies", "web"));
        String parent = creator("periodic");

        Auth auth = create("periodic", Map.of("ttl", "5m"), parent).auth();

        assertThat(auth.leaseDuration()).isEqualTo(3600);
        assertThat(lookup(auth)).containsEntry("period", 3600L).containsEntry("creation_ttl", 3600L);
    }

    @Test
    void create_requestPeriodWithoutSudo_400() {
        t.putPolicy("maker", rule("auth/token/create", "update"));

        assertThatThrownBy(() -> t.write("auth/token/create", Map.of("period", "1h"), t.token("maker")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("root or sudo privileges required to create periodic token");
    }

    @Test
    void create_periodInRequestAndRole_lesserWithWarning() {
        role("periodic", Map.of("token_period", "1h"));

        Response r = create("periodic", Map.of("period", "30m"), t.root());

        assertThat(r.auth().leaseDuration()).isEqualTo(1800);
        assertThat(r.warnings()).contains(
                "Period specified both during creation call and in role; using the lesser value of 1800 seconds");
    }

    @Test
    void create_explicitMaxInRequestAndRole_lesserWithWarning() {
        role("capped", Map.of("token_explicit_max_ttl", "1h"));

        Response r = create("capped", Map.of("explicit_max_ttl", "2h", "ttl", "3h"), t.root());

        assertThat(r.auth().leaseDuration()).isEqualTo(3600);
        assertThat(lookup(r.auth())).containsEntry("explicit_max_ttl", 3600L);
        assertThat(r.warnings()).contains(
                "Explicit max TTL specified both during creation call and in role; using the lesser value of 3600 seconds");
    }

    @Test
    void create_roleNotRenewable_tokenNotRenewable() {
        role("fixed", Map.of("renewable", false));

        Auth auth = create("fixed", Map.of("ttl", "1h"), t.root()).auth();

        assertThat(auth.renewable()).isFalse();
        assertThatThrownBy(() -> t.write("auth/token/renew", Map.of("token", auth.clientToken()), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("lease is not renewable");
    }

    @Test
    void create_roleNumUses_capsRequest() {
        role("limited", Map.of("token_num_uses", 3));

        assertThat(create("limited", Map.of(), t.root()).auth().numUses()).isEqualTo(3);
        assertThat(create("limited", Map.of("num_uses", 5), t.root()).auth().numUses()).isEqualTo(3);
        assertThat(create("limited", Map.of("num_uses", 2), t.root()).auth().numUses()).isEqualTo(2);
    }

    @Test
    void create_roleBoundCidrs_onToken() {
        role("net", Map.of("token_bound_cidrs", "10.0.0.0/8", "allowed_policies", "web"));

        Auth auth = create("net", Map.of(), t.root()).auth();

        assertThat(lookup(auth)).containsEntry("bound_cidrs", List.of("10.0.0.0/8"));
        assertThatThrownBy(() -> t.read("auth/token/lookup-self", auth.clientToken()))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void create_roleTokenTtlAndMaxTtl_defaultAndCap() {
        role("short", Map.of("token_ttl", "10m", "token_max_ttl", "1h"));

        assertThat(create("short", Map.of(), t.root()).auth().leaseDuration()).isEqualTo(600);
        Response capped = create("short", Map.of("ttl", "5h"), t.root());
        assertThat(capped.auth().leaseDuration()).isEqualTo(3600);
        assertThat(capped.warnings()).anyMatch(w -> w.contains("exceeded the effective max_ttl"));
    }

    // --- bad inputs ----------------------------------------------------------------------------

    @Test
    void create_batchTypeInheritingRoot_400() {
        role("app", Map.of());

        assertThatThrownBy(() -> create("app", Map.of("type", "batch"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("batch tokens cannot be root tokens");
        assertThatThrownBy(() -> t.write("auth/token/create", Map.of("type", "batch"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("batch tokens cannot be root tokens");
    }

    @Test
    void create_roleServiceType_overridesRequestedType() {
        role("svc", Map.of("token_type", "service"));

        assertThat(create("svc", Map.of("type", "batch"), t.root()).auth().tokenType()).isEqualTo("service");
    }

    @Test
    void create_unknownType_400() {
        assertThatThrownBy(() -> t.write("auth/token/create", Map.of("type", "odd"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid 'token_type' value");
    }

    @Test
    void create_negativeDurations_400() {
        role("app", Map.of());

        assertThatThrownBy(() -> create("app", Map.of("ttl", "-1s"), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("ttl must be positive");
        assertThatThrownBy(() -> create("app", Map.of("period", "-1s"), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("period must be positive");
        assertThatThrownBy(() -> create("app", Map.of("explicit_max_ttl", "-1s"), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("explicit_max_ttl must be positive");
        assertThatThrownBy(() -> create("app", Map.of("num_uses", -1), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("number of uses cannot be negative");
    }

    @Test
    void create_entityAliasWithoutRole_400() {
        assertThatThrownBy(() -> t.write("auth/token/create", Map.of("entity_alias", "bob"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("'entity_alias' is only allowed in combination with token role");
    }

    @Test
    void create_entityAliasNotAllowedByRole_400() {
        role("app", Map.of("allowed_entity_aliases", "ci-*"));

        assertThatThrownBy(() -> create("app", Map.of("entity_alias", "bob"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid 'entity_alias' value");
    }

    @Test
    void create_allowedEntityAlias_attachesTheAliasEntity_theSameOneEachTime() {
        role("app", Map.of("allowed_entity_aliases", "ci-*"));

        Auth first = create("app", Map.of("entity_alias", "ci-runner"), t.root()).auth();
        Auth second = create("app", Map.of("entity_alias", "ci-runner"), t.root()).auth();
        Auth other = create("app", Map.of("entity_alias", "ci-deployer"), t.root()).auth();

        assertThat(first.entityId()).isNotEmpty().isEqualTo(second.entityId()).isNotEqualTo(other.entityId());
        assertThat(lookup(first)).containsEntry("entity_id", first.entityId());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> aliases = (List<Map<String, Object>>) t.read("identity/entity/id/" + first.entityId(),
                t.root()).data().get("aliases");
        assertThat(aliases).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("name", "ci-runner").containsEntry("mount_type", "token");
        });
    }

    @Test
    void create_restrictedUseParent_400() {
        role("app", Map.of());
        t.putPolicy("creator", rule("auth/token/create/app", "update"));
        String parent = t.createToken(List.of("creator"), Map.of("num_uses", 3)).clientToken();

        assertThatThrownBy(() -> create("app", Map.of(), parent))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("restricted use token cannot generate child tokens");
    }

    @Test
    void create_invalidRoleNameInPath_unsupportedPath() {
        assertThatThrownBy(() -> t.write("auth/token/create/a/b", Map.of(), t.root()))
                .isInstanceOf(io.coffer.sdk.logical.exception.NotFoundException.class);
    }
}

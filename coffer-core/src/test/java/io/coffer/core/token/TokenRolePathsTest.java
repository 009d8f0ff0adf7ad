package io.coffer.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.testing.TestCore;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code auth/token/roles[/<name>]} through a real core. */
class TokenRolePathsTest {
    private final TestCore t = new TestCore();

    private Map<String, Object> read(String name) {
        return t.read("auth/token/roles/" + name, t.root()).data();
    }

    @Test
    void write_minimal_readShowsVaultDefaults() {
        Response r = t.write("auth/token/roles/ci", Map.of(), t.root());

        assertThat(r.isEmpty()).isTrue();
        assertThat(read("ci"))
                .containsEntry("name", "ci")
                .containsEntry("allowed_policies", List.of())
                .containsEntry("disallowed_policies", List.of())
                .containsEntry("allowed_policies_glob", List.of())
                .containsEntry("disallowed_policies_glob", List.of())
                .containsEntry("allowed_entity_aliases", List.of())
                .containsEntry("orphan", false)
                .containsEntry("renewable", true)
                .containsEntry("path_suffix", "")
                .containsEntry("period", 0L)
                .containsEntry("token_period", 0L)
                .containsEntry("explicit_max_ttl", 0L)
                .containsEntry("token_explicit_max_ttl", 0L)
                .containsEntry("token_no_default_policy", false)
                .containsEntry("token_type", "default-service")
                .doesNotContainKeys("token_bound_cidrs", "bound_cidrs", "token_num_uses");
    }

    @Test
    void write_everyField_readBackNormalised() {
        t.write("auth/token/roles/app", Map.ofEntries(
                Map.entry("allowed_policies", "Web, db,web"),
                Map.entry("disallowed_policies", List.of("Admin")),
                Map.entry("allowed_policies_glob", "team-*"),
                Map.entry("disallowed_policies_glob", List.of("*-admin")),
                Map.entry("orphan", true),
                Map.entry("renewable", false),
                Map.entry("path_suffix", "v1.2"),
                Map.entry("allowed_entity_aliases", "Bob,ci-*"),
                Map.entry("token_period", "1h"),
                Map.entry("token_explicit_max_ttl", 7200),
                Map.entry("token_bound_cidrs", "10.0.0.0/8,127.0.0.1"),
                Map.entry("token_no_default_policy", true),
                Map.entry("token_num_uses", 3),
                Map.entry("token_type", "service"),
                Map.entry("token_ttl", "10m"),
                Map.entry("token_max_ttl", "2h")), t.root());

        assertThat(read("app"))
                .containsEntry("allowed_policies", List.of("db", "web"))
                .containsEntry("disallowed_policies", List.of("admin"))
                .containsEntry("allowed_policies_glob", List.of("team-*"))
                .containsEntry("disallowed_policies_glob", List.of("*-admin"))
                .containsEntry("orphan", true)
                .containsEntry("renewable", false)
                .containsEntry("path_suffix", "v1.2")
                .containsEntry("allowed_entity_aliases", List.of("bob", "ci-*"))
                .containsEntry("token_period", 3600L)
                .containsEntry("period", 0L)
                .containsEntry("token_explicit_max_ttl", 7200L)
                .containsEntry("token_bound_cidrs", List.of("10.0.0.0/8", "127.0.0.1"))
                .containsEntry("token_no_default_policy", true)
                .containsEntry("token_num_uses", 3)
                .containsEntry("token_type", "service")
                .containsEntry("token_ttl", 600L)
                .containsEntry("token_max_ttl", 7200L);
    }

    @Test
    void write_update_keepsFieldsNotNamed() {
        t.write("auth/token/roles/app", Map.of("allowed_policies", "web", "orphan", true, "renewable", false), t.root());

        t.write("auth/token/roles/app", Map.of("path_suffix", "rev-2"), t.root());

        assertThat(read("app"))
                .containsEntry("allowed_policies", List.of("web"))
                .containsEntry("orphan", true)
                .containsEntry("renewable", false)
                .containsEntry("path_suffix", "rev-2");
    }

    @Test
    void write_legacyNames_readShowsBothNames() {
        t.write("auth/token/roles/old", Map.of("period", "30m", "explicit_max_ttl", "1h", "bound_cidrs", "10.0.0.0/8"),
                t.root());

        assertThat(read("old"))
                .containsEntry("period", 1800L)
                .containsEntry("token_period", 1800L)
                .containsEntry("explicit_max_ttl", 3600L)
                .containsEntry("token_explicit_max_ttl", 3600L)
                .containsEntry("bound_cidrs", List.of("10.0.0.0/8"))
                .containsEntry("token_bound_cidrs", List.of("10.0.0.0/8"));
    }

    @Test
    void write_bothNames_tokenNameWinsWithWarning() {
        Response r = t.write("auth/token/roles/both", Map.of("period", "30m", "token_period", "1h"), t.root());

        assertThat(r.warnings()).containsExactly(
                "Both 'token_period' and deprecated 'period' value supplied, ignoring the deprecated value");
        assertThat(read("both")).containsEntry("token_period", 3600L).containsEntry("period", 0L);
    }

    @Test
    void list_rolesSorted() {
        t.write("auth/token/roles/zeta", Map.of(), t.root());
        t.write("auth/token/roles/alpha", Map.of(), t.root());

        assertThat(t.list("auth/token/roles/", t.root()).data()).containsEntry("keys", List.of("alpha", "zeta"));
    }

    @Test
    void list_none_404() {
        assertThatThrownBy(() -> t.list("auth/token/roles/", t.root())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void delete_thenRead_404AndGoneFromList() {
        t.write("auth/token/roles/gone", Map.of(), t.root());
        t.write("auth/token/roles/kept", Map.of(), t.root());

        Response r = t.delete("auth/token/roles/gone", t.root());

        assertThat(r.isEmpty()).isTrue();
        assertThatThrownBy(() -> read("gone")).isInstanceOf(NotFoundException.class);
        assertThat(t.list("auth/token/roles/", t.root()).data()).containsEntry("keys", List.of("kept"));
    }

    @Test
    void delete_unknown_204() {
        assertThat(t.delete("auth/token/roles/never", t.root()).isEmpty()).isTrue();
    }

    @Test
    void read_unknown_404() {
        assertThatThrownBy(() -> read("nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void write_withoutPolicyOnRolesPath_403() {
        String token = t.token("default");

        assertThatThrownBy(() -> t.write("auth/token/roles/x", Map.of(), token))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void write_invalidName_unsupportedPath() {
        assertThatThrownBy(() -> t.write("auth/token/roles/-bad-", Map.of(), t.root()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("unsupported path");
    }

    // --- bad inputs ----------------------------------------------------------------------------

    @Test
    void write_pathSuffixWithoutWordRun_400() {
        assertThatThrownBy(() -> t.write("auth/token/roles/r", Map.of("path_suffix", "a!"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("given role path suffix contains invalid characters; must match \\w[\\w-.]+\\w");
    }

    @Test
    void write_pathSuffixShorterThanThree_400AsVault() {
        assertThatThrownBy(() -> t.write("auth/token/roles/r", Map.of("path_suffix", "v2"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("given role path suffix contains invalid characters");
    }

    @Test
    void write_pathSuffixWithParentReference_400() {
        assertThatThrownBy(() -> t.write("auth/token/roles/r", Map.of("path_suffix", "abc/../x"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("error registering path suffix: path cannot contain parent references");
    }

    @Test
    void write_batchTokenTypeOnARenewableParentedRole_400_nothingStored() {
        assertThatThrownBy(() -> t.write("auth/token/roles/r", Map.of("token_type", "batch"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("'token_type' cannot be 'batch' when role is set to generate non-orphan tokens");
        assertThatThrownBy(() -> t.write("auth/token/roles/r", Map.of("token_type", "batch", "orphan", true,
                "renewable", false, "token_period", "1h"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("'token_type' cannot be 'batch' when role has a period set");
        assertThatThrownBy(() -> read("r")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void write_defaultTokenType_isStoredAsDefaultService_defaultBatchAsIs() {
        t.write("auth/token/roles/r", Map.of("token_type", "default"), t.root());
        assertThat(read("r")).containsEntry("token_type", "default-service");
        t.write("auth/token/roles/r", Map.of("token_type", "default-batch"), t.root());
        assertThat(read("r")).containsEntry("token_type", "default-batch");
    }

    @Test
    void write_unknownTokenType_400() {
        assertThatThrownBy(() -> t.write("auth/token/roles/r", Map.of("token_type", "weird"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid 'token_type' value \"weird\"");
    }

    @Test
    void write_negativeNumUses_400() {
        assertThatThrownBy(() -> t.write("auth/token/roles/r", Map.of("token_num_uses", -1), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("error parsing role fields: 'token_num_uses' cannot be negative");
    }

    @Test
    void write_ttlAboveMaxTtl_400() {
        assertThatThrownBy(() -> t.write("auth/token/roles/r", Map.of("token_ttl", "2h", "token_max_ttl", "1h"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("error parsing role fields: 'token_ttl' cannot be greater than 'token_max_ttl'");
    }

    @Test
    void write_invalidCidr_400() {
        assertThatThrownBy(() -> t.write("auth/token/roles/r", Map.of("token_bound_cidrs", "10.0.0.0/99"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("error parsing role fields: invalid CIDR");
    }

    @Test
    void write_badDuration_400NamingField() {
        assertThatThrownBy(() -> t.write("auth/token/roles/r", Map.of("token_period", "soon"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("error converting input for field \"token_period\": expected a duration");
    }
}

package io.coffer.core.policy;

import static io.coffer.core.policy.Capability.CREATE;
import static io.coffer.core.policy.Capability.DELETE;
import static io.coffer.core.policy.Capability.DENY;
import static io.coffer.core.policy.Capability.LIST;
import static io.coffer.core.policy.Capability.PATCH;
import static io.coffer.core.policy.Capability.READ;
import static io.coffer.core.policy.Capability.SUDO;
import static io.coffer.core.policy.Capability.UPDATE;
import static io.coffer.core.policy.TestPolicies.acl;
import static io.coffer.core.policy.TestPolicies.policy;
import static io.coffer.core.policy.TestPolicies.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.sdk.logical.Operation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AclTest {

    // --- Vault's priority rules, each with a case it decides -------------------------------

    @ParameterizedTest(name = "{0}: {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            // rule 1 decides although rule 2 favours the loser (the loser does not end in *)
            "1 first wildcard later wins | secret/+/b  | secret/a/*   | secret/a/b    | secret/a/*",
            // rule 2 decides although rule 3 favours the loser (the loser has fewer +)
            "2 not ending in * wins       | secret/+/+  | secret/+/b*  | secret/a/b    | secret/+/+",
            // rule 3 decides although rule 4 favours the loser (the loser is longer)
            "3 fewer + wins               | secret/+/+/cc* | secret/+/b* | secret/x/b/cc | secret/+/b*",
            "4 longer wins                | secret/+/a*  | secret/+/abc* | secret/x/abcd | secret/+/abc*",
            "5 lexicographically larger   | s/+/+/c     | s/+/b/+       | s/a/b/c       | s/+/b/+",
            "docs: secret/* over secret/+/+/foo/* | secret/+/+/foo/* | secret/* | secret/a/b/foo/c | secret/*",
            "plus rule over shorter glob  | secret/*    | secret/+/bar  | secret/foo/bar | secret/+/bar",
            "glob over plus with earlier wildcard | secret/+/bar | secret/foo/* | secret/foo/bar | secret/foo/*",
            "exact over everything        | secret/*    | secret/foo    | secret/foo    | secret/foo",
    })
    void capabilities_twoMatchingRules_priorityRulePicksWinner(String rule, String p1, String p2, String path, String winner) {
        Acl acl = acl(rule(p1.strip(), p1.strip().equals(winner.strip()) ? "read" : "list")
                + rule(p2.strip(), p2.strip().equals(winner.strip()) ? "read" : "list"));
        Acl swapped = acl(rule(p2.strip(), p2.strip().equals(winner.strip()) ? "read" : "list")
                + rule(p1.strip(), p1.strip().equals(winner.strip()) ? "read" : "list"));

        assertThat(acl.capabilities(path.strip())).containsExactly(READ);
        assertThat(swapped.capabilities(path.strip())).containsExactly(READ);
    }

    @Test
    void capabilities_denyingRuleWins_reportsDenyOnly() {
        Acl acl = acl(rule("secret/*", "read", "sudo"), rule("secret/*", "deny"));

        assertThat(acl.capabilities("secret/x")).containsExactly(DENY);
        assertThat(acl.check(Operation.READ, "secret/x", null)).isEqualTo(new AclResult(false, false));
    }

    @Test
    void capabilities_noMatchingRule_empty() {
        assertThat(acl(rule("secret/*", "read")).capabilities("kv/x")).isEmpty();
    }

    @Test
    void capabilities_matchingRuleWithoutCapabilities_emptyAndShadowsGlob() {
        Acl acl = acl(rule("secret/*", "read") + "path \"secret/x\" {}\n");

        assertThat(acl.capabilities("secret/x")).isEmpty();
        assertThat(acl.check(Operation.READ, "secret/x", null).allowed()).isFalse();
    }

    @Test
    void capabilities_resultIsUnmodifiable() {
        Set<Capability> caps = acl(rule("a", "read")).capabilities("a");

        assertThat(caps).containsExactly(READ);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> caps.add(SUDO))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void capabilities_pathWithTrailingSlash_usesListResolution() {
        Acl acl = acl(rule("secret/foo", "read", "list"));

        assertThat(acl.capabilities("secret/foo/")).containsExactly(READ, LIST);
    }

    @Test
    void capabilities_leadingSlashInRequestPath_ignored() {
        assertThat(acl(rule("secret/foo", "read")).capabilities("//secret/foo")).containsExactly(READ);
    }

    // --- merging ---------------------------------------------------------------------------

    @Test
    void of_samePathInSeveralPolicies_unitesCapabilities() {
        Acl acl = acl(rule("secret/foo", "read"), rule("secret/foo", "update", "sudo"), rule("secret/foo", "list"));

        assertThat(acl.capabilities("secret/foo")).containsExactly(READ, UPDATE, LIST, SUDO);
    }

    @Test
    void of_samePathTwiceInOnePolicy_unitesCapabilities() {
        assertThat(acl(rule("a/*", "read") + rule("a/*", "delete")).capabilities("a/b")).containsExactly(READ, DELETE);
    }

    @Test
    void of_denyBeforeOrAfterGrants_denies() {
        assertThat(acl(rule("a", "deny"), rule("a", "read")).capabilities("a")).containsExactly(DENY);
        assertThat(acl(rule("a", "read"), rule("a", "deny")).capabilities("a")).containsExactly(DENY);
    }

    @Test
    void of_denyOnGlobDoesNotAffectExactRule() {
        Acl acl = acl(rule("secret/*", "deny"), rule("secret/open", "read"));

        assertThat(acl.check(Operation.READ, "secret/open", null).allowed()).isTrue();
        assertThat(acl.check(Operation.READ, "secret/other", null).allowed()).isFalse();
    }

    @Test
    void of_policyNamedRoot_isRoot() {
        Acl acl = Acl.of(List.of(policy("root", ""), policy("x", rule("a", "deny"))));

        assertThat(acl.isRoot()).isTrue();
    }

    @Test
    void of_noPolicies_deniesEverything() {
        Acl acl = Acl.of(List.of());

        assertThat(acl.isRoot()).isFalse();
        assertThat(acl.check(Operation.READ, "sys/mounts", null)).isEqualTo(new AclResult(false, false));
        assertThat(acl.capabilities("")).isEmpty();
        assertThat(acl.hasAnyCapabilityUnder("secret/")).isFalse();
    }

    @Test
    void of_templatedPaths_ignored() {
        Acl acl = acl(rule("secret/{{identity.entity.id}}/*", "read") + rule("secret/*", "list"));

        assertThat(acl.capabilities("secret/{{identity.entity.id}}/x")).containsExactly(LIST);
        assertThat(acl.rulePaths()).containsExactly("secret/*");
    }

    // --- check -----------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"CREATE, create", "READ, read", "UPDATE, update", "PATCH, patch", "DELETE, delete", "LIST, list"})
    void check_operation_needsItsCapability(Operation op, String capability) {
        Acl only = acl(rule("p/*", capability));
        Acl allOthers = acl(rule("p/*", otherCapabilities(capability)));

        assertThat(only.check(op, "p/x", Map.of()).allowed()).isTrue();
        assertThat(allOthers.check(op, "p/x", Map.of()).allowed()).isFalse();
    }

    private static String[] otherCapabilities(String except) {
        return List.of("create", "read", "update", "patch", "delete", "list", "sudo").stream()
                .filter(c -> !c.equals(except)).toArray(String[]::new);
    }

    @Test
    void check_ruleWithSudo_reportsSudo() {
        Acl acl = acl(rule("sys/audit/*", "update", "sudo") + rule("sys/mounts/*", "update"));

        assertThat(acl.check(Operation.UPDATE, "sys/audit/file", null)).isEqualTo(new AclResult(true, true));
        assertThat(acl.check(Operation.UPDATE, "sys/mounts/kv", null)).isEqualTo(new AclResult(true, false));
    }

    @Test
    void check_sudoWithoutOperationCapability_notAllowedButSudoReported() {
        assertThat(acl(rule("sys/seal", "sudo")).check(Operation.UPDATE, "sys/seal", null))
                .isEqualTo(new AclResult(false, true));
    }

    @Test
    void check_root_allowsEverythingWithSudo() {
        Acl root = Acl.root();

        assertThat(root.isRoot()).isTrue();
        assertThat(root.check(Operation.DELETE, "sys/anything", Map.of("x", 1))).isEqualTo(new AclResult(true, true));
        assertThat(root.capabilities("x")).containsExactly(CREATE, READ, UPDATE, PATCH, DELETE, LIST, SUDO);
        assertThat(root.hasAnyCapabilityUnder("secret/")).isTrue();
    }

    @Test
    void check_listOnSlashPath_exactRuleWithSlashPreferred() {
        Acl acl = acl(rule("secret/foo/", "list") + rule("secret/foo", "deny"));

        assertThat(acl.check(Operation.LIST, "secret/foo/", null).allowed()).isTrue();
        assertThat(acl.check(Operation.LIST, "secret/foo", null).allowed()).isFalse();
    }

    @Test
    void check_listOnSlashPath_globWrittenForSlashPathApplies() {
        Acl acl = acl(rule("secret/foo/*", "list"));

        assertThat(acl.check(Operation.LIST, "secret/foo/", null).allowed()).isTrue();
        assertThat(acl.check(Operation.LIST, "secret/fo/", null).allowed()).isFalse();
    }

    @Test
    void check_listOnSlashPath_noCandidateGrantingList_mostSpecificDecides() {
        Acl acl = acl(rule("secret/+", "read") + rule("secret/*", "update"));

        assertThat(acl.check(Operation.LIST, "secret/foo/", null).allowed()).isFalse();
        assertThat(acl.capabilities("secret/foo/")).containsExactly(READ);
    }

    @Test
    void check_plusMatchesEmptySegment_asVaultDoes() {
        Acl acl = acl(rule("secret/+/x", "read"));

        assertThat(acl.check(Operation.READ, "secret//x", null).allowed()).isTrue();
    }

    @Test
    void check_plusInsideASegment_isLiteral() {
        Acl acl = acl(rule("secret/a+b", "read") + rule("secret/x/+y", "read"));

        assertThat(acl.check(Operation.READ, "secret/a+b", null).allowed()).isTrue();
        assertThat(acl.check(Operation.READ, "secret/aab", null).allowed()).isFalse();
        assertThat(acl.check(Operation.READ, "secret/x/+y", null).allowed()).isTrue();
        assertThat(acl.check(Operation.READ, "secret/x/zy", null).allowed()).isFalse();
    }

    @Test
    void check_plusWithTrailingGlob_matchesPrefixOfLastSegment() {
        Acl acl = acl(rule("secret/+/app*", "read"));

        assertThat(acl.check(Operation.READ, "secret/team/app", null).allowed()).isTrue();
        assertThat(acl.check(Operation.READ, "secret/team/apple/x", null).allowed()).isTrue();
        assertThat(acl.check(Operation.READ, "secret/team/ap", null).allowed()).isFalse();
        assertThat(acl.check(Operation.READ, "secret/team", null).allowed()).isFalse();
    }

    @Test
    void check_starAlone_matchesEverything() {
        Acl acl = acl(rule("*", "read"));

        assertThat(acl.check(Operation.READ, "", null).allowed()).isTrue();
        assertThat(acl.check(Operation.READ, "any/path/at/all", null).allowed()).isTrue();
    }

    @Test
    void check_starInTheMiddle_isLiteral() {
        Acl acl = acl(rule("secret/*/x", "read"));

        assertThat(acl.check(Operation.READ, "secret/*/x", null).allowed()).isTrue();
        assertThat(acl.check(Operation.READ, "secret/a/x", null).allowed()).isFalse();
    }

    @Test
    void check_defaultPolicy_grantsSelfServiceOnly() {
        Acl acl = Acl.of(List.of(policy(BuiltinPolicies.DEFAULT, BuiltinPolicies.DEFAULT_POLICY_TEXT)));

        assertThat(acl.check(Operation.READ, "auth/token/lookup-self", null).allowed()).isTrue();
        assertThat(acl.check(Operation.UPDATE, "auth/token/renew-self", null).allowed()).isTrue();
        assertThat(acl.check(Operation.UPDATE, "sys/capabilities-self", null).allowed()).isTrue();
        assertThat(acl.check(Operation.LIST, "cubbyhole/", null).allowed()).isTrue();
        assertThat(acl.check(Operation.CREATE, "cubbyhole/x/y", null).allowed()).isTrue();
        assertThat(acl.check(Operation.UPDATE, "sys/tools/hash/sha2-256", null).allowed()).isTrue();
        assertThat(acl.check(Operation.UPDATE, "identity/oidc/provider/p1/authorize", null).allowed()).isTrue();
        assertThat(acl.check(Operation.READ, "auth/token/lookup", null).allowed()).isFalse();
        assertThat(acl.check(Operation.READ, "secret/data/x", null).allowed()).isFalse();
        assertThat(acl.check(Operation.READ, "sys/policy", null).allowed()).isFalse();
    }

    // --- hasAnyCapabilityUnder -------------------------------------------------------------

    @ParameterizedTest(name = "{0} under {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "secret/*:read                        | secret/  | true",
            "secret/data/app:read                 | secret/  | true",
            "secret/data/*:read                   | secret/  | true",
            "secret/+/app:read                    | secret/  | true",
            "+/data/*:read                        | secret/  | true",
            "sec*:read                            | secret/  | true",
            "kv/*:read                            | secret/  | false",
            "secret:read                          | secret/  | true",
            "secret/a:deny,secret/b/*:deny        | secret/  | false",
            "secret/*:deny,secret/x:read          | secret/  | true",
            "secret/x/+/y:read                    | secret/z/| false",
            "secret/+/y:read                      | secret/z/| true",
            "+:read                               | secret/  | true",
            "+/x:read                             | secret/  | true",
            "+/x:read                             | secret/a/| false",
    })
    void hasAnyCapabilityUnder_rules_reportsReach(String spec, String prefix, boolean expected) {
        StringBuilder text = new StringBuilder();
        for (String r : spec.strip().split(",")) {
            String[] pc = r.split(":");
            text.append(rule(pc[0], pc[1]));
        }

        assertThat(acl(text.toString()).hasAnyCapabilityUnder(prefix.strip())).isEqualTo(expected);
    }
}

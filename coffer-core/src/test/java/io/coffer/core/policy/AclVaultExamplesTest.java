package io.coffer.core.policy;

import static io.coffer.core.policy.TestPolicies.acl;
import static io.coffer.core.policy.TestPolicies.rule;
import static io.coffer.sdk.logical.Operation.CREATE;
import static io.coffer.sdk.logical.Operation.DELETE;
import static io.coffer.sdk.logical.Operation.LIST;
import static io.coffer.sdk.logical.Operation.PATCH;
import static io.coffer.sdk.logical.Operation.READ;
import static io.coffer.sdk.logical.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.sdk.logical.Operation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vault's documented policy behaviour as a table: each row is policies, a request and the
 * expected decision (developer.hashicorp.com/vault/docs/concepts/policies).
 */
class AclVaultExamplesTest {

    record Case(String name, List<String> policies, Operation op, String path, Map<String, Object> data, boolean allowed) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case allow(String name, List<String> policies, Operation op, String path) {
        return new Case(name, policies, op, path, Map.of(), true);
    }

    private static Case deny(String name, List<String> policies, Operation op, String path) {
        return new Case(name, policies, op, path, Map.of(), false);
    }

    private static Case withData(Case c, Map<String, Object> data) {
        return new Case(c.name, c.policies, c.op, c.path, data, c.allowed);
    }

    /** The docs' annotated example policy. */
    private static final List<String> DETAILED = List.of("""
            path "secret/*" {
              capabilities = ["create", "read", "update", "patch", "delete", "list"]
            }
            path "secret/super-secret" {
              capabilities = ["deny"]
            }
            path "secret/restricted" {
              capabilities = ["create"]
              allowed_parameters = {
                "foo" = []
                "bar" = ["zip", "zap"]
              }
            }
            """);

    /** The docs' exact and glob examples. */
    private static final List<String> GLOBS = List.of(
            rule("secret/foo", "read") + rule("secret/bar/*", "read") + rule("secret/zip-*", "read"));

    /** The docs' segment wildcard examples. */
    private static final List<String> PLUS = List.of(rule("secret/+/teamb", "read") + rule("secret/+/+/teamb", "read"));

    static Stream<Case> cases() {
        return Stream.of(
                allow("glob grants under it", DETAILED, READ, "secret/foo"),
                allow("glob grants patch", DETAILED, PATCH, "secret/a/b"),
                deny("exact deny overrides glob (read)", DETAILED, READ, "secret/super-secret"),
                deny("exact deny overrides glob (update)", DETAILED, UPDATE, "secret/super-secret"),
                deny("exact deny overrides glob (list)", DETAILED, LIST, "secret/super-secret/"),
                withData(allow("allowed parameter with any value", DETAILED, CREATE, "secret/restricted"),
                        Map.of("foo", "anything")),
                withData(allow("allowed parameter with listed value", DETAILED, CREATE, "secret/restricted"),
                        Map.of("foo", 1, "bar", "zap")),
                withData(deny("allowed parameter with unlisted value", DETAILED, CREATE, "secret/restricted"),
                        Map.of("bar", "zoo")),
                withData(deny("parameter not in allowed list", DETAILED, CREATE, "secret/restricted"),
                        Map.of("baz", "1")),
                deny("exact rule grants only its capabilities", DETAILED, READ, "secret/restricted"),
                deny("nothing outside the policy", DETAILED, READ, "sys/mounts"),

                allow("exact path", GLOBS, READ, "secret/foo"),
                deny("exact path is not a prefix", GLOBS, READ, "secret/food"),
                deny("exact path has no children", GLOBS, READ, "secret/foo/bar"),
                allow("glob one level down", GLOBS, READ, "secret/bar/zip"),
                allow("glob two levels down", GLOBS, READ, "secret/bar/zip/zap"),
                deny("glob is a string prefix, slash included", GLOBS, READ, "secret/bars/zip"),
                allow("mid-segment glob", GLOBS, READ, "secret/zip-zap"),
                allow("mid-segment glob crosses segments", GLOBS, READ, "secret/zip-zap/zong"),
                deny("mid-segment glob needs its prefix", GLOBS, READ, "secret/zip/zap"),
                deny("capability not granted", GLOBS, UPDATE, "secret/bar/zip"),

                allow("plus matches one segment", PLUS, READ, "secret/foo/teamb"),
                allow("two plus match two segments", PLUS, READ, "secret/foo/bar/teamb"),
                allow("two plus, other values", PLUS, READ, "secret/bar/foo/teamb"),
                deny("plus needs a segment", PLUS, READ, "secret/teamb"),
                deny("plus does not span segments", PLUS, READ, "secret/a/b/c/teamb"),
                deny("plus rule without glob is not a prefix", PLUS, READ, "secret/foo/teamb/x"),

                deny("deny in another policy wins (same path)",
                        List.of(rule("secret/*", "read"), rule("secret/*", "deny")), READ, "secret/x"),
                allow("same path in two policies unites capabilities",
                        List.of(rule("secret/foo", "read"), rule("secret/foo", "update")), UPDATE, "secret/foo"),
                deny("different paths do not unite: the most specific governs",
                        List.of(rule("secret/*", "read", "list"), rule("secret/foo", "update")), READ, "secret/foo"),
                allow("longest glob wins",
                        List.of(rule("secret/*", "deny") + rule("secret/app/*", "read")), READ, "secret/app/x"),
                deny("longest glob wins, deny",
                        List.of(rule("secret/*", "read") + rule("secret/app/*", "deny")), READ, "secret/app/x"),
                allow("exact beats plus",
                        List.of(rule("secret/+", "deny") + rule("secret/foo", "read")), READ, "secret/foo"),

                allow("legacy read grants list", List.of("path \"secret/*\" { policy = \"read\" }"), LIST, "secret/"),
                deny("legacy write has no patch", List.of("path \"secret/*\" { policy = \"write\" }"), PATCH, "secret/a"),
                allow("legacy write grants delete", List.of("path \"secret/*\" { policy = \"write\" }"), DELETE, "secret/a"),
                deny("legacy deny", List.of("path \"secret/*\" { policy = \"deny\" }"), READ, "secret/a"),

                allow("list on exact rule written without slash",
                        List.of(rule("secret/metadata/app", "list")), LIST, "secret/metadata/app/"),
                allow("list on plus rule written without slash (VAULT-3825)",
                        List.of(rule("+/sys/policies/acl", "list")), LIST, "ns1/sys/policies/acl/"),
                deny("read does not get the list fallback",
                        List.of(rule("secret/foo", "read")), READ, "secret/foo/"),
                deny("more specific deny beats list fallback",
                        List.of(rule("kv1/+", "list") + rule("kv1/private/*", "deny")), LIST, "kv1/private/"),
                allow("more specific list fallback beats deny",
                        List.of(rule("kv1/+", "list") + rule("kv1/*", "deny")), LIST, "kv1/private/")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void check_documentedExample_matchesVault(Case c) {
        Acl acl = acl(c.policies.toArray(String[]::new));

        assertThat(acl.check(c.op, c.path, new HashMap<>(c.data)).allowed()).isEqualTo(c.allowed);
    }
}

package io.coffer.core.policy;

import static io.coffer.core.policy.Capability.CREATE;
import static io.coffer.core.policy.Capability.DELETE;
import static io.coffer.core.policy.Capability.DENY;
import static io.coffer.core.policy.Capability.LIST;
import static io.coffer.core.policy.Capability.PATCH;
import static io.coffer.core.policy.Capability.READ;
import static io.coffer.core.policy.Capability.SUDO;
import static io.coffer.core.policy.Capability.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyParserTest {

    private final PolicyParser parser = new PolicyParser();

    private List<PathRule> rules(String text) {
        return parser.parse("test", text).rules();
    }

    private static String failureOf(Runnable r) {
        try {
            r.run();
        } catch (InvalidRequestException e) {
            return e.getMessage();
        }
        throw new AssertionError("no InvalidRequestException");
    }

    private String parseFailure(String text) {
        return failureOf(() -> parser.parse("test", text));
    }

    // --- HCL -------------------------------------------------------------------------------

    @Test
    void parse_hclWithSeveralStanzas_keepsRulesInWrittenOrder() {
        Policy p = parser.parse("app", """
                # comment
                path "secret/*" {
                  capabilities = ["create", "read", "update", "patch", "delete", "list"]
                }
                // another comment
                path "secret/super-secret" {
                  capabilities = ["deny"]
                }
                /* block
                   comment */
                path "sys/audit" { capabilities = ["sudo", "read"] }
                """);

        assertThat(p.name()).isEqualTo("app");
        assertThat(p.rules()).extracting(PathRule::path)
                .containsExactly("secret/*", "secret/super-secret", "sys/audit");
        assertThat(p.rules().get(0).capabilities()).containsExactly(CREATE, READ, UPDATE, PATCH, DELETE, LIST);
        assertThat(p.rules().get(1).capabilities()).containsExactly(DENY);
        assertThat(p.rules().get(2).capabilities()).containsExactly(READ, SUDO);
    }

    @Test
    void parse_sameLabelRepeated_keepsEachStanzaAsARule() {
        List<PathRule> rules = rules("""
                path "a" { capabilities = ["read"] }
                path "b" { capabilities = ["list"] }
                path "a" { capabilities = ["update"] }
                """);

        assertThat(rules).extracting(PathRule::path).containsExactly("a", "b", "a");
        assertThat(rules.get(2).capabilities()).containsExactly(UPDATE);
    }

    @Test
    void parse_quotedBlockTypeAndCommasBetweenItems_accepted() {
        List<PathRule> rules = rules("\"path\" \"a\" { capabilities = [\"read\",], policy = \"write\" }");

        assertThat(rules).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("a");
            assertThat(r.capabilities()).containsExactly(CREATE, READ, UPDATE, DELETE, LIST);
        });
    }

    @Test
    void parse_leadingSlashInPath_strippedOnce() {
        assertThat(rules(TestPolicies.rule("/secret/foo", "read") + TestPolicies.rule("//x", "read")))
                .extracting(PathRule::path).containsExactly("secret/foo", "/x");
    }

    @Test
    void parse_emptyOrBlankText_givesPolicyWithoutRules() {
        assertThat(rules("")).isEmpty();
        assertThat(rules("  \n# only a comment\n")).isEmpty();
    }

    @Test
    void parse_crlfLineEndingsAndByteOrderMark_accepted() {
        List<PathRule> rules = rules("\uFEFFpath \"a\" {\r\n  capabilities = [\"read\"]\r\n}\r\n");

        assertThat(rules).singleElement().extracting(PathRule::capabilities).isEqualTo(Set.of(READ));
    }

    @Test
    void parse_errorAfterCrlfLines_countsLines() {
        assertThat(parseFailure("path \"a\" {\r\n  capabilities = [\"read\"]\r\n  bogus = 1\r\n}"))
                .isEqualTo("failed to parse policy: path \"a\": invalid key \"bogus\" on line 3");
    }

    @Test
    void parse_topLevelName_accepted() {
        assertThat(rules("name = \"x\"\n" + TestPolicies.rule("a", "read"))).hasSize(1);
    }

    @Test
    void parse_parameterConstraints_namesLowerCasedAndValuesTyped() {
        PathRule r = rules("""
                path "secret/restricted" {
                  capabilities = ["create"]
                  allowed_parameters = {
                    "Foo" = []
                    "bar" = ["zip", 5, 2.5, true, ["x", "y"]]
                  }
                  denied_parameters {
                    "*" = []
                  }
                  required_parameters = ["name", "ID"]
                }
                """).get(0);

        assertThat(r.allowedParameters()).containsOnlyKeys("foo", "bar");
        assertThat(r.allowedParameters().get("foo")).isEmpty();
        assertThat(r.allowedParameters().get("bar")).containsExactly("zip", 5L, 2.5, true, List.of("x", "y"));
        assertThat(r.deniedParameters()).containsOnlyKeys("*");
        assertThat(r.requiredParameters()).containsExactly("name", "ID");
    }

    @Test
    void parse_repeatedParameterName_mergedAsVaultMerges() {
        PathRule r = rules("""
                path "a" {
                  capabilities = ["update"]
                  allowed_parameters = { "x" = ["1"], "X" = ["2"], "y" = ["3"], "y" = [] }
                }
                """).get(0);

        assertThat(r.allowedParameters().get("x")).containsExactly("2", "1");
        assertThat(r.allowedParameters().get("y")).isEmpty();
    }

    @Test
    void parse_denyWithOtherCapabilitiesAndParameters_keepsDenyOnly() {
        PathRule r = rules("""
                path "a" {
                  capabilities = ["read", "deny", "sudo"]
                  allowed_parameters = { "x" = [] }
                }
                """).get(0);

        assertThat(r.capabilities()).containsExactly(DENY);
        assertThat(r.allowedParameters()).isEmpty();
    }

    @Test
    void parse_heredocAndHexNumbers_decoded() {
        PathRule r = rules("path \"a\" {\n  capabilities = [\"read\"]\n  comment = <<EOT\nfree text\nEOT\n"
                + "  allowed_parameters = { n = [0x10, -3, 1e2] }\n}\n").get(0);

        assertThat(r.allowedParameters().get("n")).containsExactly(16L, -3L, 100.0);
    }

    @Test
    void parse_stringEscapes_decoded() {
        assertThat(rules("path \"a\\\"b\\u00e9\\n\" { capabilities = [\"read\"] }").get(0).path())
                .isEqualTo("a\"b\u00e9\n");
    }

    @Test
    void parse_vaultKeysCofferDoesNotEnforce_acceptedAndIgnored() {
        PathRule r = rules("""
                path "auth/approle/role/my-role/secret-id" {
                  capabilities = ["create", "update", "subscribe", "recover"]
                  min_wrapping_ttl = "1s"
                  max_wrapping_ttl = 90
                  comment = "wrapping is mandatory"
                  mfa_methods = ["totp"]
                  subscribe_event_types = ["kv*"]
                  control_group = {
                    max_ttl = "24h"
                    factor "ops" {
                      identity { group_names = ["managers"], approvals = 1 }
                    }
                  }
                }
                """).get(0);

        assertThat(r.capabilities()).containsExactly(CREATE, UPDATE);
    }

    @Test
    void parse_templatedPath_keptAsWritten() {
        assertThat(rules(TestPolicies.rule("secret/data/{{identity.entity.id}}/*", "read")).get(0).path())
                .isEqualTo("secret/data/{{identity.entity.id}}/*");
    }

    // --- legacy policy field ---------------------------------------------------------------

    @ParameterizedTest(name = "policy = \"{0}\"")
    @CsvSource({
            "deny,  DENY",
            "read,  READ LIST",
            "write, CREATE READ UPDATE DELETE LIST",
            "sudo,  CREATE READ UPDATE DELETE LIST SUDO",
    })
    void parse_legacyPolicyField_mapsToVaultCapabilities(String legacy, String expected) {
        Set<Capability> want = EnumSet.noneOf(Capability.class);
        Arrays.stream(expected.split(" ")).map(Capability::valueOf).forEach(want::add);

        assertThat(rules("path \"a\" { policy = \"" + legacy + "\" }").get(0).capabilities()).isEqualTo(want);
    }

    @Test
    void parse_legacyPolicyWithCapabilities_unitesThem() {
        assertThat(rules("path \"secret/foo\" { policy = \"read\"\n capabilities = [\"create\", \"sudo\"] }")
                .get(0).capabilities()).containsExactly(CREATE, READ, LIST, SUDO);
    }

    @Test
    void parse_legacyDenyWithCapabilities_deniesOnly() {
        assertThat(rules("path \"a\" { policy = \"deny\"\n capabilities = [\"read\"] }").get(0).capabilities())
                .containsExactly(DENY);
    }

    @Test
    void parse_unknownLegacyPolicy_fails() {
        assertThat(parseFailure("path \"a\" { policy = \"rw\" }"))
                .isEqualTo("failed to parse policy: path \"a\": invalid policy \"rw\"");
    }

    // --- JSON ------------------------------------------------------------------------------

    @Test
    void parse_jsonObjectForm_readsPaths() {
        List<PathRule> rules = rules("""
                {
                  "path": {
                    "secret/*": { "capabilities": ["read", "list"] },
                    "secret/restricted": {
                      "capabilities": ["create"],
                      "allowed_parameters": { "bar": ["zip", null, 3] },
                      "required_parameters": ["bar"]
                    }
                  }
                }
                """);

        assertThat(rules).extracting(PathRule::path).containsExactly("secret/*", "secret/restricted");
        assertThat(rules.get(0).capabilities()).containsExactly(READ, LIST);
        assertThat(rules.get(1).allowedParameters().get("bar")).containsExactly("zip", null, 3L);
        assertThat(rules.get(1).requiredParameters()).containsExactly("bar");
    }

    @Test
    void parse_jsonArrayFormAndDuplicateKeys_keepsEveryStanza() {
        List<PathRule> rules = rules("""
                {"path": [
                  {"a": {"capabilities": ["read"]}},
                  {"a": {"policy": "write"}, "a": {"capabilities": ["deny"]}}
                ]}
                """);

        assertThat(rules).extracting(PathRule::path).containsExactly("a", "a", "a");
        assertThat(rules).extracting(PathRule::capabilities)
                .containsExactly(Set.of(READ), Set.of(CREATE, READ, UPDATE, DELETE, LIST), Set.of(DENY));
    }

    @Test
    void parse_jsonStanzaList_eachBodyARule() {
        assertThat(rules("{\"path\": {\"a\": [{\"capabilities\": [\"read\"]}, {\"capabilities\": [\"list\"]}]}}"))
                .extracting(PathRule::capabilities).containsExactly(Set.of(READ), Set.of(LIST));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"path\": {\"a\": {\"capabilities\": [\"read\"]}}",
            "{\"path\": {\"a\": {\"capabilities\": [\"read\"]}}} extra",
            "{\"path\": {\"a\": {\"capabilities\": [read]}}}",
            "{\"path\": {\"a\": {\"capabilities\": [\"read\",]}}}",
    })
    void parse_malformedJson_failsWithPosition(String text) {
        assertThat(parseFailure(text)).matches("failed to parse policy: line \\d+, column \\d+: .*");
    }

    @Test
    void parse_jsonWithUnknownKey_fails() {
        assertThat(parseFailure("{\"paths\": {}}")).isEqualTo("failed to parse policy: invalid key \"paths\" on line 1");
    }

    // --- base64 ----------------------------------------------------------------------------

    @Test
    void parse_base64Hcl_decodesAndKeepsDecodedText() {
        String hcl = TestPolicies.rule("secret/*", "read");
        Policy p = parser.parse("b", Base64.getEncoder().encodeToString(hcl.getBytes(StandardCharsets.UTF_8)));

        assertThat(p.text()).isEqualTo(hcl);
        assertThat(p.rules()).extracting(PathRule::path).containsExactly("secret/*");
    }

    @Test
    void parse_base64JsonWithLineBreaks_decodes() {
        String json = "{\"path\": {\"kv/*\": {\"capabilities\": [\"list\"]}}}";
        String b64 = Base64.getMimeEncoder(16, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(json.getBytes(StandardCharsets.UTF_8)) + "\n";

        assertThat(parser.parse("b", b64).rules().get(0).capabilities()).containsExactly(LIST);
    }

    @Test
    void parse_base64OfGarbage_reportsTheDecodedTextsError() {
        String b64 = Base64.getEncoder().encodeToString("path \"a\" {".getBytes(StandardCharsets.UTF_8));

        assertThat(parseFailure(b64)).isEqualTo("failed to parse policy: line 1, column 11: missing '}'");
    }

    @Test
    void parse_base64DecodingToNonUtf8_treatedAsPlainText() {
        String b64 = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xc3, 0x28, 0x41, 0x42});

        assertThat(parseFailure(b64)).startsWith("failed to parse policy: line 1, column ");
    }

    @Test
    void decodeBase64_nonBase64Text_returnsNull() {
        assertThat(PolicyParser.decodeBase64("path \"a\" {}")).isNull();
        assertThat(PolicyParser.decodeBase64("abc")).isNull();
        assertThat(PolicyParser.decodeBase64("")).isNull();
        assertThat(PolicyParser.decodeBase64("YWJj")).isEqualTo("abc");
    }

    // --- errors ----------------------------------------------------------------------------

    @Test
    void parse_unknownCapability_failsNamingPathAndCapability() {
        assertThat(parseFailure(TestPolicies.rule("secret/*", "read", "reed")))
                .isEqualTo("failed to parse policy: path \"secret/*\": invalid capability \"reed\"");
    }

    @Test
    void parse_capabilityInWrongCase_fails() {
        assertThat(parseFailure(TestPolicies.rule("a", "Read")))
                .isEqualTo("failed to parse policy: path \"a\": invalid capability \"Read\"");
    }

    @Test
    void parse_plusFollowedByGlob_fails() {
        assertThat(parseFailure(TestPolicies.rule("secret/+*", "read")))
                .isEqualTo("failed to parse policy: path \"secret/+*\": invalid use of wildcards ('+*' is forbidden)");
    }

    @Test
    void parse_unknownTopLevelKey_fails() {
        assertThat(parseFailure("path \"a\" {}\nrules = \"x\"")).isEqualTo("failed to parse policy: invalid key \"rules\" on line 2");
    }

    @Test
    void parse_unknownKeyInPath_fails() {
        assertThat(parseFailure("path \"a\" {\n  capabilities = [\"read\"]\n  capability = [\"list\"]\n}"))
                .isEqualTo("failed to parse policy: path \"a\": invalid key \"capability\" on line 3");
    }

    @Test
    void parse_duplicateKeyInPath_fails() {
        assertThat(parseFailure("path \"a\" {\n capabilities = [\"read\"]\n capabilities = [\"list\"]\n}"))
                .isEqualTo("failed to parse policy: path \"a\": duplicate key \"capabilities\" on line 3");
    }

    @Test
    void parse_pathWithTwoLabels_fails() {
        assertThat(parseFailure("path \"a\" \"b\" { capabilities = [\"read\"] }"))
                .isEqualTo("failed to parse policy: path block on line 1 must have exactly one label");
    }

    @Test
    void parse_capabilitiesNotAList_fails() {
        assertThat(parseFailure("path \"a\" { capabilities = \"read\" }"))
                .isEqualTo("failed to parse policy: path \"a\": capabilities must be a list of strings");
    }

    @Test
    void parse_parameterValueNotAList_fails() {
        assertThat(parseFailure("path \"a\" { allowed_parameters = { x = \"y\" } }"))
                .startsWith("failed to parse policy: path \"a\": allowed_parameters must map parameter names to lists of values");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "path \"a\" { capabilities = [\"read\"]                 | line 1, column 35: missing '}'",
            "path \"a\" { capabilities = [\"read\" }                | line 1, column 35: expected ',' or ']' in list, found '}'",
            "path \"a\" { capabilities = [\"read\"] } }             | line 1, column 38: unexpected '}'",
            "path \"a { capabilities = [\"read\"] }                 | line 1, column 32: string not terminated",
            "path \"a\" { capabilities = [read] }                   | line 1, column 28: unexpected identifier \"read\" (strings must be quoted)",
            "foo                                                    | line 1, column 4: expected '=' or '{' after key, found end of input",
            "path \"a\" { capabilities = [\"read\"]; }              | line 1, column 35: unexpected character \";\"",
            "/* open comment                                        | line 1, column 1: comment not terminated",
            "path \"a\" { x = 12abc }                               | line 1, column 16: invalid number",
    })
    void parse_malformedHcl_failsWithLineAndColumn(String text, String reason) {
        assertThat(parseFailure(text.strip())).isEqualTo("failed to parse policy: " + reason);
    }

    @Test
    void parse_errorOnSecondLine_reportsThatLine() {
        assertThat(parseFailure("path \"a\" {\n  capabilities = [\"read\"\n}")).isEqualTo(
                "failed to parse policy: line 3, column 1: expected ',' or ']' in list, found '}'");
    }

    @Test
    void parse_hugeBadCapability_messageDoesNotEchoIt() {
        String huge = "x".repeat(10_000);

        String message = parseFailure(TestPolicies.rule("a", huge));

        assertThat(message).hasSizeLessThan(120).contains("invalid capability \"xxxx").contains("...");
    }

    @Test
    void parse_hugeUnterminatedString_messageDoesNotEchoIt() {
        String message = parseFailure("path \"" + "y".repeat(50_000));

        assertThat(message).isEqualTo("failed to parse policy: line 1, column 6: string not terminated");
    }

    @Test
    void parse_deeplyNestedInput_failsWithoutStackOverflow() {
        String deep = "path \"a\" { x = " + "[".repeat(100_000) + " }";
        String deepJson = "{\"path\": " + "[".repeat(100_000) + "}";

        assertThat(parseFailure(deep)).endsWith("nesting too deep");
        assertThat(parseFailure(deepJson)).endsWith("nesting too deep");
    }

    @Test
    void parse_controlCharactersInBadKey_escapedInMessage() {
        assertThat(parseFailure("path \"a\" { \"bad\u0001key\" = 1 }"))
                .isEqualTo("failed to parse policy: path \"a\": invalid key \"bad\\u0001key\" on line 1");
    }

    @Test
    void parse_nullText_fails() {
        assertThatThrownBy(() -> parser.parse("x", null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("failed to parse policy: no policy text");
    }

    // --- built-in default ------------------------------------------------------------------

    @Test
    void parse_defaultPolicyText_hasVaultsDefaultRules() {
        Map<String, Set<Capability>> byPath = new java.util.HashMap<>();
        parser.parse(BuiltinPolicies.DEFAULT, BuiltinPolicies.DEFAULT_POLICY_TEXT).rules()
                .forEach(r -> byPath.put(r.path(), r.capabilities()));

        assertThat(byPath).containsEntry("auth/token/lookup-self", Set.of(READ))
                .containsEntry("auth/token/renew-self", Set.of(UPDATE))
                .containsEntry("auth/token/revoke-self", Set.of(UPDATE))
                .containsEntry("sys/capabilities-self", Set.of(UPDATE))
                .containsEntry("identity/entity/id/{{identity.entity.id}}", Set.of(READ))
                .containsEntry("sys/internal/ui/resultant-acl", Set.of(READ))
                .containsEntry("sys/renew", Set.of(UPDATE))
                .containsEntry("sys/leases/renew", Set.of(UPDATE))
                .containsEntry("sys/leases/lookup", Set.of(UPDATE))
                .containsEntry("cubbyhole/*", Set.of(CREATE, READ, UPDATE, DELETE, LIST))
                .containsEntry("sys/wrapping/wrap", Set.of(UPDATE))
                .containsEntry("sys/wrapping/lookup", Set.of(UPDATE))
                .containsEntry("sys/wrapping/unwrap", Set.of(UPDATE))
                .containsEntry("sys/tools/hash", Set.of(UPDATE))
                .containsEntry("sys/tools/hash/*", Set.of(UPDATE))
                .containsEntry("sys/control-group/request", Set.of(UPDATE))
                .containsEntry("sys/mfa/challenge", Set.of(UPDATE));
    }

    @Test
    void capability_fromWireAndWireName_roundTrip() {
        for (Capability c : Capability.values()) {
            assertThat(Capability.fromWire(c.wireName())).isSameAs(c);
        }
        assertThat(Capability.SUDO.wireName()).isEqualTo("sudo");
        assertThatThrownBy(() -> Capability.fromWire("root")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Capability.fromWire(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

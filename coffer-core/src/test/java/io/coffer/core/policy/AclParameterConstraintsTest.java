package io.coffer.core.policy;

import static io.coffer.core.policy.TestPolicies.acl;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.sdk.logical.Operation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** allowed_parameters, denied_parameters and required_parameters, as Vault documents them. */
class AclParameterConstraintsTest {

    private static boolean allowed(Acl acl, Operation op, Object... keyValues) {
        Map<String, Object> data = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            data.put((String) keyValues[i], keyValues[i + 1]);
        }
        return acl.check(op, "p", data).allowed();
    }

    private static boolean update(Acl acl, Object... keyValues) {
        return allowed(acl, Operation.UPDATE, keyValues);
    }

    private static Acl withBody(String body) {
        return acl("path \"p\" {\n capabilities = [\"create\", \"read\", \"update\", \"patch\", \"delete\", \"list\"]\n" + body + "\n}");
    }

    @Test
    void required_missingOrPresent_decides() {
        Acl acl = withBody("required_parameters = [\"name\", \"ID\"]");

        assertThat(update(acl, "name", "n")).isFalse();
        assertThat(update(acl, "name", "n", "id", "1")).isTrue();
        assertThat(update(acl, "name", "n", "id", null)).isTrue();
        assertThat(update(acl)).isFalse();
    }

    @Test
    void required_onReadCreatePatch_enforced_onDeleteList_not() {
        Acl acl = withBody("required_parameters = [\"x\"]");

        assertThat(allowed(acl, Operation.READ)).isFalse();
        assertThat(allowed(acl, Operation.CREATE)).isFalse();
        assertThat(allowed(acl, Operation.PATCH)).isFalse();
        assertThat(allowed(acl, Operation.DELETE)).isTrue();
        assertThat(allowed(acl, Operation.LIST)).isTrue();
    }

    @Test
    void allowed_noData_permitted() {
        assertThat(update(withBody("allowed_parameters = { \"x\" = [\"a\"] }"))).isTrue();
        assertThat(withBody("allowed_parameters = { \"x\" = [\"a\"] }").check(Operation.UPDATE, "p", null).allowed()).isTrue();
    }

    @Test
    void allowed_emptyListMeansAnyValue_otherParametersRefused() {
        Acl acl = withBody("allowed_parameters = { \"password\" = [] }");

        assertThat(update(acl, "password", "s3cr3t")).isTrue();
        assertThat(update(acl, "password", 42)).isTrue();
        assertThat(update(acl, "password", "x", "token_ttl", "1h")).isFalse();
    }

    @Test
    void allowed_starAllowsOthers_listedStillRestricted() {
        Acl acl = withBody("allowed_parameters = { \"bar\" = [\"zip\", \"zap\"], \"*\" = [] }");

        assertThat(update(acl, "bar", "zip", "other", "x")).isTrue();
        assertThat(update(acl, "bar", "zoo", "other", "x")).isFalse();
        assertThat(update(acl, "other", "x")).isTrue();
    }

    @Test
    void allowed_parameterNameCaseInsensitive() {
        Acl acl = withBody("allowed_parameters = { \"Bar\" = [\"zip\"] }");

        assertThat(update(acl, "BAR", "zip")).isTrue();
        assertThat(update(acl, "bar", "ZIP")).isFalse();
    }

    @Test
    void allowed_globValues_prefixSuffixContains() {
        Acl acl = withBody("allowed_parameters = { \"a\" = [\"foo-*\"], \"b\" = [\"*-bar\"], \"c\" = [\"*mid*\"], \"d\" = [\"*\"] }");

        assertThat(update(acl, "a", "foo-1")).isTrue();
        assertThat(update(acl, "a", "fo-1")).isFalse();
        assertThat(update(acl, "b", "x-bar")).isTrue();
        assertThat(update(acl, "b", "x-baz")).isFalse();
        assertThat(update(acl, "c", "amidst")).isTrue();
        assertThat(update(acl, "c", "mxd")).isFalse();
        assertThat(update(acl, "d", "*")).isTrue();
        assertThat(update(acl, "d", "anything")).isFalse();
    }

    @Test
    void allowed_listValue_eachElementOrWholeListMustMatch() {
        Acl acl = withBody("allowed_parameters = { \"x\" = [\"A\", \"B\", [\"C\", \"D\"]] }");

        assertThat(update(acl, "x", List.of("A", "B"))).isTrue();
        assertThat(update(acl, "x", List.of("B"))).isTrue();
        assertThat(update(acl, "x", List.of("C", "D"))).isTrue();
        assertThat(update(acl, "x", List.of("A", "E"))).isFalse();
        assertThat(update(acl, "x", List.of())).isFalse();
    }

    @Test
    void allowed_commaSeparatedString_eachPieceMustMatch() {
        Acl acl = withBody("allowed_parameters = { \"x\" = [\"A\", \"B\"] }");

        assertThat(update(acl, "x", "A,B")).isTrue();
        assertThat(update(acl, "x", "B, A")).isTrue();
        assertThat(update(acl, "x", "A,C")).isFalse();
        assertThat(update(acl, "x", "")).isFalse();
    }

    @Test
    void allowed_numbersCompareByValue_notByType() {
        Acl acl = withBody("allowed_parameters = { \"n\" = [5, 2.5] }");

        assertThat(update(acl, "n", 5)).isTrue();
        assertThat(update(acl, "n", 5L)).isTrue();
        assertThat(update(acl, "n", 5.0)).isTrue();
        assertThat(update(acl, "n", new BigDecimal("2.50"))).isTrue();
        assertThat(update(acl, "n", 6)).isFalse();
        assertThat(update(acl, "n", "5")).isFalse();
    }

    @Test
    void allowed_nullValueFromJson_matchesNullOnly() {
        Acl acl = acl("{\"path\": {\"p\": {\"capabilities\": [\"update\"], \"allowed_parameters\": {\"x\": [null]}}}}");

        assertThat(update(acl, "x", null)).isTrue();
        assertThat(update(acl, "x", "null")).isFalse();
    }

    @Test
    void denied_emptyListDeniesParameter() {
        Acl acl = withBody("denied_parameters = { \"token_policies\" = [], \"policies\" = [] }");

        assertThat(update(acl, "password", "x")).isTrue();
        assertThat(update(acl, "password", "x", "policies", "default")).isFalse();
    }

    @Test
    void denied_valuesDenied_othersPermitted() {
        Acl acl = withBody("denied_parameters = { \"allowed_policies\" = [\"admin\"] }");

        assertThat(update(acl, "allowed_policies", "dev")).isTrue();
        assertThat(update(acl, "allowed_policies", "admin")).isFalse();
        assertThat(update(acl, "allowed_policies", List.of("dev", "admin"))).isFalse();
        assertThat(update(acl, "allowed_policies", "dev,admin")).isFalse();
        assertThat(update(acl, "allowed_policies", "dev, other")).isTrue();
    }

    @Test
    void denied_star_refusesAnyParameter_butNotEmptyData() {
        Acl acl = withBody("denied_parameters = { \"*\" = [] }");

        assertThat(update(acl, "anything", 1)).isFalse();
        assertThat(update(acl)).isTrue();
    }

    @Test
    void denied_takesPrecedenceOverAllowed() {
        Acl acl = withBody("allowed_parameters = { \"x\" = [] }\n denied_parameters = { \"x\" = [\"bad\"] }");

        assertThat(update(acl, "x", "good")).isTrue();
        assertThat(update(acl, "x", "bad")).isFalse();
    }

    @Test
    void denied_booleansAndStrings_asInVaultsNoStoreExample() {
        Acl acl = withBody("required_parameters = [\"no_store\"]\n denied_parameters = { \"no_store\" = [false, \"false\"] }");

        assertThat(update(acl, "no_store", false)).isFalse();
        assertThat(update(acl, "no_store", "false")).isFalse();
        assertThat(update(acl, "no_store", true)).isTrue();
        assertThat(update(acl, "value", "bar")).isFalse();
    }

    @Test
    void denied_policiesValues_lowerCasedBeforeMatching() {
        Acl acl = withBody("denied_parameters = { \"policies\" = [\"admin\"], \"token_policies\" = [\"root*\"] }");

        assertThat(update(acl, "policies", "ADMIN")).isFalse();
        assertThat(update(acl, "policies", List.of("dev", "Admin"))).isFalse();
        assertThat(update(acl, "token_policies", "Root-ish")).isFalse();
        assertThat(update(acl, "policies", "dev")).isTrue();
    }

    @Test
    void denied_otherParametersValues_caseSensitive() {
        assertThat(update(withBody("denied_parameters = { \"name\" = [\"admin\"] }"), "name", "ADMIN")).isTrue();
    }

    @Test
    void merge_allowedListsFromTwoPolicies_united() {
        String a = "path \"p\" { capabilities = [\"update\"]\n allowed_parameters = { \"bar\" = [\"zip\"] } }";
        String b = "path \"p\" { capabilities = [\"update\"]\n allowed_parameters = { \"bar\" = [\"zap\"] } }";
        Acl acl = acl(a, b);

        assertThat(update(acl, "bar", "zip")).isTrue();
        assertThat(update(acl, "bar", "zap")).isTrue();
        assertThat(update(acl, "bar", "zoo")).isFalse();
    }

    @Test
    void merge_emptyAllowedListAbsorbsValues() {
        String a = "path \"p\" { capabilities = [\"update\"]\n allowed_parameters = { \"bar\" = [\"zip\"] } }";
        String b = "path \"p\" { capabilities = [\"update\"]\n allowed_parameters = { \"bar\" = [] } }";

        assertThat(update(acl(a, b), "bar", "anything")).isTrue();
        assertThat(update(acl(b, a), "bar", "anything")).isTrue();
    }

    @Test
    void merge_unconstrainedPlusConstrained_constrainedAsInVault() {
        String open = TestPolicies.rule("p", "update");
        String restricted = "path \"p\" { capabilities = [\"read\"]\n allowed_parameters = { \"bar\" = [] } }";

        assertThat(update(acl(open, restricted), "baz", 1)).isFalse();
        assertThat(update(acl(open, restricted), "bar", 1)).isTrue();
    }

    @Test
    void merge_requiredParametersUnited() {
        String a = "path \"p\" { capabilities = [\"update\"]\n required_parameters = [\"a\"] }";
        String b = "path \"p\" { capabilities = [\"update\"]\n required_parameters = [\"b\", \"a\"] }";
        Acl acl = acl(a, b);

        assertThat(update(acl, "a", 1)).isFalse();
        assertThat(update(acl, "a", 1, "b", 2)).isTrue();
    }

    @Test
    void merge_deniedListsFromTwoPolicies_united() {
        String a = "path \"p\" { capabilities = [\"update\"]\n denied_parameters = { \"x\" = [\"1\"] } }";
        String b = "path \"p\" { capabilities = [\"update\"]\n denied_parameters = { \"x\" = [\"2\"] } }";
        Acl acl = acl(a, b);

        assertThat(update(acl, "x", "1")).isFalse();
        assertThat(update(acl, "x", "2")).isFalse();
        assertThat(update(acl, "x", "3")).isTrue();
    }

    @Test
    void valueDeepEquals_nestedStructures() {
        assertThat(ValueList.deepEquals(List.of(1L, Map.of("a", 2.0)), Arrays.asList(1, Map.of("a", 2)))).isTrue();
        assertThat(ValueList.deepEquals(List.of(1L), List.of(1L, 2L))).isFalse();
        assertThat(ValueList.deepEquals(Map.of("a", 1), Map.of("b", 1))).isFalse();
        assertThat(ValueList.numericEquals(Double.NaN, 1L)).isFalse();
        assertThat(ValueList.numericEquals(Long.MAX_VALUE, (double) Long.MAX_VALUE)).isFalse();
    }
}

package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.LogicalException;
import io.coffer.sdk.logical.exception.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class UserpassUsersTest {
    private final UserpassFixture up = new UserpassFixture();

    @Test
    void create_thenRead_showsEveryTokenFieldAndNeverThePassword() {
        assertThat(up.write("users/bob", "{'password':'s3cret','token_policies':'dev,ops','token_ttl':'1h',"
                + "'token_max_ttl':7200,'token_bound_cidrs':['10.0.0.0/8'],'token_num_uses':3}").isEmpty()).isTrue();

        Map<String, Object> data = up.read("users/bob").data();

        assertThat(data).containsOnlyKeys("token_bound_cidrs", "token_explicit_max_ttl", "token_max_ttl",
                "token_no_default_policy", "token_num_uses", "token_period", "token_policies", "token_ttl", "token_type");
        assertThat(data).containsEntry("token_policies", List.of("dev", "ops"))
                .containsEntry("token_ttl", 3600L)
                .containsEntry("token_max_ttl", 7200L)
                .containsEntry("token_bound_cidrs", List.of("10.0.0.0/8"))
                .containsEntry("token_num_uses", 3)
                .containsEntry("token_type", "default")
                .containsEntry("token_no_default_policy", false);
        assertThat(data.toString()).doesNotContain("s3cret").doesNotContain("$2b$");
    }

    @Test
    void create_legacyFields_areMirroredOnRead() {
        up.write("users/bob", "{'password':'pw','policies':'web','ttl':'30m','max_ttl':'1h','bound_cidrs':'127.0.0.1/32','period':60}");

        Map<String, Object> data = up.read("users/bob").data();

        assertThat(data).containsEntry("policies", List.of("web")).containsEntry("token_policies", List.of("web"))
                .containsEntry("ttl", 1800L).containsEntry("token_ttl", 1800L)
                .containsEntry("max_ttl", 3600L).containsEntry("token_max_ttl", 3600L)
                .containsEntry("bound_cidrs", List.of("127.0.0.1/32"))
                .containsEntry("period", 60L).containsEntry("token_period", 60L);
    }

    @Test
    void update_tokenFieldOnly_dropsItsLegacyMirror() {
        up.write("users/bob", "{'password':'pw','policies':'web','ttl':60}");

        up.write("users/bob", "{'token_policies':'db'}");

        Map<String, Object> data = up.read("users/bob").data();
        assertThat(data).doesNotContainKey("policies").containsEntry("token_policies", List.of("db"))
                .containsEntry("ttl", 60L);
    }

    @Test
    void create_policies_areLowerCasedSortedAndDeduplicated() {
        up.write("users/bob", "{'password':'pw','token_policies':['Web','admin','web',' db ']}");

        assertThat(up.read("users/bob").data()).containsEntry("token_policies", List.of("admin", "db", "web"));
    }

    @Test
    void create_withoutPassword_isRefusedWithMissingPassword() {
        LogicalException e = up.failure(Operation.CREATE, "users/bob", "{'token_policies':'dev'}");

        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(e.errors()).containsExactly("missing password");
        assertThat(up.storage().keys()).isEmpty();
    }

    @Test
    void create_emptyPassword_isRefusedWithMissingPassword() {
        LogicalException e = up.failure(Operation.UPDATE, "users/bob", "{'password':''}");

        assertThat(e.errors()).containsExactly("missing password");
    }

    @Test
    void create_passwordLongerThanBcryptReads_isRefused() {
        LogicalException e = up.failure(Operation.UPDATE, "users/bob", "{'password':'" + "x".repeat(73) + "'}");

        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(e.errors()).containsExactly("password is too long: at most 72 bytes are allowed");
        assertThat(e.getMessage()).doesNotContain("xxx");
    }

    @Test
    void update_withoutPassword_keepsTheHashAndChangesOnlyTheGivenFields() {
        up.createUser("bob", "pw", "'token_ttl':60,'token_policies':'dev'");
        String before = up.storage().text("user/bob");

        up.write("users/bob", "{'token_num_uses':2}");

        assertThat(up.read("users/bob").data()).containsEntry("token_ttl", 60L)
                .containsEntry("token_policies", List.of("dev")).containsEntry("token_num_uses", 2);
        assertThat(hashOf(up.storage().text("user/bob"))).isEqualTo(hashOf(before));
        assertThat(up.login("bob", "pw").login()).isNotNull();
    }

    @Test
    void userNames_areCaseInsensitiveAndStoredLowerCase() {
        up.createUser("Alice", "pw", "");

        assertThat(up.storage().keys()).containsExactly("user/alice");
        assertThat(up.read("users/ALICE").data()).isNotNull();
        assertThat(up.list("users/").data()).isEqualTo(Map.of("keys", List.of("alice")));
        up.delete("users/aLiCe");
        assertThat(up.storage().keys()).isEmpty();
    }

    @Test
    void list_returnsSortedUserNames() {
        up.createUser("carol", "pw", "");
        up.createUser("alice", "pw", "");
        up.createUser("bob", "pw", "");

        assertThat(up.list("users/").data()).isEqualTo(Map.of("keys", List.of("alice", "bob", "carol")));
        assertThat(up.list("users").data()).isEqualTo(Map.of("keys", List.of("alice", "bob", "carol")));
    }

    @Test
    void list_noUsers_is404() {
        assertThat(up.failure(Operation.LIST, "users/", "")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void read_missingUser_is404WithEmptyErrors() {
        LogicalException e = up.failure(Operation.READ, "users/nobody", "");

        assertThat(e).isInstanceOf(NotFoundException.class);
        assertThat(e.errors()).isEmpty();
    }

    @Test
    void delete_removesUserAndIsIdempotent() {
        up.createUser("bob", "pw", "");

        assertThat(up.delete("users/bob").isEmpty()).isTrue();
        assertThat(up.delete("users/bob").isEmpty()).isTrue();
        assertThat(up.failure(Operation.READ, "users/bob", "")).isInstanceOf(NotFoundException.class);
        assertThat(up.loginFailure("bob", "pw").errors()).containsExactly("invalid username or password");
    }

    @Test
    void existenceCheck_followsTheUser() {
        assertThat(up.exists("users/bob")).contains(false);
        up.createUser("bob", "pw", "");
        assertThat(up.exists("users/BOB")).contains(true);
    }

    @Test
    void userPath_nameOutsideVaultsPattern_isUnsupportedPath() {
        LogicalException e = up.failure(Operation.UPDATE, "users/bad name", "{'password':'pw'}");

        assertThat(e).isInstanceOf(NotFoundException.class);
        assertThat(e.errors()).containsExactly("unsupported path");
    }

    @Test
    void create_dottedAndDashedNames_areAccepted() {
        up.createUser("first.last-2", "pw", "");

        assertThat(up.read("users/first.last-2").data()).isNotNull();
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                arguments("'token_ttl':-5", "token_ttl cannot be negative"),
                arguments("'ttl':'-1h'", "ttl cannot be negative"),
                arguments("'token_ttl':'2h','token_max_ttl':'1h'", "\"token_ttl\" value must be less than \"token_max_ttl\" value"),
                arguments("'token_ttl':'soon'", "error converting input for field \"token_ttl\": expected a duration"),
                arguments("'token_num_uses':'many'", "error converting input for field \"token_num_uses\": expected an integer"),
                arguments("'token_num_uses':-1", "token_num_uses cannot be negative"),
                arguments("'token_no_default_policy':'maybe'",
                        "error converting input for field \"token_no_default_policy\": expected a boolean"),
                arguments("'token_policies':{'a':1}", "error converting input for field \"token_policies\": expected a list of strings"),
                arguments("'token_bound_cidrs':'10.0.0.0/33'", "invalid CIDR in token_bound_cidrs: 10.0.0.0/33"),
                arguments("'bound_cidrs':'not-an-ip'", "invalid CIDR in token_bound_cidrs: not-an-ip"),
                arguments("'token_type':'weird'", "invalid 'token_type' value \"weird\""),
                arguments("'password':{'x':1}", "error converting input for field \"password\": expected a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void create_badInput_is400InVaultsStyleAndStoresNothing(String members, String message) {
        LogicalException e = up.failure(Operation.UPDATE, "users/bob", "{'password':'pw'," + members + "}");

        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(e.errors()).containsExactly(message);
        assertThat(up.storage().keys()).isEmpty();
        assertThat(up.hasher().hashes()).isZero();
    }

    @Test
    void update_ttlAboveExistingMaxTtl_isRefusedAndKeepsTheUser() {
        up.createUser("bob", "pw", "'token_max_ttl':'1h'");
        String before = up.storage().text("user/bob");

        LogicalException e = up.failure(Operation.UPDATE, "users/bob", "{'token_ttl':'2h'}");

        assertThat(e.errors()).containsExactly("\"token_ttl\" value must be less than \"token_max_ttl\" value");
        assertThat(up.storage().text("user/bob")).isEqualTo(before);
    }

    @Test
    void create_weakTypes_areAcceptedAsVaultDoes() {
        Response r = up.write("users/bob", "{'password':12345,'token_ttl':'90','token_num_uses':'4',"
                + "'token_no_default_policy':'true','token_policies':'a, b'}");

        assertThat(r.isEmpty()).isTrue();
        assertThat(up.read("users/bob").data()).containsEntry("token_ttl", 90L).containsEntry("token_num_uses", 4)
                .containsEntry("token_no_default_policy", true).containsEntry("token_policies", List.of("a", "b"));
        assertThat(up.login("bob", "12345").login()).isNotNull();
    }

    private static String hashOf(String userRecord) {
        int start = userRecord.indexOf("\"password_hash\":\"") + "\"password_hash\":\"".length();
        return userRecord.substring(start, userRecord.indexOf('"', start));
    }
}

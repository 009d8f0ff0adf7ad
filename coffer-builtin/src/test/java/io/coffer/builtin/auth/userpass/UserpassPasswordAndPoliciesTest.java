package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.LogicalException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserpassPasswordAndPoliciesTest {
    private final UserpassFixture up = new UserpassFixture();

    UserpassPasswordAndPoliciesTest() {
        up.createUser("bob", "old", "'token_policies':'dev','token_ttl':60");
    }

    @Test
    void password_update_replacesThePasswordAndKeepsTheTokenSettings() {
        assertThat(up.write("users/bob/password", "{'password':'new'}").isEmpty()).isTrue();

        assertThat(up.loginFailure("bob", "old").errors()).containsExactly("invalid username or password");
        assertThat(up.loginResult("bob", "new").token().policies()).containsExactly("dev");
        assertThat(up.read("users/bob").data()).containsEntry("token_ttl", 60L);
    }

    @Test
    void password_update_usesAFreshSalt() {
        String before = up.storage().text("user/bob");

        up.write("users/BOB/password", "{'password':'old'}");

        assertThat(up.storage().text("user/bob")).isNotEqualTo(before);
        assertThat(up.login("bob", "old").login()).isNotNull();
    }

    @Test
    void password_viaUserWrite_replacesThePassword() {
        up.write("users/bob", "{'password':'other'}");

        assertThat(up.login("bob", "other").login()).isNotNull();
        assertThat(up.loginFailure("bob", "old")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void password_missingOrEmpty_is400MissingPassword() {
        for (String body : List.of("{}", "{'password':''}")) {
            LogicalException e = up.failure(Operation.UPDATE, "users/bob/password", body);
            assertThat(e).isInstanceOf(InvalidRequestException.class);
            assertThat(e.errors()).containsExactly("missing password");
        }
        assertThat(up.login("bob", "old").login()).isNotNull();
    }

    @Test
    void password_unknownUser_is400AndCreatesNothing() {
        LogicalException e = up.failure(Operation.UPDATE, "users/zed/password", "{'password':'pw'}");

        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(e.errors()).containsExactly("username does not exist");
        assertThat(up.storage().keys()).containsExactly("user/bob");
    }

    @Test
    void policies_tokenPolicies_replaceThePoliciesOnly() {
        assertThat(up.write("users/bob/policies", "{'token_policies':'Admin, web'}").isEmpty()).isTrue();

        Map<String, Object> data = up.read("users/bob").data();
        assertThat(data).containsEntry("token_policies", List.of("admin", "web")).containsEntry("token_ttl", 60L)
                .doesNotContainKey("policies");
        assertThat(up.loginResult("bob", "old").token().policies()).containsExactly("admin", "web");
    }

    @Test
    void policies_legacyName_setsThePoliciesAndShowsTheMirror() {
        up.write("users/bob/policies", "{'policies':['ops']}");

        assertThat(up.read("users/bob").data()).containsEntry("token_policies", List.of("ops"))
                .containsEntry("policies", List.of("ops"));

        up.write("users/bob/policies", "{'token_policies':'db'}");

        assertThat(up.read("users/bob").data()).containsEntry("token_policies", List.of("db")).doesNotContainKey("policies");
    }

    @Test
    void policies_bothNames_tokenPoliciesWinAndTheMirrorStays() {
        up.write("users/bob/policies", "{'token_policies':'a','policies':'b'}");

        assertThat(up.read("users/bob").data()).containsEntry("token_policies", List.of("a"))
                .containsEntry("policies", List.of("a"));
    }

    @Test
    void policies_emptyList_clearsThePolicies() {
        up.write("users/bob/policies", "{'token_policies':''}");

        assertThat(up.read("users/bob").data()).containsEntry("token_policies", List.of());
    }

    @Test
    void policies_noField_changesNothing() {
        String before = up.storage().text("user/bob");

        up.write("users/bob/policies", "{}");

        assertThat(up.storage().text("user/bob")).isEqualTo(before);
    }

    @Test
    void policies_unknownUser_is400() {
        LogicalException e = up.failure(Operation.UPDATE, "users/zed/policies", "{'token_policies':'a'}");

        assertThat(e.errors()).containsExactly("username does not exist");
    }

    @Test
    void policies_wrongType_is400() {
        LogicalException e = up.failure(Operation.UPDATE, "users/bob/policies", "{'token_policies':{'a':'b'}}");

        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(e.errors()).containsExactly("error converting input for field \"token_policies\": expected a list of strings");
    }

    @Test
    void policies_otherTokenFieldsInTheBody_areIgnored() {
        up.write("users/bob/policies", "{'token_policies':'x','token_ttl':999}");

        assertThat(up.read("users/bob").data()).containsEntry("token_ttl", 60L).containsEntry("token_policies", List.of("x"));
    }
}

package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.logical.LoginResult;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.TokenParams;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.LogicalException;
import io.coffer.sdk.logical.exception.NotFoundException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserpassLoginTest {
    private final UserpassFixture up = new UserpassFixture();

    @Test
    void login_rightPassword_reportsLoginResultWithTheUsersToken() {
        up.createUser("bob", "pw", "'token_policies':'Dev,ops','token_ttl':'1h','token_max_ttl':'2h',"
                + "'token_num_uses':5,'token_period':0,'token_type':'service','token_no_default_policy':true");

        Response r = up.login("bob", "pw");

        assertThat(r.data()).isNull();
        assertThat(r.auth()).isNull();
        LoginResult login = r.login();
        assertThat(login.aliasName()).isEqualTo("bob");
        assertThat(login.aliasMetadata()).isEqualTo(Map.of("username", "bob"));
        assertThat(login.displayName()).isEqualTo("bob");
        assertThat(login.metadata()).isEqualTo(Map.of("username", "bob"));
        assertThat(login.token()).isEqualTo(new TokenParams(List.of("dev", "ops"), 3600, 7200, 0, 0, 5, List.of(),
                "service", true));
        assertThat(r.isEmpty()).isFalse();
    }

    @Test
    void login_caseAndWhitespaceVariants_logInAsTheLowerCaseUser() {
        up.createUser("alice", "pw", "");

        for (String variant : List.of("Alice", "ALICE", " alice", "alice ", "\taLiCe ")) {
            LoginResult login = up.loginResult(variant, "pw");
            assertThat(login.aliasName()).as(variant).isEqualTo("alice");
            assertThat(login.metadata()).as(variant).isEqualTo(Map.of("username", "alice"));
        }
    }

    @Test
    void login_wrongPasswordAndUnknownUser_failIdentically() {
        up.createUser("bob", "pw", "");

        LogicalException wrongPassword = up.loginFailure("bob", "nope");
        LogicalException unknownUser = up.loginFailure("mallory", "nope");

        for (LogicalException e : List.of(wrongPassword, unknownUser)) {
            assertThat(e).isExactlyInstanceOf(InvalidRequestException.class);
            assertThat(e.errors()).containsExactly("invalid username or password");
            assertThat(e.getMessage()).isEqualTo("invalid username or password");
            assertThat(e.getCause()).isNull();
        }
    }

    @Test
    void login_unknownUser_runsOneBcryptCheckOfTheSameCostAsAKnownUser() {
        up.createUser("bob", "pw", "");
        up.hasher().reset();

        up.loginFailure("bob", "wrong");
        up.loginFailure("nobody", "wrong");
        up.loginFailure("not a valid name", "wrong");

        List<String> checked = up.hasher().verifiedAgainst();
        assertThat(checked).hasSize(3);
        String userHash = checked.get(0);
        assertThat(checked.get(1)).isEqualTo(up.hasher().dummyHash()).isNotEqualTo(userHash);
        assertThat(checked.get(2)).isEqualTo(up.hasher().dummyHash());
        // same algorithm and cost: "$2b$04$"
        assertThat(checked.get(1).substring(0, 7)).isEqualTo(userHash.substring(0, 7)).isEqualTo("$2b$04$");
        assertThat(up.hasher().hashes()).as("no password hash is made on login").isZero();
    }

    @Test
    void login_unknownUser_doesTheSameStorageWorkAsAWrongPassword() {
        up.createUser("bob", "pw", "");
        CountingStorage known = new CountingStorage(up.storage());
        CountingStorage unknown = new CountingStorage(up.storage());

        loginVia(known, "bob");
        loginVia(unknown, "nobody");

        assertThat(known.writes()).isEqualTo(1);
        assertThat(unknown.writes()).isEqualTo(known.writes());
        assertThat(unknown.reads()).isEqualTo(known.reads());
        assertThat(up.storage().keys()).containsExactly("lockout-decoy", "lockout/bob", "user/bob");
    }

    private void loginVia(CountingStorage view, String name) {
        try {
            up.sendVia(view, Operation.UPDATE, "login/" + name, "{'password':'wrong'}", "127.0.0.1");
            throw new AssertionError("login succeeded");
        } catch (InvalidRequestException expected) {
            assertThat(expected.errors()).containsExactly("invalid username or password");
        }
    }

    @Test
    void login_missingOrEmptyPassword_is400MissingPasswordAndCountsNothing() {
        up.createUser("bob", "pw", "");
        up.hasher().reset();

        LogicalException absent = up.failureFrom(Operation.UPDATE, "login/bob", "{}", "127.0.0.1");
        LogicalException empty = up.loginFailure("bob", "");
        LogicalException nullPassword = up.failureFrom(Operation.UPDATE, "login/bob", "{'password':null}", "127.0.0.1");

        for (LogicalException e : List.of(absent, empty, nullPassword)) {
            assertThat(e).isInstanceOf(InvalidRequestException.class);
            assertThat(e.errors()).containsExactly("missing password");
        }
        assertThat(up.hasher().verifications()).isZero();
        assertThat(up.storage().keys()).containsExactly("user/bob");
    }

    @Test
    void login_passwordOfWrongType_is400() {
        up.createUser("bob", "pw", "");

        LogicalException e = up.failureFrom(Operation.UPDATE, "login/bob", "{'password':['pw']}", "127.0.0.1");

        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(e.errors()).containsExactly("error converting input for field \"password\": expected a string");
    }

    @Test
    void login_passwordSharingA72BytePrefix_isRefused() {
        String stored = "p".repeat(72);
        up.createUser("bob", stored, "");

        assertThat(up.login("bob", stored).login()).isNotNull();
        assertThat(up.loginFailure("bob", stored + "x").errors()).containsExactly("invalid username or password");
    }

    @Test
    void login_boundCidrsAllowTheCaller_succeeds() {
        up.createUser("bob", "pw", "'token_bound_cidrs':'10.1.0.0/16,192.168.0.7'");

        assertThat(up.loginFrom("bob", "pw", "10.1.2.3").login()).isNotNull();
        assertThat(up.loginFrom("bob", "pw", "192.168.0.7").login()).isNotNull();
    }

    @Test
    void login_boundCidrsRefuseTheCaller_is403PermissionDenied() {
        up.createUser("bob", "pw", "'token_bound_cidrs':['10.1.0.0/16']");

        LogicalException e = up.loginFailureFrom("bob", "pw", "10.2.0.1");

        assertThat(e).isInstanceOf(PermissionDeniedException.class);
        assertThat(e.errors()).containsExactly("permission denied");
    }

    @Test
    void login_legacyBoundCidrs_areEnforced() {
        up.createUser("bob", "pw", "'bound_cidrs':'127.0.0.1/32'");

        assertThat(up.loginFrom("bob", "pw", "127.0.0.1").login()).isNotNull();
        assertThat(up.loginFailureFrom("bob", "pw", "127.0.0.2")).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void login_boundCidrsWithoutAKnownCallerAddress_isRefused() {
        up.createUser("bob", "pw", "'token_bound_cidrs':'0.0.0.0/0'");

        assertThat(up.loginFailureFrom("bob", "pw", "")).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void login_boundCidrsRefusal_neitherCountsNorClearsFailures() {
        up.createUser("bob", "pw", "'token_bound_cidrs':'10.0.0.0/8'");
        up.loginFailureFrom("bob", "wrong", "10.0.0.1");
        String failures = up.storage().text("lockout/bob");

        up.loginFailureFrom("bob", "pw", "11.0.0.1");

        assertThat(up.storage().text("lockout/bob")).isEqualTo(failures);
    }

    @Test
    void login_wrongPasswordAgainstBoundCidrs_isStillInvalidCredentials() {
        up.createUser("bob", "pw", "'token_bound_cidrs':'10.0.0.0/8'");

        assertThat(up.loginFailureFrom("bob", "wrong", "11.0.0.1").errors()).containsExactly("invalid username or password");
    }

    @Test
    void login_emptyOrNestedName_isUnsupportedPath() {
        assertThat(up.failure(Operation.UPDATE, "login/", "{'password':'pw'}")).isInstanceOf(NotFoundException.class);
        assertThat(up.failure(Operation.UPDATE, "login/a/b", "{'password':'pw'}")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void login_readOperation_isUnsupported() {
        LogicalException e = up.failure(Operation.READ, "login/bob", "");

        assertThat(e.getClass().getSimpleName()).isEqualTo("OperationNotSupportedException");
    }

    @Test
    void unauthenticatedPaths_areTheLoginEndpoints() {
        assertThat(up.backend().unauthenticatedPaths()).containsExactly("login/*");
        assertThat(up.backend().rootPaths()).isEmpty();
    }

    @Test
    void failures_neverCarryThePasswordOrHash() {
        up.createUser("bob", "Sup3rSecret", "");

        List<LogicalException> failures = List.of(
                up.loginFailure("bob", "Sup3rSecreX"),
                up.loginFailure("nobody", "Sup3rSecret"),
                up.failure(Operation.UPDATE, "users/bob", "{'password':'Sup3rSecret','token_ttl':'x'}"),
                up.failure(Operation.UPDATE, "users/zed/password", "{'password':'Sup3rSecret'}"));

        for (LogicalException e : failures) {
            assertThat(e.getMessage()).doesNotContain("Sup3r").doesNotContain("$2b$");
        }
    }
}

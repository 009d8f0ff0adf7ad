package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoginScenariosTest {
    private static final String TOKEN = "s.login-setup-token-91c2";

    private static LoginScenarios logins(FakeAuthVault vault, String token) {
        return new LoginScenarios(vault.endpoint(), token, Duration.ofSeconds(5), new SplittableRandom(3), "default");
    }

    private static String head(EncodedRequest r) {
        return new String(r.head(), StandardCharsets.ISO_8859_1);
    }

    private static String body(EncodedRequest r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void approle_freshServer_enablesWritesRoleAndBuildsTokenlessLogin() throws Exception {
        try (FakeAuthVault vault = new FakeAuthVault(TOKEN)) {
            Scenario s = logins(vault, TOKEN).approle("approle");

            assertThat(vault.authMounts).containsEntry("approle", "approle");
            assertThat(vault.roleBodies).containsOnlyKeys(LoginScenarios.ROLE);
            assertThat(vault.roleBodies.get(LoginScenarios.ROLE))
                    .contains("\"token_policies\":\"default\"", "\"secret_id_num_uses\":0", "\"token_type\":\"default\"");
            assertThat(s.name()).isEqualTo(VaultScenarios.APPROLE_LOGIN);
            assertThat(s.check()).isSameAs(ResponseCheck.LOGIN);
            assertThat(s.requests()).hasSize(1);
            EncodedRequest login = s.requests().get(0);
            assertThat(login.toString()).isEqualTo("POST /v1/auth/approle/login");
            assertThat(head(login)).doesNotContain("X-Vault-Token").contains("Content-Type: application/json");
            assertThat(body(login)).isEqualTo("{\"role_id\":\"" + FakeAuthVault.ROLE_ID + "\",\"secret_id\":\"secret-0\"}");
            assertThat(vault.tokensIssued.get()).isEqualTo(1);  // the trial login
            assertThat(vault.loginsWithToken.get()).isZero();
        }
    }

    @Test
    void approle_runTwice_reusesTheMountAndAddsASecretId() throws Exception {
        try (FakeAuthVault vault = new FakeAuthVault(TOKEN)) {
            logins(vault, TOKEN).approle("approle");

            Scenario again = logins(vault, TOKEN).approle("approle");

            assertThat(vault.authMounts).hasSize(1);
            assertThat(vault.secretIds).containsExactly("secret-0", "secret-1");
            assertThat(body(again.requests().get(0))).contains("\"secret_id\":\"secret-1\"");
        }
    }

    @Test
    void approle_pathTakenByAnotherMethod_failsNamingIt() throws Exception {
        try (FakeAuthVault vault = new FakeAuthVault(TOKEN)) {
            vault.authMounts.put("approle", "userpass");

            assertThatThrownBy(() -> logins(vault, TOKEN).approle("approle"))
                    .isInstanceOf(BenchFailure.class)
                    .hasMessage("setup failed: auth/approle/ is already in use by a userpass mount; "
                            + "pick another path with -approle-mount");
        }
    }

    @Test
    void approle_otherMountPath_isUsedThroughout() throws Exception {
        try (FakeAuthVault vault = new FakeAuthVault(TOKEN)) {
            vault.authMounts.put("approle", "userpass");

            Scenario s = logins(vault, TOKEN).approle("bench-approle");

            assertThat(vault.authMounts).containsEntry("bench-approle", "approle");
            assertThat(s.requests().get(0).toString()).isEqualTo("POST /v1/auth/bench-approle/login");
        }
    }

    @Test
    void setup_wrongToken_failsWithStatusAndMasksToken() throws Exception {
        String wrong = "s.not-the-token-55";
        try (FakeAuthVault vault = new FakeAuthVault(TOKEN)) {
            assertThatThrownBy(() -> logins(vault, wrong).approle("approle"))
                    .isInstanceOf(BenchFailure.class)
                    .hasMessageContaining("setup failed: POST /v1/sys/auth/approle returned 403")
                    .hasMessageContaining("permission denied for <redacted>")
                    .message().doesNotContain(wrong);
        }
    }

    @Test
    void setup_loginAnswerWithoutToken_failsTheTrialLogin() throws Exception {
        try (FakeAuthVault vault = new FakeAuthVault(TOKEN)) {
            vault.loginOverride = "{\"data\":null,\"auth\":null}";

            assertThatThrownBy(() -> logins(vault, TOKEN).approle("approle"))
                    .isInstanceOf(BenchFailure.class)
                    .hasMessage("setup failed: trial login POST /v1/auth/approle/login returned 200 without auth.client_token");
        }
    }

    @Test
    void userpass_oneUser_writesBenchUserAndLogsInWithItsPassword() throws Exception {
        try (FakeAuthVault vault = new FakeAuthVault(TOKEN)) {
            Scenario s = logins(vault, TOKEN).userpass("userpass", 1);

            assertThat(vault.authMounts).containsEntry("userpass", "userpass");
            assertThat(vault.passwords).containsOnlyKeys(LoginScenarios.USER);
            String password = vault.passwords.get(LoginScenarios.USER);
            assertThat(password).hasSize(24).doesNotContain("\"", "\\");
            assertThat(s.name()).isEqualTo(VaultScenarios.USERPASS_LOGIN);
            assertThat(s.check()).isSameAs(ResponseCheck.LOGIN);
            assertThat(s.requests()).extracting(EncodedRequest::toString)
                    .containsExactly("POST /v1/auth/userpass/login/bench-user");
            assertThat(body(s.requests().get(0))).isEqualTo("{\"password\":\"" + password + "\"}");
            assertThat(head(s.requests().get(0))).doesNotContain("X-Vault-Token");
            assertThat(vault.tokensIssued.get()).isEqualTo(1);
        }
    }

    @Test
    void userpass_severalUsersRunTwice_overwritesUsersWithANewPassword() throws Exception {
        try (FakeAuthVault vault = new FakeAuthVault(TOKEN)) {
            logins(vault, TOKEN).userpass("userpass", 3);
            String first = vault.passwords.get("bench-user-0");

            Scenario s = new LoginScenarios(vault.endpoint(), TOKEN, Duration.ofSeconds(5), new SplittableRandom(4),
                    "batch").userpass("userpass", 3);

            assertThat(vault.passwords).containsOnlyKeys("bench-user-0", "bench-user-1", "bench-user-2");
            assertThat(vault.userBodies.get("bench-user-1")).contains("\"token_type\":\"batch\"");
            assertThat(vault.passwords.get("bench-user-2")).isEqualTo(vault.passwords.get("bench-user-0")).isNotEqualTo(first);
            assertThat(s.requests()).extracting(EncodedRequest::toString).containsExactly(
                    "POST /v1/auth/userpass/login/bench-user-0", "POST /v1/auth/userpass/login/bench-user-1",
                    "POST /v1/auth/userpass/login/bench-user-2");
        }
    }

    @Test
    void userpass_nothingListening_failsWithConnectionError() throws Exception {
        HttpEndpoint endpoint;
        try (FakeAuthVault vault = new FakeAuthVault(TOKEN)) {
            endpoint = vault.endpoint();
        }

        assertThatThrownBy(() -> new LoginScenarios(endpoint, TOKEN, Duration.ofSeconds(2), new SplittableRandom(1),
                "default").userpass("userpass", 1))
                .isInstanceOf(BenchFailure.class)
                .hasMessageStartingWith("setup failed: POST /v1/sys/auth/userpass: java.net.ConnectException");
    }
}

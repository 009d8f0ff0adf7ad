package io.coffer.cli.command.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
import io.coffer.cli.RecordingHttpServer;
import io.coffer.cli.RecordingHttpServer.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginCommandTest {
    private static final String LOOKUP =
            "{\"data\":{\"accessor\":\"acc\",\"id\":\"hvs.root\",\"policies\":[\"root\"],\"ttl\":0,"
                    + "\"renewable\":false,\"orphan\":true}}";

    @TempDir Path home;
    private final FakeTransport server = new FakeTransport();

    private CliHarness cli() {
        return new CliHarness(server, home).env("VAULT_TOKEN", null);
    }

    @Test
    void login_token_verifiesStoresAndPrintsLikeVault() throws Exception {
        server.on("GET /v1/auth/token/lookup-self", 200, LOOKUP);
        Result r = cli().run("login", "hvs.root");
        assertThat(r.exitCode()).isZero();
        assertThat(server.requests().get(0).headers()).containsEntry("X-Vault-Token", "hvs.root");
        Path file = home.resolve(".vault-token");
        assertThat(Files.readString(file)).isEqualTo("hvs.root");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(r.out())
                .isEqualTo(
                        "Success! You are now authenticated. The token information displayed below\n"
                                + "is already stored in the token helper. You do NOT need to run \"coffer login\"\n"
                                + "again. Future Coffer requests will automatically use this token.\n"
                                + "\n"
                                + "Key                  Value\n"
                                + "---                  -----\n"
                                + "token                hvs.root\n"
                                + "token_accessor       acc\n"
                                + "token_duration       \u221e\n"
                                + "token_renewable      false\n"
                                + "token_policies       [\"root\"]\n"
                                + "identity_policies    []\n"
                                + "policies             [\"root\"]\n");
    }

    @Test
    void login_dash_readsTokenFromStdin() {
        server.on("GET /v1/auth/token/lookup-self", 200, LOOKUP);
        Result r = cli().stdin("hvs.root\n").run("login", "-");
        assertThat(r.exitCode()).isZero();
        assertThat(server.requests().get(0).headers()).containsEntry("X-Vault-Token", "hvs.root");
    }

    @Test
    void login_badToken_exits2AndStoresNothing() {
        server.on("GET /v1/auth/token/lookup-self", 403, "{\"errors\":[\"permission denied\"]}");
        Result r = cli().run("login", "hvs.bad");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error authenticating: error looking up token: Error making API request.");
        assertThat(home.resolve(".vault-token")).doesNotExist();
    }

    @Test
    void login_noTokenAndNoTerminal_exits2() {
        Result r = cli().run("login");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("pass \"-\" as the argument to read from stdin");
    }

    @Test
    void login_vaultTokenSet_warns() {
        server.on("GET /v1/auth/token/lookup-self", 200, LOOKUP);
        Result r = cli().env("VAULT_TOKEN", "hvs.other").run("login", "hvs.root");
        assertThat(r.err()).startsWith("WARNING! The VAULT_TOKEN environment variable is set!");
    }

    @Test
    void login_noStoreJson_printsSecretAndKeepsFileAbsent() {
        server.on("GET /v1/auth/token/lookup-self", 200, LOOKUP);
        Result r = cli().run("login", "-no-store", "-format=json", "hvs.root");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"client_token\": \"hvs.root\"").doesNotContain("Success!");
        assertThat(home.resolve(".vault-token")).doesNotExist();
    }

    @Test
    void login_tokenOnly_printsBareToken() {
        server.on("GET /v1/auth/token/lookup-self", 200, LOOKUP);
        assertThat(cli().run("login", "-token-only", "hvs.root").out()).isEqualTo("hvs.root");
    }

    @Test
    void login_userpass_postsPasswordToLoginPath() {
        server.on("POST /v1/auth/userpass/login/bob", 200,
                "{\"auth\":{\"client_token\":\"hvs.bob\",\"accessor\":\"a\",\"policies\":[\"default\"],"
                        + "\"lease_duration\":2764800,\"renewable\":true}}");
        Result r = cli().run("login", "-method=userpass", "username=bob", "password=pw");
        assertThat(r.exitCode()).isZero();
        assertThat(server.body(0)).isEqualTo("{\"password\":\"pw\"}");
        assertThat(server.requests().get(0).headers()).doesNotContainKey("X-Vault-Token");
        assertThat(r.out()).contains("token_duration       768h");
    }

    // ---------------------------------------------------------------- userpass

    private static final String BOB_LOGIN =
            "{\"request_id\":\"r1\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,\"data\":null,"
                    + "\"wrap_info\":null,\"warnings\":null,\"auth\":{\"client_token\":\"hvs.CAESIbob\","
                    + "\"accessor\":\"acc-bob\",\"policies\":[\"default\",\"dev\"],\"token_policies\":[\"default\",\"dev\"],"
                    + "\"identity_policies\":[],\"metadata\":{\"username\":\"bob\"},\"lease_duration\":2764800,"
                    + "\"renewable\":true,\"entity_id\":\"e1\",\"token_type\":\"service\",\"orphan\":true,"
                    + "\"mfa_requirement\":null,\"num_uses\":0}}";

    private static final String SUCCESS =
            "Success! You are now authenticated. The token information displayed below\n"
                    + "is already stored in the token helper. You do NOT need to run \"coffer login\"\n"
                    + "again. Future Coffer requests will automatically use this token.\n"
                    + "\n";

    private static final String BOB_TABLE =
            "Key                    Value\n"
                    + "---                    -----\n"
                    + "token                  hvs.CAESIbob\n"
                    + "token_accessor         acc-bob\n"
                    + "token_duration         768h\n"
                    + "token_renewable        true\n"
                    + "token_policies         [\"default\" \"dev\"]\n"
                    + "identity_policies      []\n"
                    + "policies               [\"default\" \"dev\"]\n"
                    + "token_meta_username    bob\n";

    private static final String BAD_PASSWORD = "{\"errors\":[\"invalid username or password\"]}";

    private void assertStoredWithMode0600(String token) throws Exception {
        Path file = home.resolve(".vault-token");
        assertThat(Files.readString(file)).isEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void userpass_passwordArgument_postsLoginStoresTokenAndPrintsVaultsTable() throws Exception {
        server.on("POST /v1/auth/userpass/login/bob", 200, BOB_LOGIN);
        Result r = cli().run("login", "-method=userpass", "username=bob", "password=correct horse");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("POST /v1/auth/userpass/login/bob");
        assertThat(server.body(0)).isEqualTo("{\"password\":\"correct horse\"}");
        assertThat(server.requests().get(0).headers()).doesNotContainKey("X-Vault-Token");
        assertThat(r.out()).isEqualTo(SUCCESS + BOB_TABLE);
        assertStoredWithMode0600("hvs.CAESIbob");
    }

    @Test
    void userpass_existingTokenFile_isReplacedAndTightenedTo0600() throws Exception {
        Path file = home.resolve(".vault-token");
        Files.writeString(file, "hvs.old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        server.on("POST /v1/auth/userpass/login/bob", 200, BOB_LOGIN);
        Result r = cli().run("login", "-method=userpass", "username=bob", "password=pw");
        assertThat(r.exitCode()).isZero();
        assertThat(server.requests().get(0).headers()).doesNotContainKey("X-Vault-Token");
        assertStoredWithMode0600("hvs.CAESIbob");
    }

    @Test
    void userpass_missingPassword_isPromptedOnStderrAndReadFromStdin() throws Exception {
        server.on("POST /v1/auth/userpass/login/bob", 200, BOB_LOGIN);
        Result r = cli().stdin("s3cret pass\n").run("login", "-method=userpass", "username=bob");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEqualTo("Password (will be hidden): \n");
        assertThat(server.body(0)).isEqualTo("{\"password\":\"s3cret pass\"}");
        assertThat(r.out()).isEqualTo(SUCCESS + BOB_TABLE).doesNotContain("s3cret");
        assertStoredWithMode0600("hvs.CAESIbob");
    }

    @Test
    void userpass_passwordDash_readsStdinWithoutTrailingNewline() {
        server.on("POST /v1/auth/userpass/login/bob", 200, BOB_LOGIN);
        Result r = cli().stdin("s3cret\r\n").run("login", "-method=userpass", "username=bob", "password=-");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(server.body(0)).isEqualTo("{\"password\":\"s3cret\"}");
    }

    @Test
    void userpass_wrongPassword_printsVaultsErrorExits2AndStoresNothing() {
        server.on("POST /v1/auth/userpass/login/bob", 400, BAD_PASSWORD);
        Result r = cli().run("login", "-method=userpass", "username=bob", "password=wrong-pw");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo(
                        "Error authenticating: Error making API request.\n\n"
                                + "URL: POST http://127.0.0.1:8200/v1/auth/userpass/login/bob\n"
                                + "Code: 400. Errors:\n\n"
                                + "* invalid username or password\n");
        assertThat(r.err()).doesNotContain("wrong-pw");
        assertThat(home.resolve(".vault-token")).doesNotExist();
    }

    @Test
    void userpass_pathFlag_selectsMount() {
        server.on("POST /v1/auth/people/login/bob", 200, BOB_LOGIN);
        Result r = cli().run("login", "-method=userpass", "-path=people", "username=bob", "password=pw");
        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("POST /v1/auth/people/login/bob");
    }

    @Test
    void userpass_mountArgument_overridesPathAsInVault() {
        server.on("POST /v1/auth/staff/login/bob", 200, BOB_LOGIN);
        Result r = cli().run("login", "-method=userpass", "-path=people", "mount=staff", "username=bob",
                "password=pw");
        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("POST /v1/auth/staff/login/bob");
        assertThat(server.body(0)).isEqualTo("{\"password\":\"pw\"}");
    }

    @Test
    void userpass_tokenOnly_printsOnlyTheTokenAndStoresNothing() {
        server.on("POST /v1/auth/userpass/login/bob", 200, BOB_LOGIN);
        Result r = cli().run("login", "-method=userpass", "-token-only", "username=bob", "password=pw");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("hvs.CAESIbob");
        assertThat(r.err()).isEmpty();
        assertThat(home.resolve(".vault-token")).doesNotExist();
    }

    @Test
    void userpass_noStore_warnsPrintsTableAndStoresNothing() {
        server.on("POST /v1/auth/userpass/login/bob", 200, BOB_LOGIN);
        Result r = cli().run("login", "-method=userpass", "-no-store", "username=bob", "password=pw");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err())
                .isEqualTo(
                        "The token was not stored in token helper. Set the VAULT_TOKEN environment\n"
                                + "variable or pass the token below with each request to Coffer.\n\n");
        assertThat(r.out()).isEqualTo(SUCCESS + BOB_TABLE);
        assertThat(home.resolve(".vault-token")).doesNotExist();
    }

    @Test
    void userpass_json_printsVaultsSecretAndStoresToken() throws Exception {
        server.on("POST /v1/auth/userpass/login/bob", 200, BOB_LOGIN);
        Result r = cli().run("login", "-method=userpass", "-format=json", "username=bob", "password=pw");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .isEqualTo(
                        "{\n"
                                + "  \"request_id\": \"r1\",\n"
                                + "  \"lease_id\": \"\",\n"
                                + "  \"lease_duration\": 0,\n"
                                + "  \"renewable\": false,\n"
                                + "  \"data\": null,\n"
                                + "  \"warnings\": null,\n"
                                + "  \"auth\": {\n"
                                + "    \"client_token\": \"hvs.CAESIbob\",\n"
                                + "    \"accessor\": \"acc-bob\",\n"
                                + "    \"policies\": [\n"
                                + "      \"default\",\n"
                                + "      \"dev\"\n"
                                + "    ],\n"
                                + "    \"token_policies\": [\n"
                                + "      \"default\",\n"
                                + "      \"dev\"\n"
                                + "    ],\n"
                                + "    \"identity_policies\": [],\n"
                                + "    \"metadata\": {\n"
                                + "      \"username\": \"bob\"\n"
                                + "    },\n"
                                + "    \"orphan\": true,\n"
                                + "    \"entity_id\": \"e1\",\n"
                                + "    \"lease_duration\": 2764800,\n"
                                + "    \"renewable\": true,\n"
                                + "    \"mfa_requirement\": null\n"
                                + "  }\n"
                                + "}\n");
        assertStoredWithMode0600("hvs.CAESIbob");
    }

    @Test
    void userpass_missingUsername_exits2WithoutRequest() {
        Result r = cli().run("login", "-method=userpass", "password=pw");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Error authenticating: 'username' must be specified\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void userpass_nonInteractiveWithoutPassword_refusesToPrompt() {
        Result r = cli().stdin("pw\n").run("login", "-method=userpass", "-non-interactive", "username=bob");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("Error authenticating: 'password' must be specified and refusing to pull from stdin\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void userpass_overRealHttp_sendsJsonWithoutToken() throws Exception {
        try (RecordingHttpServer http = new RecordingHttpServer()) {
            http.on("POST /v1/auth/userpass/login/bob", 200, BOB_LOGIN);
            Result r = new CliHarness(http, home).run("login", "-method=userpass", "username=bob", "password=pw");
            assertThat(r.exitCode()).isZero();
            assertThat(http.requestLines()).containsExactly("POST /v1/auth/userpass/login/bob");
            Request req = http.requests().get(0);
            assertThat(req.header("X-Vault-Token")).isNull();
            assertThat(req.header("Content-Type")).isEqualTo("application/json");
            assertThat(req.bodyText()).isEqualTo("{\"password\":\"pw\"}");
            assertThat(r.out()).isEqualTo(SUCCESS + BOB_TABLE);
            // the harness sets VAULT_TOKEN, which takes precedence: vault warns about it
            assertThat(r.err()).startsWith("WARNING! The VAULT_TOKEN environment variable is set!");
            assertStoredWithMode0600("hvs.CAESIbob");
        }
    }

    // ---------------------------------------------------------------- approle

    private static final String APPROLE_LOGIN =
            "{\"request_id\":\"r2\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,\"data\":null,"
                    + "\"wrap_info\":null,\"warnings\":null,\"auth\":{\"client_token\":\"hvs.CAESIci\","
                    + "\"accessor\":\"acc-ci\",\"policies\":[\"ci\",\"default\"],\"token_policies\":[\"ci\",\"default\"],"
                    + "\"identity_policies\":null,\"metadata\":{\"role_name\":\"ci\"},\"lease_duration\":1200,"
                    + "\"renewable\":true,\"entity_id\":\"e2\",\"token_type\":\"service\",\"orphan\":true}}";

    private static final String CI_TABLE =
            "Key                     Value\n"
                    + "---                     -----\n"
                    + "token                   hvs.CAESIci\n"
                    + "token_accessor          acc-ci\n"
                    + "token_duration          20m\n"
                    + "token_renewable         true\n"
                    + "token_policies          [\"ci\" \"default\"]\n"
                    + "identity_policies       []\n"
                    + "policies                [\"ci\" \"default\"]\n"
                    + "token_meta_role_name    ci\n";

    @Test
    void approle_postsRoleAndSecretIdStoresTokenAndPrintsTable() throws Exception {
        server.on("POST /v1/auth/approle/login", 200, APPROLE_LOGIN);
        Result r = cli().run("login", "-method=approle", "role_id=3b1c-role", "secret_id=9f2e-secret");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("POST /v1/auth/approle/login");
        assertThat(server.body(0)).isEqualTo("{\"role_id\":\"3b1c-role\",\"secret_id\":\"9f2e-secret\"}");
        assertThat(server.requests().get(0).headers()).doesNotContainKey("X-Vault-Token");
        assertThat(r.out()).isEqualTo(SUCCESS + CI_TABLE);
        assertStoredWithMode0600("hvs.CAESIci");
    }

    @Test
    void approle_secretIdFromStdinOrFile_isTrimmed() throws Exception {
        server.on("POST /v1/auth/ci-machines/login", 200, APPROLE_LOGIN);
        Result fromStdin = cli().stdin("9f2e-secret\n")
                .run("login", "-method=approle", "-path=ci-machines", "role_id=3b1c-role", "secret_id=-");
        assertThat(fromStdin.exitCode()).isZero();
        Files.writeString(home.resolve("secret-id"), "9f2e-secret\n");
        Result fromFile = cli().run("login", "-method=approle", "-path=ci-machines/", "role_id=3b1c-role",
                "secret_id=@secret-id");
        assertThat(fromFile.exitCode()).isZero();
        assertThat(server.requestLines())
                .containsExactly("POST /v1/auth/ci-machines/login", "POST /v1/auth/ci-machines/login");
        assertThat(server.body(0)).isEqualTo("{\"role_id\":\"3b1c-role\",\"secret_id\":\"9f2e-secret\"}");
        assertThat(server.body(1)).isEqualTo(server.body(0));
    }

    @Test
    void approle_withoutSecretId_sendsRoleIdOnly() {
        server.on("POST /v1/auth/approle/login", 200, APPROLE_LOGIN);
        Result r = cli().run("login", "-method=approle", "-token-only", "role_id=3b1c-role");
        assertThat(r.exitCode()).isZero();
        assertThat(server.body(0)).isEqualTo("{\"role_id\":\"3b1c-role\"}");
        assertThat(r.out()).isEqualTo("hvs.CAESIci");
        assertThat(home.resolve(".vault-token")).doesNotExist();
    }

    @Test
    void approle_missingRoleId_exits2WithoutRequest() {
        Result r = cli().run("login", "-method=approle", "secret_id=9f2e-secret");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Error authenticating: 'role_id' must be specified\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void approle_badSecretId_exits2WithVaultsErrorAndNeverEchoesIt() {
        server.on("POST /v1/auth/approle/login", 400, "{\"errors\":[\"invalid role or secret ID\"]}");
        Result r = cli().run("login", "-method=approle", "role_id=3b1c-role", "secret_id=9f2e-secret");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo(
                        "Error authenticating: Error making API request.\n\n"
                                + "URL: POST http://127.0.0.1:8200/v1/auth/approle/login\n"
                                + "Code: 400. Errors:\n\n"
                                + "* invalid role or secret ID\n");
        assertThat(home.resolve(".vault-token")).doesNotExist();
    }

    // ---------------------------------------------------------------- argument errors

    @Test
    void unknownMethod_exits1WithVaultsText() {
        Result r = cli().run("login", "-method=github", "token=x");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo(
                        "Unknown auth method: github. Use \"coffer auth list\" to see the complete list\n"
                                + "of auth methods. Additionally, some auth methods are only available via the\n"
                                + "HTTP API.\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void noStoreWithNoPrint_exits1() {
        Result r = cli().run("login", "-method=userpass", "-no-store", "-no-print", "username=bob", "password=pw");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("-no-store and -no-print cannot be used together\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void badConfigurationArgument_exits1() {
        Result r = cli().run("login", "-method=userpass", "username");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo("Error parsing configuration: Invalid key/value pair 'username': format must be key=value\n");
        assertThat(server.requests()).isEmpty();
    }
}

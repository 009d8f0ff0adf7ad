package io.coffer.cli.command.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
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
}

package io.coffer.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.it.cli.CliSession.Result;
import io.coffer.it.http.DevServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code token create|lookup|renew|revoke|capabilities} and {@code login}, with ACL effects. */
class CliTokenAndLoginEndToEndTest {
    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    @TempDir
    static Path adminHome;

    @TempDir
    Path home;

    private CliSession root;

    @BeforeAll
    static void policies() {
        CliSession admin = new CliSession(SERVER.address(), SERVER.rootToken(), adminHome);
        Result p = admin.runWithStdin("path \"secret/data/team/*\" {\n  capabilities = [\"read\"]\n}\n",
                "policy", "write", "team-read", "-");
        assertThat(p.exitCode()).as(p.err()).isZero();
        Result w = admin.run("kv", "put", "secret/team/db", "password=s3cr3t");
        assertThat(w.exitCode()).as(w.err()).isZero();
        Result w2 = admin.run("kv", "put", "secret/private/db", "password=hidden");
        assertThat(w2.exitCode()).as(w2.err()).isZero();
    }

    @BeforeEach
    void setUp() {
        root = new CliSession(SERVER.address(), SERVER.rootToken(), home);
    }

    private static Result ok(CliSession cli, String... args) {
        Result r = cli.run(args);
        assertThat(r.exitCode()).as("exit code of %s, stderr: %s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    private String createToken(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "token";
        args[1] = "create";
        args[2] = "-field=token";
        System.arraycopy(extra, 0, args, 3, extra.length);
        String token = ok(root, args).out();
        assertThat(token).isNotBlank().doesNotContain("\n");
        return token;
    }

    @Test
    void create_table_printsTokenRowsLikeVault() {
        Result r = ok(root, "token", "create", "-policy=team-read", "-ttl=1h", "-metadata=owner=ci");

        assertThat(r.out()).startsWith("Key                  Value\n---                  -----\ntoken                ")
                .containsPattern("\ntoken_accessor +\\S+\n")
                .contains("\ntoken_duration       1h\n")
                .contains("\ntoken_renewable      true\n")
                .contains("\ntoken_policies       [\"default\" \"team-read\"]\n")
                .contains("\nidentity_policies    []\n")
                .contains("\npolicies             [\"default\" \"team-read\"]\n")
                .contains("\ntoken_meta_owner     ci\n");
    }

    @Test
    void create_json_hasAuthBlockInGoShape() {
        JsonNode j = ok(root, "token", "create", "-format=json", "-policy=team-read", "-no-default-policy",
                "-use-limit=5", "-display-name=ci").json();

        assertThat(j.path("data").isNull()).isTrue();
        JsonNode auth = j.path("auth");
        assertThat(auth.path("client_token").asText()).isNotEmpty();
        assertThat(auth.path("policies").toString()).isEqualTo("[\"team-read\"]");
        assertThat(auth.has("token_type")).isFalse();
        if (j.has("mount_type")) {
            assertThat(j.path("mount_type").asText()).isEqualTo("token");
        }
    }

    @Test
    void batchToken_createdByTheCli_readsAndLooksUpAsBatch_andCannotBeRevoked() {
        String token = createToken("-type=batch", "-policy=team-read", "-ttl=20m");
        assertThat(token).startsWith("hvb.");
        CliSession limited = new CliSession(SERVER.address(), token, home);

        assertThat(ok(limited, "kv", "get", "-field=password", "secret/team/db").out()).isEqualTo("s3cr3t");
        JsonNode self = ok(limited, "token", "lookup", "-format=json").json().path("data");
        assertThat(self.path("type").asText()).isEqualTo("batch");
        assertThat(self.path("accessor").asText()).isEmpty();
        assertThat(self.path("renewable").asBoolean()).isFalse();
        Result revoke = root.run("token", "revoke", token);
        assertThat(revoke.exitCode()).isEqualTo(2);
        assertThat(revoke.err()).contains("batch tokens cannot be revoked").doesNotContain(token);
    }

    @Test
    void limitedToken_readsAllowedPathAndIsDeniedElsewhere() {
        String token = createToken("-policy=team-read");
        CliSession limited = new CliSession(SERVER.address(), token, home);

        assertThat(ok(limited, "kv", "get", "-field=password", "secret/team/db").out()).isEqualTo("s3cr3t");

        Result denied = limited.run("kv", "get", "secret/private/db");
        assertThat(denied.exitCode()).isEqualTo(2);
        assertThat(denied.err()).contains("Code: 403").contains("permission denied").doesNotContain(token);

        Result write = limited.run("kv", "put", "secret/team/db", "password=x");
        assertThat(write.exitCode()).isEqualTo(2);
        assertThat(write.err()).contains("permission denied");
    }

    @Test
    void capabilities_limitedToken_listsPolicyCapabilities() {
        String token = createToken("-policy=team-read");

        assertThat(ok(root, "token", "capabilities", token, "secret/data/team/db").out()).isEqualTo("read\n");
        assertThat(ok(root, "token", "capabilities", token, "secret/data/private/db").out()).isEqualTo("deny\n");
        assertThat(ok(root, "token", "capabilities", "secret/data/anything").out()).isEqualTo("root\n");
        CliSession limited = new CliSession(SERVER.address(), token, home);
        assertThat(ok(limited, "token", "capabilities", "-format=json", "secret/data/team/x").json().toString())
                .isEqualTo("[\"read\"]");
    }

    @Test
    void lookup_selfTokenAndAccessor_showTokenData() {
        String token = createToken("-policy=team-read", "-ttl=30m");
        CliSession limited = new CliSession(SERVER.address(), token, home);

        Result self = ok(limited, "token", "lookup");
        assertThat(self.out()).containsPattern("\npolicies +\\[default team-read\\]\n")
                .containsPattern("\ncreation_ttl +30m\n");

        JsonNode byToken = ok(root, "token", "lookup", "-format=json", token).json().path("data");
        assertThat(byToken.path("id").asText()).isEqualTo(token);
        String accessor = byToken.path("accessor").asText();

        JsonNode byAccessor = ok(root, "token", "lookup", "-format=json", "-accessor", accessor).json().path("data");
        assertThat(byAccessor.path("accessor").asText()).isEqualTo(accessor);
        assertThat(byAccessor.path("id").asText()).isEmpty();
    }

    @Test
    void lookup_unknownToken_exits2() {
        Result r = root.run("token", "lookup", "hvs.not-a-real-token");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error looking up token: Error making API request.");
    }

    @Test
    void renew_withIncrement_extendsTtl() {
        String token = createToken("-ttl=10m", "-explicit-max-ttl=2h");

        Result r = ok(root, "token", "renew", "-increment=1h", token);
        assertThat(r.out()).contains("\ntoken_duration       1h\n");

        CliSession self = new CliSession(SERVER.address(), token, home);
        JsonNode renewed = ok(self, "token", "renew", "-format=json", "-increment=20m").json();
        assertThat(renewed.path("auth").path("lease_duration").asLong()).isEqualTo(1200);
    }

    @Test
    void revoke_token_makesItUnusable() {
        String token = createToken("-policy=team-read");

        assertThat(ok(root, "token", "revoke", token).out()).isEqualTo("Success! Revoked token (if it existed)\n");

        Result after = new CliSession(SERVER.address(), token, home).run("kv", "get", "secret/team/db");
        assertThat(after.exitCode()).isEqualTo(2);
        assertThat(after.err()).contains("Code: 403");
    }

    @Test
    void revoke_selfAndAccessor_work() {
        String token = createToken();
        ok(new CliSession(SERVER.address(), token, home), "token", "revoke", "-self");
        assertThat(root.run("token", "lookup", token).exitCode()).isEqualTo(2);

        String other = createToken();
        String accessor = ok(root, "token", "lookup", "-field=accessor", other).out();
        ok(root, "token", "revoke", "-accessor", accessor);
        assertThat(root.run("token", "lookup", other).exitCode()).isEqualTo(2);
    }

    @Test
    void revoke_orphanMode_keepsChildren() {
        String parent = createToken();
        CliSession asParent = new CliSession(SERVER.address(), parent, home);
        String child = ok(asParent, "token", "create", "-field=token").out();

        ok(root, "token", "revoke", "-mode=orphan", parent);

        assertThat(root.run("token", "lookup", parent).exitCode()).isEqualTo(2);
        assertThat(ok(root, "token", "lookup", "-format=json", child).json().path("data").path("orphan").asBoolean())
                .isTrue();
    }

    @Test
    void login_token_storesTokenFileAndLaterCommandsUseIt() throws Exception {
        String token = createToken("-policy=team-read");
        CliSession user = new CliSession(SERVER.address(), null, home);

        Result login = ok(user, "login", token);
        assertThat(login.out()).startsWith("Success! You are now authenticated.")
                .contains("\ntoken                " + token + "\n")
                .contains("\ntoken_policies       [\"default\" \"team-read\"]\n");
        Path file = home.resolve(".vault-token");
        assertThat(Files.readString(file)).isEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        assertThat(ok(user, "kv", "get", "-field=password", "secret/team/db").out()).isEqualTo("s3cr3t");
    }

    @Test
    void login_stdin_readsToken() {
        CliSession user = new CliSession(SERVER.address(), null, home);

        Result r = user.runWithStdin(SERVER.rootToken() + "\n", "login", "-");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\ntoken_duration       \u221e\n").contains("\npolicies             [\"root\"]\n");
    }

    @Test
    void login_badToken_exits2AndKeepsNoFile() {
        CliSession user = new CliSession(SERVER.address(), null, home);

        Result r = user.run("login", "hvs.bogus");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error authenticating: error looking up token: Error making API request.")
                .contains("Code: 403");
        assertThat(home.resolve(".vault-token")).doesNotExist();
    }
}

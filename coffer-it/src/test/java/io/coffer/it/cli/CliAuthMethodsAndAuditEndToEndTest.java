package io.coffer.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.it.cli.CliSession.Result;
import io.coffer.it.http.DevServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Our CLI against a real server for issue 5's operator and application flows: {@code auth
 * enable|list|tune|disable}, {@code login -method=userpass|approle}, writes under
 * {@code auth/…}, and {@code audit enable|list|disable} with the secret value HMAC'd in the file.
 */
class CliAuthMethodsAndAuditEndToEndTest {
    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    @TempDir
    static Path adminHome;
    @TempDir
    static Path logs;

    private static CliSession admin;

    private static Result ok(CliSession cli, String... args) {
        Result r = cli.run(args);
        assertThat(r.exitCode()).as("exit code of %s, stderr: %s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    @BeforeAll
    static void setUp() {
        admin = new CliSession(SERVER.address(), SERVER.rootToken(), adminHome);
        Result p = admin.runWithStdin("path \"secret/data/team/*\" {\n  capabilities = [\"read\"]\n}\n",
                "policy", "write", "team-read", "-");
        assertThat(p.exitCode()).as(p.err()).isZero();
        ok(admin, "kv", "put", "secret/team/db", "password=s3cr3t");
    }

    @Test
    void userpass_enableTuneLoginAndRead(@TempDir Path home) {
        assertThat(ok(admin, "auth", "enable", "userpass").out()).contains("Success! Enabled userpass auth method at: userpass/");
        ok(admin, "write", "auth/userpass/users/ann", "password=ann-pass-1", "token_policies=team-read");
        ok(admin, "auth", "tune", "-user-lockout-threshold=3", "-default-lease-ttl=30m", "userpass/");
        JsonNode tune = ok(admin, "read", "-format=json", "sys/auth/userpass/tune").json().path("data");
        assertThat(tune.path("user_lockout_threshold").asText()).isEqualTo("3");
        assertThat(tune.path("default_lease_ttl").asLong()).isEqualTo(1800);
        assertThat(ok(admin, "auth", "list").out()).contains("userpass/").contains("token/");

        CliSession ann = new CliSession(SERVER.address(), null, home);
        Result login = ok(ann, "login", "-method=userpass", "username=ann", "password=ann-pass-1");
        assertThat(login.out()).contains("Success! You are now authenticated.")
                .contains("token_policies         [\"default\" \"team-read\"]").doesNotContain("ann-pass-1");
        assertThat(ok(ann, "kv", "get", "-field=password", "secret/team/db").out()).isEqualTo("s3cr3t");
        JsonNode self = ok(ann, "token", "lookup", "-format=json").json().path("data");
        assertThat(self.path("path").asText()).isEqualTo("auth/userpass/login/ann");
        assertThat(self.path("ttl").asLong()).isBetween(1700L, 1800L);

        Result wrong = new CliSession(SERVER.address(), null, home).run("login", "-method=userpass", "username=ann",
                "password=nope");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("Code: 400").contains("invalid username or password").doesNotContain("nope");
    }

    @Test
    void approle_roleIdSecretIdAndLogin_thenDisableRevokesTheMethod(@TempDir Path home) {
        ok(admin, "auth", "enable", "approle");
        ok(admin, "write", "auth/approle/role/ci", "token_policies=team-read", "secret_id_num_uses=1");
        String roleId = ok(admin, "read", "-field=role_id", "auth/approle/role/ci/role-id").out();
        String secretId = ok(admin, "write", "-f", "-field=secret_id", "auth/approle/role/ci/secret-id").out();

        CliSession ci = new CliSession(SERVER.address(), null, home);
        ok(ci, "login", "-method=approle", "role_id=" + roleId, "secret_id=" + secretId);
        assertThat(ok(ci, "kv", "get", "-field=password", "secret/team/db").out()).isEqualTo("s3cr3t");
        Result reused = new CliSession(SERVER.address(), null, home).run("write", "auth/approle/login",
                "role_id=" + roleId, "secret_id=" + secretId);
        assertThat(reused.exitCode()).isEqualTo(2);
        assertThat(reused.err()).contains("invalid role or secret ID").doesNotContain(secretId);

        ok(admin, "auth", "disable", "approle");
        assertThat(ok(admin, "auth", "list").out()).doesNotContain("approle/");
    }

    @Test
    void audit_fileDevice_logsHmacedValues_listsAndDisables() throws Exception {
        Path log = logs.resolve("audit.log");
        assertThat(ok(admin, "audit", "enable", "file", "file_path=" + log).out())
                .contains("Success! Enabled the file audit device at: file/");
        assertThat(ok(admin, "audit", "list").out()).contains("file/").contains("file");

        ok(admin, "kv", "put", "secret/team/audited", "password=very-secret-value");
        String hash = ok(admin, "write", "-field=hash", "sys/audit-hash/file", "input=very-secret-value").out();

        String text = Files.readString(log);
        assertThat(text).doesNotContain("very-secret-value").doesNotContain(SERVER.rootToken()).contains(hash);
        ok(admin, "audit", "disable", "file");
        assertThat(admin.run("audit", "list").out()).doesNotContain("file/");
    }
}

package io.coffer.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.it.cli.CliSession.Result;
import io.coffer.it.http.DevServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code secrets enable|disable|list|tune} and {@code policy write|read|list|delete|fmt}. */
class CliSecretsAndPolicyEndToEndTest {
    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    @TempDir
    Path home;

    private CliSession cli;

    @BeforeEach
    void setUp() {
        cli = new CliSession(SERVER.address(), SERVER.rootToken(), home);
    }

    private Result ok(String... args) {
        Result r = cli.run(args);
        assertThat(r.exitCode()).as("exit code of %s, stderr: %s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    @Test
    void enable_version2_mountsKvV2AndKvCommandsUseDataPaths() {
        assertThat(ok("secrets", "enable", "-path=apps", "-version=2", "-description=Application secrets", "kv").out())
                .isEqualTo("Success! Enabled the kv secrets engine at: apps/\n");

        JsonNode mounts = ok("secrets", "list", "-format=json").json();
        assertThat(mounts.path("apps/").path("type").asText()).isEqualTo("kv");
        assertThat(mounts.path("apps/").path("options").path("version").asText()).isEqualTo("2");
        assertThat(mounts.path("apps/").path("description").asText()).isEqualTo("Application secrets");

        assertThat(ok("kv", "put", "apps/web", "k=v").out()).contains("apps/data/web");
        assertThat(ok("read", "-field=data", "apps/data/web").out()).isEqualTo("map[k:v]");
    }

    @Test
    void enable_existingPath_exits2() {
        Result r = cli.run("secrets", "enable", "-path=secret", "kv");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error enabling: Error making API request.\n\nURL: POST "
                + SERVER.address() + "/v1/sys/mounts/secret\n").contains("path is already in use at secret/");
    }

    @Test
    void list_table_showsBuiltInMounts() {
        Result r = ok("secrets", "list");

        assertThat(r.out()).startsWith("Path ").contains("\n----")
                .containsPattern("\nsecret/ +kv +kv_\\S+ ")
                .containsPattern("\nsys/ +system +");
    }

    @Test
    void list_detailed_showsOptionsColumn() {
        Result r = ok("secrets", "list", "-detailed");

        assertThat(r.out()).contains("Default TTL").contains("Options").containsPattern("\nsecret/ .*map\\[version:2\\]");
    }

    @Test
    void tune_maxLeaseTtl_isVisibleInMountConfig() {
        ok("secrets", "enable", "-path=tuned", "kv");

        assertThat(ok("secrets", "tune", "-max-lease-ttl=2h", "-default-lease-ttl=1h", "tuned").out())
                .isEqualTo("Success! Tuned the secrets engine at: tuned/\n");

        JsonNode tune = ok("read", "-format=json", "sys/mounts/tuned/tune").json().path("data");
        assertThat(tune.path("max_lease_ttl").asLong()).isEqualTo(7200);
        assertThat(tune.path("default_lease_ttl").asLong()).isEqualTo(3600);
    }

    @Test
    void tune_versionUpgrade_makesMountV2() {
        ok("secrets", "enable", "-path=upgrade", "kv");

        ok("secrets", "tune", "-version=2", "upgrade");

        JsonNode mounts = ok("secrets", "list", "-format=json").json();
        assertThat(mounts.path("upgrade/").path("options").path("version").asText()).isEqualTo("2");
    }

    @Test
    void disable_mount_removesItAndItsData() {
        ok("secrets", "enable", "-path=temp", "kv");
        ok("kv", "put", "temp/x", "a=1");

        assertThat(ok("secrets", "disable", "temp").out())
                .isEqualTo("Success! Disabled the secrets engine (if it existed) at: temp/\n");

        assertThat(ok("secrets", "list", "-format=json").json().has("temp/")).isFalse();
        assertThat(cli.run("read", "temp/x").exitCode()).isEqualTo(2);
    }

    @Test
    void policyWriteReadListDelete_roundTrips() throws Exception {
        Path file = home.resolve("app.hcl");
        Files.writeString(file, "path \"secret/data/app/*\" {\n  capabilities = [\"read\", \"list\"]\n}\n");

        assertThat(ok("policy", "write", "app-read", file.toString()).out())
                .isEqualTo("Success! Uploaded policy: app-read\n");
        assertThat(ok("policy", "read", "app-read").out())
                .isEqualTo("path \"secret/data/app/*\" {\n  capabilities = [\"read\", \"list\"]\n}\n");
        assertThat(ok("policy", "read", "-format=json", "app-read").json().path("policy").asText())
                .contains("secret/data/app/*");
        assertThat(ok("policy", "list").out()).contains("app-read\n").contains("default\n");
        assertThat(ok("policy", "list", "-format=json").json().isArray()).isTrue();

        assertThat(ok("policy", "delete", "app-read").out()).isEqualTo("Success! Deleted policy: app-read\n");
        Result gone = cli.run("policy", "read", "app-read");
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).isEqualTo("No policy named: app-read\n");
    }

    @Test
    void policyWrite_stdin_uploads() {
        Result r = cli.runWithStdin("path \"sys/health\" { capabilities = [\"read\"] }\n", "policy", "write", "Health", "-");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Success! Uploaded policy: health\n");
        assertThat(ok("policy", "read", "health").out()).contains("sys/health");
    }

    @Test
    void policyWrite_invalidPolicy_exits2WithServerError() {
        Result r = cli.runWithStdin("path \"x\" { capabilities = ", "policy", "write", "broken", "-");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error uploading policy: Error making API request.\n\nURL: PUT "
                + SERVER.address() + "/v1/sys/policies/acl/broken\nCode: 400. Errors:\n\n* failed to parse policy");
    }

    @Test
    void policyDelete_root_exits2() {
        Result r = cli.run("policy", "delete", "root");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Code: 400");
    }

    @Test
    void policyFmt_thenWrite_serverAcceptsFormattedPolicy() throws Exception {
        Path file = home.resolve("messy.hcl");
        Files.writeString(file, "# team policy\npath \"secret/data/team/*\" {capabilities=[\"read\",\"update\"]}\n"
                + "path \"sys/mounts\" { capabilities = [\"read\"] }");

        assertThat(ok("policy", "fmt", file.toString()).out()).isEqualTo("Success! Formatted policy: " + file + "\n");
        assertThat(Files.readString(file)).isEqualTo("# team policy\npath \"secret/data/team/*\" {\n"
                + "  capabilities = [\"read\", \"update\"]\n}\n\npath \"sys/mounts\" {\n  capabilities = [\"read\"]\n}\n");

        ok("policy", "write", "team", file.toString());
        assertThat(ok("policy", "read", "team").out()).contains("secret/data/team/*");
    }
}

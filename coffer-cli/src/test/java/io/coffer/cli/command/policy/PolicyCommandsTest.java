package io.coffer.cli.command.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandsTest {
    @TempDir Path home;
    private final FakeTransport server = new FakeTransport();

    private CliHarness cli() {
        return new CliHarness(server, home);
    }

    @Test
    void write_file_uploadsLowercasedName() throws Exception {
        Path file = home.resolve("p.hcl");
        Files.writeString(file, "path \"secret/*\" { capabilities = [\"read\"] }\n");
        server.on("PUT /v1/sys/policies/acl/my-policy", 204, null);
        Result r = cli().run("policy", "write", "My-Policy", file.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Success! Uploaded policy: my-policy\n");
        assertThat(server.body(0))
                .isEqualTo("{\"policy\":\"path \\\"secret/*\\\" { capabilities = [\\\"read\\\"] }\\n\"}");
    }

    @Test
    void write_stdin_uploadsInput() {
        server.on("PUT /v1/sys/policies/acl/p", 204, null);
        Result r = cli().stdin("path \"a\" {}").run("policy", "write", "p", "-");
        assertThat(r.exitCode()).isZero();
        assertThat(server.body(0)).isEqualTo("{\"policy\":\"path \\\"a\\\" {}\"}");
    }

    @Test
    void write_missingFile_exits1() {
        Result r = cli().run("policy", "write", "p", home.resolve("nope.hcl").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error opening policy file: open ").endsWith("nope.hcl: no such file or directory\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void read_existing_printsRules() {
        server.on("GET /v1/sys/policies/acl/p", 200, "{\"data\":{\"name\":\"p\",\"policy\":\"path \\\"a\\\" {}\\n\"}}");
        Result r = cli().run("policy", "read", "p");
        assertThat(r.out()).isEqualTo("path \"a\" {}\n");
    }

    @Test
    void read_json_printsPolicyObject() {
        server.on("GET /v1/sys/policies/acl/p", 200, "{\"data\":{\"name\":\"p\",\"policy\":\"x\"}}");
        Result r = cli().run("policy", "read", "-format=json", "p");
        assertThat(r.out()).isEqualTo("{\n  \"policy\": \"x\"\n}\n");
    }

    @Test
    void read_missing_exits2() {
        Result r = cli().run("policy", "read", "nope");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("No policy named: nope\n");
    }

    @Test
    void list_printsOneNamePerLine() {
        server.on("GET /v1/sys/policies/acl?list=true", 200, "{\"data\":{\"keys\":[\"default\",\"root\"]}}");
        Result r = cli().run("policy", "list");
        assertThat(r.out()).isEqualTo("default\nroot\n");
        assertThat(cli().run("policy", "list", "-format=json").out()).isEqualTo("[\n  \"default\",\n  \"root\"\n]\n");
    }

    @Test
    void delete_printsSuccess() {
        server.on("DELETE /v1/sys/policies/acl/p", 204, null);
        assertThat(cli().run("policy", "delete", "p").out()).isEqualTo("Success! Deleted policy: p\n");
    }

    @Test
    void delete_root_showsServerError() {
        server.on("DELETE /v1/sys/policies/acl/root", 400, "{\"errors\":[\"cannot delete \\\"root\\\" policy\"]}");
        Result r = cli().run("policy", "delete", "root");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error deleting root: Error making API request.");
    }

    @Test
    void fmt_rewritesFileCanonically() throws Exception {
        Path file = home.resolve("p.hcl");
        Files.writeString(file, "path \"a\" {capabilities=[\"read\"]}");
        Result r = cli().run("policy", "fmt", file.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Success! Formatted policy: " + file + "\n");
        assertThat(Files.readString(file)).isEqualTo("path \"a\" {\n  capabilities = [\"read\"]\n}\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void fmt_invalidPolicy_exits1AndLeavesFile() throws Exception {
        Path file = home.resolve("p.hcl");
        Files.writeString(file, "path \"a\" { capabilities = [\"fly\"] }");
        Result r = cli().run("policy", "fmt", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("invalid capability \"fly\"");
        assertThat(Files.readString(file)).isEqualTo("path \"a\" { capabilities = [\"fly\"] }");
    }
}

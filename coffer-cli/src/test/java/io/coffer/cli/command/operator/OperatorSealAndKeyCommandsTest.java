package io.coffer.cli.command.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code operator seal}, {@code operator rotate} and {@code operator key-status}. */
class OperatorSealAndKeyCommandsTest {
    private static final String KEY_STATUS =
            "{\"request_id\":\"r\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                    + "\"data\":{\"term\":2,\"install_time\":\"2024-05-01T10:07:09.120Z\",\"encryptions\":0},"
                    + "\"term\":2,\"install_time\":\"2024-05-01T10:07:09.120Z\",\"encryptions\":0}";

    @TempDir Path home;
    private final FakeTransport server = new FakeTransport();

    private CliHarness cli() {
        return new CliHarness(server, home);
    }

    @Test
    void seal_success_putsSysSealAndPrintsVaultMessage() {
        server.on("PUT /v1/sys/seal", 204, null);

        Result r = cli().run("operator", "seal");

        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("PUT /v1/sys/seal");
        assertThat(server.requests().get(0).body()).isNull();
        assertThat(r.out()).isEqualTo("Success! Vault is sealed.\n");
    }

    @Test
    void seal_forbidden_exits2() {
        server.on("PUT /v1/sys/seal", 403, "{\"errors\":[\"permission denied\"]}");

        Result r = cli().run("operator", "seal");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error sealing: Error making API request.").contains("* permission denied");
    }

    @Test
    void rotate_success_printsNewTerm() {
        server.on("PUT /v1/sys/rotate", 204, null);
        server.on("GET /v1/sys/key-status", 200, KEY_STATUS);

        Result r = cli().run("operator", "rotate");

        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("PUT /v1/sys/rotate", "GET /v1/sys/key-status");
        assertThat(r.out()).isEqualTo(
                "Success! Rotated key\n"
                        + "\n"
                        + "Key Term            2\n"
                        + "Install Time        01 May 24 10:07 UTC\n"
                        + "Encryption Count    0\n");
    }

    @Test
    void rotate_json_printsKeyStatusOnly() {
        server.on("PUT /v1/sys/rotate", 204, null);
        server.on("GET /v1/sys/key-status", 200, KEY_STATUS);

        Result r = cli().run("operator", "rotate", "-format=json");

        assertThat(r.out()).isEqualTo("{\n  \"term\": 2,\n  \"install_time\": \"2024-05-01T10:07:09.12Z\",\n"
                + "  \"encryptions\": 0\n}\n");
    }

    @Test
    void rotate_refused_exits2BeforeReadingStatus() {
        server.on("PUT /v1/sys/rotate", 403, "{\"errors\":[\"permission denied\"]}");

        Result r = cli().run("operator", "rotate");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error rotating key: ");
        assertThat(server.requestLines()).containsExactly("PUT /v1/sys/rotate");
    }

    @Test
    void keyStatus_table_printsTermInstallTimeAndCount() {
        server.on("GET /v1/sys/key-status", 200, KEY_STATUS);

        Result r = cli().run("operator", "key-status");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Key Term            2\nInstall Time        01 May 24 10:07 UTC\n"
                + "Encryption Count    0\n");
    }

    @Test
    void keyStatus_sealed_exits2() {
        server.on("GET /v1/sys/key-status", 503, "{\"errors\":[\"Vault is sealed\"]}");

        Result r = cli().run("operator", "key-status");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error reading key status: Error making API request.");
    }

    @Test
    void operatorGroup_help_listsSubcommands() {
        Result r = cli().run("operator", "-h");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: coffer operator <subcommand>")
                .contains("    init          Initializes a server\n")
                .contains("    key-status    ").contains("    rekey         ").contains("    rotate        ")
                .contains("    seal          ").contains("    unseal        ");
    }
}

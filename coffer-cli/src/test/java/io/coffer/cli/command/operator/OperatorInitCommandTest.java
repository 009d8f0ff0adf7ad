package io.coffer.cli.command.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorInitCommandTest {
    private static final String SEALED_UNINIT =
            "{\"type\":\"shamir\",\"initialized\":false,\"sealed\":true,\"t\":0,\"n\":0,\"progress\":0,"
                    + "\"nonce\":\"\",\"version\":\"1.15.6\",\"build_date\":\"b\",\"migration\":false,"
                    + "\"recovery_seal\":false,\"storage_type\":\"file\"}";
    private static final String INIT_ANSWER =
            "{\"keys\":[\"aa01\",\"bb02\",\"cc03\"],\"keys_base64\":[\"qgE=\",\"uwI=\",\"zAM=\"],"
                    + "\"root_token\":\"hvs.fake-root\"}";

    @TempDir Path home;
    private final FakeTransport server = new FakeTransport();

    private CliHarness cli() {
        return new CliHarness(server, home);
    }

    @Test
    void init_defaults_readsSealStatusThenPutsExplicitZerosForRecovery() {
        server.on("GET /v1/sys/seal-status", 200, SEALED_UNINIT);
        server.on("PUT /v1/sys/init", 200, INIT_ANSWER);

        Result r = cli().run("operator", "init");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(server.requestLines()).containsExactly("GET /v1/sys/seal-status", "PUT /v1/sys/init");
        assertThat(server.body(1))
                .isEqualTo("{\"secret_shares\":5,\"secret_threshold\":3,\"stored_shares\":0,\"pgp_keys\":null,"
                        + "\"recovery_shares\":0,\"recovery_threshold\":0,\"recovery_pgp_keys\":null,"
                        + "\"root_token_pgp_key\":\"\"}");
    }

    @Test
    void init_table_printsKeysTokenAndVaultParagraphs() {
        server.on("GET /v1/sys/seal-status", 200, SEALED_UNINIT);
        server.on("PUT /v1/sys/init", 200, INIT_ANSWER);

        Result r = cli().run("operator", "init", "-key-shares=3", "-key-threshold=2");

        assertThat(r.out()).isEqualTo(
                "Unseal Key 1: qgE=\n"
                        + "Unseal Key 2: uwI=\n"
                        + "Unseal Key 3: zAM=\n"
                        + "\n"
                        + "Initial Root Token: hvs.fake-root\n"
                        + "\n"
                        + "Vault initialized with 3 key shares and a key threshold of 2. Please securely\n"
                        + "distribute the key shares printed above. When the Vault is re-sealed,\n"
                        + "restarted, or stopped, you must supply at least 2 of these keys to unseal it\n"
                        + "before it can start servicing requests.\n"
                        + "\n"
                        + "Vault does not store the generated root key. Without at least 2 keys to\n"
                        + "reconstruct the root key, Vault will remain permanently sealed!\n"
                        + "\n"
                        + "It is possible to generate new unseal keys, provided you have a quorum of\n"
                        + "existing unseal keys shares. See \"coffer operator rekey\" for more information.\n");
        assertThat(server.body(1)).startsWith("{\"secret_shares\":3,\"secret_threshold\":2,");
    }

    @Test
    void init_json_printsVaultsRenamedFieldsWithEmptyRecoveryArrays() {
        server.on("GET /v1/sys/seal-status", 200, SEALED_UNINIT);
        server.on("PUT /v1/sys/init", 200, INIT_ANSWER);

        Result r = cli().run("operator", "init", "-key-shares=3", "-key-threshold=2", "-format=json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(
                "{\n"
                        + "  \"unseal_keys_b64\": [\n    \"qgE=\",\n    \"uwI=\",\n    \"zAM=\"\n  ],\n"
                        + "  \"unseal_keys_hex\": [\n    \"aa01\",\n    \"bb02\",\n    \"cc03\"\n  ],\n"
                        + "  \"unseal_shares\": 3,\n"
                        + "  \"unseal_threshold\": 2,\n"
                        + "  \"recovery_keys_b64\": [],\n"
                        + "  \"recovery_keys_hex\": [],\n"
                        + "  \"recovery_keys_shares\": 0,\n"
                        + "  \"recovery_keys_threshold\": 0,\n"
                        + "  \"root_token\": \"hvs.fake-root\"\n"
                        + "}\n");
    }

    @Test
    void init_vaultFormatEnv_printsJson() {
        server.on("GET /v1/sys/seal-status", 200, SEALED_UNINIT);
        server.on("PUT /v1/sys/init", 200, INIT_ANSWER);

        Result r = cli().env("VAULT_FORMAT", "json").run("operator", "init");

        assertThat(r.out()).startsWith("{\n  \"unseal_keys_b64\": [");
    }

    @Test
    void init_recoverySeal_keepsRecoveryFlags() {
        server.on("GET /v1/sys/seal-status", 200, "{\"type\":\"awskms\",\"initialized\":false,\"sealed\":true,"
                + "\"recovery_seal\":true}");
        server.on("PUT /v1/sys/init", 200, "{\"keys\":[],\"keys_base64\":[],\"recovery_keys\":[\"0a\"],"
                + "\"recovery_keys_base64\":[\"Cg==\"],\"root_token\":\"hvs.r\"}");

        Result r = cli().run("operator", "init", "-recovery-shares=1", "-recovery-threshold=1", "-format=json");

        assertThat(server.body(1)).contains("\"recovery_shares\":1,\"recovery_threshold\":1");
        assertThat(r.out()).contains("\"unseal_shares\": 1,").contains("\"recovery_keys_b64\": [\n    \"Cg==\"\n  ]")
                .contains("\"recovery_keys_shares\": 1,");
    }

    @Test
    void init_pgpKeyFiles_sendsBase64OfEachFileInOrder() throws Exception {
        byte[] binary = {(byte) 0x99, 0x01, 0x0d, 0x04};
        Files.write(home.resolve("alice.gpg"), binary);
        Files.writeString(home.resolve("bob.b64"), "mQENBA==\n");
        Files.writeString(home.resolve("carol.asc"),
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\nComment: test\n\nmQENBA==\n=abcd\n"
                        + "-----END PGP PUBLIC KEY BLOCK-----\n");
        Files.writeString(home.resolve("root.b64"), "cm9vdA==");
        server.on("GET /v1/sys/seal-status", 200, SEALED_UNINIT);
        server.on("PUT /v1/sys/init", 200, INIT_ANSWER);

        Result r = cli().run("operator", "init", "-key-shares=3", "-key-threshold=2",
                "-pgp-keys=alice.gpg,bob.b64,@carol.asc", "-root-token-pgp-key=root.b64");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(server.body(1)).contains("\"pgp_keys\":[\"" + Base64.getEncoder().encodeToString(binary)
                        + "\",\"mQENBA==\",\"mQENBA==\"]")
                .endsWith("\"root_token_pgp_key\":\"cm9vdA==\"}");
    }

    @Test
    void init_missingPgpFile_exits1WithoutContactingServer() {
        Result r = cli().run("operator", "init", "-pgp-keys=nope.asc");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("invalid value \"nope.asc\" for flag -pgp-keys: open nope.asc:");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void init_serverRefuses_exits2WithVaultPrefix() {
        server.on("GET /v1/sys/seal-status", 200, SEALED_UNINIT);
        server.on("PUT /v1/sys/init", 400, "{\"errors\":[\"Vault is already initialized\"]}");

        Result r = cli().run("operator", "init");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error initializing: Error making API request.")
                .contains("* Vault is already initialized");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void init_tooManyArguments_exits1() {
        Result r = cli().run("operator", "init", "extra");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Too many arguments (expected 0, got 1)");
    }

    @Test
    void status_initialized_exits0AndSaysSo() {
        server.on("GET /v1/sys/init", 200, "{\"initialized\":true}");

        Result r = cli().run("operator", "init", "-status");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Vault is initialized\n");
        assertThat(server.requestLines()).containsExactly("GET /v1/sys/init");
    }

    @Test
    void status_notInitialized_exits2() {
        server.on("GET /v1/sys/init", 200, "{\"initialized\":false}");

        Result r = cli().run("operator", "init", "-status");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("Vault is not initialized\n");
    }

    @Test
    void status_unreachable_exits1() {
        server.refuse();

        Result r = cli().run("operator", "init", "-status");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error checking init status: Get ");
    }

    @Test
    void help_listsFlagsUnderCommonOptions() {
        Result r = cli().run("operator", "init", "-h");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: coffer operator init [options]")
                .contains("Common Options:\n\n  -key-shares=<int>\n")
                .contains("  -pgp-keys=<string>\n").contains("  -status\n")
                .contains("Auto Unseal Options:");
    }
}

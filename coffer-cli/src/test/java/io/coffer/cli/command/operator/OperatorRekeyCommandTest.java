package io.coffer.cli.command.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorRekeyCommandTest {
    private static final String FAKE_SHARE = "fake-old-share";
    private static final String NOT_STARTED =
            "{\"nonce\":\"\",\"started\":false,\"t\":0,\"n\":0,\"progress\":0,\"required\":3,"
                    + "\"pgp_fingerprints\":null,\"backup\":false,\"verification_required\":false}";
    private static final String STARTED_0 =
            "{\"nonce\":\"n-42\",\"started\":true,\"t\":4,\"n\":7,\"progress\":0,\"required\":3,"
                    + "\"pgp_fingerprints\":null,\"backup\":false,\"verification_required\":false}";
    private static final String STARTED_1 = STARTED_0.replace("\"progress\":0", "\"progress\":1");
    private static final String COMPLETE =
            "{\"nonce\":\"n-42\",\"complete\":true,\"keys\":[\"0a\",\"0b\"],\"keys_base64\":[\"Cg==\",\"Cw==\"],"
                    + "\"pgp_fingerprints\":null,\"backup\":false,\"verification_required\":false}";

    @TempDir Path home;
    private final FakeTransport server = new FakeTransport();

    private CliHarness cli() {
        return new CliHarness(server, home);
    }

    @Test
    void init_sharesAndThreshold_putsRekeyInitAndPrintsStatus() {
        server.on("PUT /v1/sys/rekey/init", 200, STARTED_0);

        Result r = cli().run("operator", "rekey", "-init", "-key-shares=7", "-key-threshold=4");

        assertThat(r.exitCode()).isZero();
        assertThat(server.body(0)).isEqualTo("{\"secret_shares\":7,\"secret_threshold\":4,\"stored_shares\":0,"
                + "\"pgp_keys\":null,\"backup\":false,\"require_verification\":false}");
        assertThat(r.err()).startsWith("WARNING! If you lose the keys after they are returned");
        assertThat(r.out()).isEqualTo(
                "\n"
                        + "Key                      Value\n"
                        + "---                      -----\n"
                        + "Nonce                    n-42\n"
                        + "Started                  true\n"
                        + "Rekey Progress           0/3\n"
                        + "New Shares               7\n"
                        + "New Threshold            4\n"
                        + "Verification Required    false\n");
    }

    @Test
    void init_json_printsRekeyStatusResponse() {
        server.on("PUT /v1/sys/rekey/init", 200, STARTED_0);

        Result r = cli().run("operator", "rekey", "-init", "-format=json");

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("{\n  \"nonce\": \"n-42\",\n  \"started\": true,\n  \"t\": 4,\n  \"n\": 7,\n"
                + "  \"progress\": 0,\n  \"required\": 3,\n  \"pgp_fingerprints\": null,\n  \"backup\": false,\n"
                + "  \"verification_required\": false,\n  \"verification_nonce\": \"\"\n}\n");
    }

    @Test
    void status_notStarted_printsNonceAndStartedOnly() {
        server.on("GET /v1/sys/rekey/init", 200, NOT_STARTED);

        Result r = cli().run("operator", "rekey", "-status");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Key        Value\n---        -----\nNonce      n/a\nStarted    false\n");
    }

    @Test
    void cancel_deletesRekeyInit() {
        server.on("DELETE /v1/sys/rekey/init", 204, null);

        Result r = cli().run("operator", "rekey", "-cancel");

        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("DELETE /v1/sys/rekey/init");
        assertThat(r.out()).isEqualTo("Success! Canceled rekeying (if it was started)\n");
    }

    @Test
    void provide_keyWithNonce_updatesAndPrintsProgress() {
        server.on("GET /v1/sys/rekey/init", 200, STARTED_0);
        server.on("GET /v1/sys/rekey/init", 200, STARTED_1);
        server.on("PUT /v1/sys/rekey/update", 200, STARTED_1);

        Result r = cli().run("operator", "rekey", "-nonce=n-42", FAKE_SHARE);

        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly(
                "GET /v1/sys/rekey/init", "PUT /v1/sys/rekey/update", "GET /v1/sys/rekey/init");
        assertThat(server.body(1)).isEqualTo("{\"key\":\"" + FAKE_SHARE + "\",\"nonce\":\"n-42\"}");
        assertThat(r.out()).contains("Rekey Progress           1/3\n").doesNotContain(FAKE_SHARE);
    }

    @Test
    void provide_completing_printsNewKeysAsVaultDoes() {
        server.on("GET /v1/sys/rekey/init", 200, STARTED_0);
        server.on("PUT /v1/sys/rekey/update", 200, COMPLETE);

        Result r = cli().stdin(FAKE_SHARE + "\n").run("operator", "rekey", "-nonce", "n-42", "-");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(
                "\n"
                        + "Key 1: Cg==\n"
                        + "Key 2: Cw==\n"
                        + "\n"
                        + "Operation nonce: n-42\n"
                        + "\n"
                        + "Vault rekeyed with 7 key shares and a key threshold of 4. Please securely\n"
                        + "distribute the key shares printed above. When Vault is re-sealed, restarted,\n"
                        + "or stopped, you must supply at least 4 of these keys to unseal it before it\n"
                        + "can start servicing requests.\n");
    }

    @Test
    void provide_completingJson_printsRekeyUpdateResponse() {
        server.on("GET /v1/sys/rekey/init", 200, STARTED_0);
        server.on("PUT /v1/sys/rekey/update", 200, COMPLETE);

        Result r = cli().run("operator", "rekey", "-format=json", "-nonce=n-42", FAKE_SHARE);

        assertThat(r.out()).isEqualTo("{\n  \"nonce\": \"n-42\",\n  \"complete\": true,\n"
                + "  \"keys\": [\n    \"0a\",\n    \"0b\"\n  ],\n  \"keys_base64\": [\n    \"Cg==\",\n    \"Cw==\"\n  ],\n"
                + "  \"pgp_fingerprints\": null,\n  \"backup\": false,\n  \"verification_required\": false\n}\n");
    }

    @Test
    void provide_prompt_usesStatusNonceAndHidesKey() {
        server.on("GET /v1/sys/rekey/init", 200, STARTED_0);
        server.on("GET /v1/sys/rekey/init", 200, STARTED_1);
        server.on("PUT /v1/sys/rekey/update", 200, STARTED_1);

        Result r = cli().stdin(FAKE_SHARE + "\n").run("operator", "rekey");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Rekey operation nonce: n-42\nUnseal Key (will be hidden): \n")
                .doesNotContain(FAKE_SHARE);
        assertThat(server.body(1)).isEqualTo("{\"key\":\"" + FAKE_SHARE + "\",\"nonce\":\"n-42\"}");
    }

    @Test
    void provide_argumentWithoutNonce_exits1() {
        server.on("GET /v1/sys/rekey/init", 200, STARTED_0);

        Result r = cli().run("operator", "rekey", FAKE_SHARE);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Missing nonce value: specify it via the -nonce flag\n");
        assertThat(server.requestLines()).containsExactly("GET /v1/sys/rekey/init");
    }

    @Test
    void provide_noRekeyInProgress_exits1() {
        server.on("GET /v1/sys/rekey/init", 200, NOT_STARTED);

        Result r = cli().run("operator", "rekey", "-nonce=x", FAKE_SHARE);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("No rekey is in progress. Start a rekey process by running");
    }

    @Test
    void provide_wrongNonce_exits2WithoutEchoingShare() {
        server.on("GET /v1/sys/rekey/init", 200, STARTED_0);
        server.on("PUT /v1/sys/rekey/update", 400, "{\"errors\":[\"incorrect nonce\"]}");

        Result r = cli().run("operator", "rekey", "-nonce=bad", FAKE_SHARE);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error posting unseal key: Error making API request.")
                .contains("* incorrect nonce").doesNotContain(FAKE_SHARE);
    }

    @Test
    void target_recovery_usesRecoveryKeyPaths() {
        server.on("GET /v1/sys/rekey-recovery-key/init", 200, NOT_STARTED);

        cli().run("operator", "rekey", "-target=recovery", "-status");

        assertThat(server.requestLines()).containsExactly("GET /v1/sys/rekey-recovery-key/init");
    }

    @Test
    void target_unknown_exits1() {
        Result r = cli().run("operator", "rekey", "-target=moon", "-status");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Unknown target: moon\n");
    }
}

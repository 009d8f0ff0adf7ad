package io.coffer.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.it.cli.CliSession.Result;
import io.coffer.it.http.FreshCoreServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code operator rekey} end to end: 5/3 to 7/4 through the CLI, then seal and unseal with new shares. */
class CliRekeyEndToEndTest {
    @TempDir
    Path home;

    private FreshCoreServer node;
    private OperatorSteps ops;
    private ShamirKeys keys;
    private OperatorSteps root;

    @BeforeEach
    void start() {
        node = FreshCoreServer.start();
        ops = new OperatorSteps(new CliSession(node.address(), null, home));
        keys = ops.init(5, 3);
        ops.unsealWith(keys.base64().subList(0, 3));
        root = new OperatorSteps(new CliSession(node.address(), keys.rootToken(), home));
        root.enableKvV2();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private String startRekey(int shares, int threshold) {
        Result init = ops.cli().run("operator", "rekey", "-init", "-key-shares=" + shares,
                "-key-threshold=" + threshold, "-format=json");
        assertThat(init.exitCode()).as(init.err()).isZero();
        JsonNode status = init.json();
        assertThat(status.path("started").asBoolean()).isTrue();
        assertThat(status.path("n").asInt()).isEqualTo(shares);
        assertThat(status.path("t").asInt()).isEqualTo(threshold);
        assertThat(status.path("required").asInt()).isEqualTo(3);
        return status.path("nonce").asText();
    }

    @Test
    void rekey_to7of4_newSharesUnsealAndDataSurvives() {
        root.kvPut("secret/before", "v", "old-data");
        String nonce = startRekey(7, 4);

        Result first = ops.cli().run("operator", "rekey", "-nonce=" + nonce, keys.base64().get(4));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("\nRekey Progress +1/3\n").containsPattern("\nNew Shares +7\n")
                .containsPattern("\nNew Threshold +4\n");
        Result second = ops.cli().runWithStdin(keys.hex().get(3), "operator", "rekey", "-nonce=" + nonce, "-");
        assertThat(second.exitCode()).as(second.err()).isZero();
        Result last = ops.cli().run("operator", "rekey", "-format=json", "-nonce=" + nonce, keys.hex().get(2));
        assertThat(last.exitCode()).as(last.err()).isZero();
        JsonNode done = last.json();
        assertThat(done.path("complete").asBoolean()).isTrue();
        assertThat(done.path("nonce").asText()).isEqualTo(nonce);
        ShamirKeys newKeys = ShamirKeys.fromRekeyJson(done, keys.rootToken());
        assertThat(newKeys.base64()).hasSize(7);
        assertThat(newKeys.hex()).hasSize(7);
        Result after = ops.cli().run("operator", "rekey", "-status");
        assertThat(after.out()).containsPattern("\nStarted +false\n");

        root.kvPut("secret/after", "v", "new-data");
        root.seal();
        OperatorSteps.Status sealed = ops.status();
        assertThat(sealed.json().path("n").asInt()).isEqualTo(7);
        assertThat(sealed.json().path("t").asInt()).isEqualTo(4);
        JsonNode progress = null;
        for (String k : List.of(newKeys.base64().get(6), newKeys.hex().get(0), newKeys.base64().get(3))) {
            progress = ops.unseal(k);
        }
        assertThat(progress.path("sealed").asBoolean()).isTrue();
        assertThat(progress.path("progress").asInt()).isEqualTo(3);
        assertThat(ops.unseal(newKeys.hex().get(5)).path("sealed").asBoolean()).isFalse();

        assertThat(root.kvGetField("secret/before", "v").out()).isEqualTo("old-data");
        assertThat(root.kvGetField("secret/after", "v").out()).isEqualTo("new-data");
    }

    @Test
    void rekey_completed_oldSharesNoLongerUnseal() {
        String nonce = startRekey(7, 4);
        ShamirKeys newKeys = null;
        for (String k : keys.base64().subList(0, 3)) {
            Result r = ops.cli().run("operator", "rekey", "-format=json", "-nonce=" + nonce, k);
            assertThat(r.exitCode()).as(r.err()).isZero();
            if (r.json().path("complete").asBoolean()) {
                newKeys = ShamirKeys.fromRekeyJson(r.json(), keys.rootToken());
            }
        }
        assertThat(newKeys).isNotNull();
        root.seal();

        for (String k : keys.base64().subList(0, 3)) {
            ops.unseal(k);
        }
        Result fourth = ops.cli().run("operator", "unseal", keys.base64().get(3));

        assertThat(fourth.exitCode()).isEqualTo(2);
        assertThat(ops.status().progress()).isZero();
        ops.unsealWith(newKeys.base64().subList(0, 4));
    }

    @Test
    void rekey_cancelThenPrompt_discardsAttemptAndTakesNonceFromStatus() {
        startRekey(3, 2);
        Result cancel = ops.cli().run("operator", "rekey", "-cancel");
        assertThat(cancel.exitCode()).as(cancel.err()).isZero();
        assertThat(cancel.out()).isEqualTo("Success! Canceled rekeying (if it was started)\n");
        Result none = ops.cli().run("operator", "rekey", "-nonce=x", keys.base64().get(0));
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).startsWith("No rekey is in progress.");

        String nonce = startRekey(3, 2);
        Result prompted = ops.cli().runWithStdin(keys.base64().get(0) + "\n", "operator", "rekey");

        assertThat(prompted.exitCode()).as(prompted.err()).isZero();
        assertThat(prompted.out().startsWith("Rekey operation nonce: " + nonce + "\nUnseal Key (will be hidden): \n"))
                .isTrue();
        assertThat(prompted.out().contains(keys.base64().get(0))).as("share echoed").isFalse();
        assertThat(prompted.out()).containsPattern("\nRekey Progress +1/3\n");
        Result wrongNonce = ops.cli().run("operator", "rekey", "-nonce=not-the-nonce", keys.base64().get(1));
        assertThat(wrongNonce.exitCode()).isEqualTo(2);
        assertThat(wrongNonce.err()).startsWith("Error posting unseal key: ");
    }
}

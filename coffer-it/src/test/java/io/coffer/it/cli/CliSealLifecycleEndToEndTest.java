package io.coffer.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.it.cli.CliSession.Result;
import io.coffer.it.http.FreshCoreServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code operator init|unseal|seal|rotate|key-status} and {@code status} through the CLI against a
 * fresh, uninitialised server: the Shamir lifecycle end to end.
 */
class CliSealLifecycleEndToEndTest {
    @TempDir
    Path home;

    private FreshCoreServer node;
    private CliSession anonymous;
    private OperatorSteps ops;

    @BeforeEach
    void start() {
        node = FreshCoreServer.start();
        anonymous = new CliSession(node.address(), null, home);
        ops = new OperatorSteps(anonymous);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private OperatorSteps asRoot(ShamirKeys keys) {
        return new OperatorSteps(new CliSession(node.address(), keys.rootToken(), home));
    }

    @Test
    void initStatus_beforeAndAfterInit_exits2Then0() {
        Result before = anonymous.run("operator", "init", "-status");
        assertThat(before.exitCode()).isEqualTo(2);
        assertThat(before.out()).isEqualTo("Vault is not initialized\n");

        ops.init(5, 3);

        Result after = anonymous.run("operator", "init", "-status");
        assertThat(after.exitCode()).isZero();
        assertThat(after.out()).isEqualTo("Vault is initialized\n");
    }

    @Test
    void init_json_hasVaultsFieldsAndShapes() {
        Result r = anonymous.run("operator", "init", "-key-shares=5", "-key-threshold=3", "-format=json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.fieldNames()).toIterable().containsExactly("unseal_keys_b64", "unseal_keys_hex", "unseal_shares",
                "unseal_threshold", "recovery_keys_b64", "recovery_keys_hex", "recovery_keys_shares",
                "recovery_keys_threshold", "root_token");
        assertThat(j.path("recovery_keys_b64").isArray() && j.path("recovery_keys_b64").isEmpty()).isTrue();
        assertThat(j.path("recovery_keys_hex").isArray() && j.path("recovery_keys_hex").isEmpty()).isTrue();
        assertThat(j.path("recovery_keys_shares").asInt()).isZero();
        assertThat(j.path("recovery_keys_threshold").asInt()).isZero();
        ShamirKeys keys = ShamirKeys.fromInitJson(j);
        for (int i = 0; i < 5; i++) {
            assertThat(keys.hex().get(i).matches("[0-9a-f]{66}")).as("share %d is 33 bytes of hex", i).isTrue();
            assertThat(java.util.Base64.getDecoder().decode(keys.base64().get(i)))
                    .as("share %d base64 equals hex", i).isEqualTo(HexFormat.of().parseHex(keys.hex().get(i)));
        }
        assertThat(keys.rootToken().isEmpty()).isFalse();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void init_table_printsUnsealKeysAndRootTokenLines() {
        Result r = anonymous.run("operator", "init", "-key-shares=3", "-key-threshold=2");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        for (int i = 1; i <= 3; i++) {
            String prefix = "Unseal Key " + i + ": ";
            assertThat(lines.get(i - 1).startsWith(prefix)).as("line %d starts with %s", i, prefix).isTrue();
        }
        assertThat(lines.get(4).startsWith("Initial Root Token: ")).isTrue();
        assertThat(r.out().contains("Vault initialized with 3 key shares and a key threshold of 2.")).isTrue();
    }

    @Test
    void unseal_base64ThenSealThenHex_unsealsEachTimeAndKeepsData() {
        ShamirKeys keys = ops.init(5, 3);
        OperatorSteps.Status sealed = ops.status();
        assertThat(sealed.exitCode()).isEqualTo(2);
        assertThat(sealed.sealed()).isTrue();
        assertThat(sealed.json().path("t").asInt()).isEqualTo(3);
        assertThat(sealed.json().path("n").asInt()).isEqualTo(5);

        JsonNode first = ops.unseal(keys.base64().get(0));
        assertThat(first.path("progress").asInt()).isEqualTo(1);
        assertThat(first.path("nonce").asText()).isNotEmpty();
        assertThat(ops.unseal(keys.base64().get(1)).path("progress").asInt()).isEqualTo(2);
        JsonNode done = ops.unseal(keys.base64().get(2));
        assertThat(done.path("sealed").asBoolean()).isFalse();
        assertThat(ops.status().exitCode()).isZero();

        OperatorSteps root = asRoot(keys);
        root.enableKvV2();
        root.kvPut("secret/app", "password", "hunter2");
        root.seal();
        assertThat(ops.status().exitCode()).isEqualTo(2);
        Result sealedRead = root.kvGetField("secret/app", "password");
        assertThat(sealedRead.exitCode()).isEqualTo(2);
        assertThat(sealedRead.err()).contains("Code: 503");

        ops.unsealWith(keys.hex().subList(2, 5));
        Result read = root.kvGetField("secret/app", "password");
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out()).isEqualTo("hunter2");
    }

    @Test
    void unseal_table_showsProgressAndNonceWhileSealed() {
        ShamirKeys keys = ops.init(5, 3);

        Result r = anonymous.run("operator", "unseal", keys.base64().get(0));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\nSealed +true\n").containsPattern("\nUnseal Progress +1/3\n")
                .containsPattern("\nUnseal Nonce +[0-9a-f-]{36}\n").containsPattern("\nTotal Shares +5\n");
        Result status = anonymous.run("status");
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.out()).containsPattern("\nUnseal Progress +1/3\n").containsPattern("\nUnseal Nonce +[0-9a-f-]{36}\n");
    }

    @Test
    void unseal_prompt_readsShareFromStdinWithoutEchoingIt() {
        ShamirKeys keys = ops.init(3, 2);

        Result r = anonymous.runWithStdin(keys.base64().get(1) + "\n", "operator", "unseal");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().startsWith("Unseal Key (will be hidden): \n")).isTrue();
        assertThat(r.out().contains(keys.base64().get(1))).as("share echoed").isFalse();
        assertThat(r.out()).containsPattern("\nUnseal Progress +1/2\n");
        Result dash = anonymous.runWithStdin(keys.hex().get(2) + "\n", "operator", "unseal", "-");
        assertThat(dash.exitCode()).as(dash.err()).isZero();
        assertThat(dash.out()).containsPattern("\nSealed +false\n");
    }

    @Test
    void unseal_wrongKeyAtThreshold_exits2AndResetsProgress() {
        ShamirKeys keys = ops.init(5, 3);
        byte[] forged = HexFormat.of().parseHex(keys.hex().get(2));
        forged[0] ^= 0x5a;
        ops.unseal(keys.hex().get(0));
        ops.unseal(keys.hex().get(1));

        Result wrong = anonymous.run("operator", "unseal", HexFormat.of().formatHex(forged));

        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).startsWith("Error unsealing: Error making API request.").contains("Code: 400");
        assertThat(wrong.err().contains(HexFormat.of().formatHex(forged))).as("forged share echoed").isFalse();
        OperatorSteps.Status status = ops.status();
        assertThat(status.sealed()).isTrue();
        assertThat(status.progress()).isZero();
        ops.unsealWith(keys.hex().subList(2, 5));
    }

    @Test
    void unseal_reset_discardsProgress() {
        ShamirKeys keys = ops.init(5, 3);
        ops.unseal(keys.base64().get(0));
        assertThat(ops.unseal(keys.base64().get(1)).path("progress").asInt()).isEqualTo(2);

        Result reset = anonymous.run("operator", "unseal", "-reset", "-format=json");

        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(reset.json().path("progress").asInt()).isZero();
        assertThat(reset.json().path("nonce").asText()).isEmpty();
        assertThat(ops.unseal(keys.base64().get(2)).path("progress").asInt()).isEqualTo(1);
        ops.unsealWith(keys.base64().subList(3, 5));
    }

    @Test
    void seal_withoutToken_exits2AndStaysUnsealed() {
        ShamirKeys keys = ops.init(3, 2);
        ops.unsealWith(keys.base64().subList(0, 2));

        Result r = anonymous.run("operator", "seal");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error sealing: ").contains("Code: 403");
        assertThat(ops.status().exitCode()).isZero();
    }

    @Test
    void rotate_addsTermAndOldDataStaysReadable() {
        ShamirKeys keys = ops.init(3, 2);
        ops.unsealWith(keys.base64().subList(0, 2));
        OperatorSteps root = asRoot(keys);
        root.enableKvV2();
        root.kvPut("secret/before", "v", "one");
        Result status = root.cli().run("operator", "key-status", "-format=json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        int term = status.json().path("term").asInt();

        Result rotated = root.cli().run("operator", "rotate");

        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        assertThat(rotated.out()).startsWith("Success! Rotated key\n\nKey Term            " + (term + 1) + "\n")
                .containsPattern("\nInstall Time +\\d\\d [A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d UTC\n");
        root.kvPut("secret/after", "v", "two");
        assertThat(root.kvGetField("secret/before", "v").out()).isEqualTo("one");
        root.seal();
        ops.unsealWith(keys.hex().subList(1, 3));
        assertThat(root.kvGetField("secret/before", "v").out()).isEqualTo("one");
        assertThat(root.kvGetField("secret/after", "v").out()).isEqualTo("two");
        Result table = root.cli().run("operator", "key-status");
        assertThat(table.out()).startsWith("Key Term            " + (term + 1) + "\n");
    }
}

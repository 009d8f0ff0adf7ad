package io.coffer.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.it.cli.CliSession.Result;
import io.coffer.it.http.FreshCoreServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code operator init -pgp-keys=... -root-token-pgp-key=...}: each share comes back encrypted to
 * one operator's OpenPGP key (files in binary, base64 and armored form), decrypts to the share in
 * hex, and the decrypted shares and root token work; {@code operator rekey -init -pgp-keys} likewise.
 */
class CliPgpInitEndToEndTest {
    private static final List<TestPgpKeyPair> OPERATORS = new ArrayList<>();
    private static TestPgpKeyPair rootHolder;

    @TempDir
    Path home;

    private FreshCoreServer node;
    private CliSession cli;

    @BeforeAll
    static void generateKeys() throws Exception {
        for (String name : List.of("alice", "bob", "carol")) {
            OPERATORS.add(new TestPgpKeyPair(name + " <" + name + "@example.test>"));
        }
        rootHolder = new TestPgpKeyPair("root <root@example.test>");
    }

    @BeforeEach
    void start() throws Exception {
        node = FreshCoreServer.start();
        cli = new CliSession(node.address(), null, home);
        Files.write(home.resolve("alice.gpg"), OPERATORS.get(0).publicBinary());
        Files.writeString(home.resolve("bob.b64"), OPERATORS.get(1).publicBase64() + "\n");
        Files.writeString(home.resolve("carol.asc"), OPERATORS.get(2).publicArmored());
        Files.writeString(home.resolve("root.asc"), rootHolder.publicArmored());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private String keyFiles() {
        return String.join(",", home.resolve("alice.gpg").toString(), home.resolve("bob.b64").toString(),
                home.resolve("carol.asc").toString());
    }

    @Test
    void init_pgpKeys_sharesDecryptToHexAndUnseal() throws Exception {
        Result r = cli.run("operator", "init", "-key-shares=3", "-key-threshold=2", "-pgp-keys=" + keyFiles(),
                "-root-token-pgp-key=" + home.resolve("root.asc"), "-format=json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        ShamirKeys encrypted = ShamirKeys.fromInitJson(r.json());
        List<String> shares = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String share = OPERATORS.get(i).decryptBase64(encrypted.base64().get(i)).strip();
            assertThat(share.matches("[0-9a-f]{66}")).as("share %d decrypts to 33 bytes of hex", i).isTrue();
            shares.add(share);
        }
        String rootToken = rootHolder.decryptBase64(encrypted.rootToken()).strip();
        assertThat(rootToken.isEmpty()).isFalse();

        OperatorSteps ops = new OperatorSteps(cli);
        ops.unsealWith(List.of(shares.get(2), shares.get(0)));
        OperatorSteps root = new OperatorSteps(new CliSession(node.address(), rootToken, home));
        root.enableKvV2();
        root.kvPut("secret/pgp", "ok", "yes");
        assertThat(root.kvGetField("secret/pgp", "ok").out()).isEqualTo("yes");
    }

    @Test
    void init_pgpKeyCountMismatch_exits2() {
        Result r = cli.run("operator", "init", "-key-shares=5", "-key-threshold=3", "-pgp-keys=" + keyFiles());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error initializing: ").contains("count mismatch");
        assertThat(cli.run("operator", "init", "-status").exitCode()).isEqualTo(2);
    }

    @Test
    void init_notAKeyFile_isRefusedByTheServer() throws Exception {
        Path bogus = home.resolve("bogus.txt");
        Files.writeString(bogus, "this is not a key", StandardCharsets.UTF_8);

        Result r = cli.run("operator", "init", "-key-shares=1", "-key-threshold=1", "-pgp-keys=" + bogus);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error initializing: ").contains("PGP key 1");
    }

    @Test
    void rekey_pgpKeys_newSharesDecryptAndUnseal() throws Exception {
        OperatorSteps ops = new OperatorSteps(cli);
        ShamirKeys keys = ops.init(3, 2);
        ops.unsealWith(keys.base64().subList(0, 2));
        Result init = cli.run("operator", "rekey", "-init", "-key-shares=3", "-key-threshold=2",
                "-pgp-keys=" + keyFiles(), "-format=json");
        assertThat(init.exitCode()).as(init.err()).isZero();
        String nonce = init.json().path("nonce").asText();
        cli.run("operator", "rekey", "-nonce=" + nonce, keys.hex().get(0));
        Result done = cli.run("operator", "rekey", "-format=json", "-nonce=" + nonce, keys.hex().get(1));
        assertThat(done.exitCode()).as(done.err()).isZero();
        JsonNode j = done.json();
        assertThat(j.path("complete").asBoolean()).isTrue();
        ShamirKeys encrypted = ShamirKeys.fromRekeyJson(j, keys.rootToken());

        new OperatorSteps(new CliSession(node.address(), keys.rootToken(), home)).seal();
        ops.unsealWith(List.of(OPERATORS.get(1).decryptBase64(encrypted.base64().get(1)).strip(),
                OPERATORS.get(2).decryptBase64(encrypted.base64().get(2)).strip()));
    }
}

package io.coffer.it.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.it.cli.CliSession;
import io.coffer.it.cli.CliSession.Result;
import io.coffer.it.cli.ShamirKeys;
import io.coffer.it.http.VaultHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' runbook of issue 3 against real {@code coffer server -config} processes on
 * {@code storage "file"}: {@code operator init -key-shares=5 -key-threshold=3 -format=json >
 * init.json} (mode 0600), unseal with keys 0-2, write secrets, {@code kill -9}, start again on
 * the same data, see it sealed (status exit 2, reads 503), unseal with keys 2-4 in hex and read
 * every secret back. Then the server's output must hold no unseal key and no root token, and the
 * data directory must be owner-only (0700 directories, 0600 files).
 */
class ShamirRunbookTest {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

    @TempDir
    Path dir;

    @Test
    void runbook_initUnsealWriteKill9RestartUnsealWithOtherKeys_readsEverySecretBack() throws Exception {
        Path data = dir.resolve("data");
        Path home = Files.createDirectory(dir.resolve("home"));
        Path log = dir.resolve("server.log");
        String address = "http://127.0.0.1:" + freePort();
        Path config = Files.writeString(dir.resolve("server.hcl"), """
                storage "file" {
                  path = "%s"
                }

                listener "tcp" {
                  address     = "%s"
                  tls_disable = true
                }
                """.formatted(data, address.substring("http://".length())));
        Map<String, Map<String, String>> secrets = secrets();
        ShamirKeys keys;

        try (ServerProcess first = ServerProcess.start(config, log)) {
            first.awaitListening(address, START_TIMEOUT);
            CliSession cli = new CliSession(address, null, home);

            // coffer operator init -key-shares=5 -key-threshold=3 -format=json > init.json; chmod 600
            Result init = cli.run("operator", "init", "-key-shares=5", "-key-threshold=3", "-format=json");
            assertThat(init.exitCode()).as(init.err()).isZero();
            Path initJson = Files.createFile(dir.resolve("init.json"), PosixFilePermissions.asFileAttribute(OWNER_RW));
            Files.writeString(initJson, init.out(), StandardCharsets.UTF_8);
            assertThat(Files.getPosixFilePermissions(initJson)).isEqualTo(OWNER_RW);

            // for i in 0 1 2; do coffer operator unseal "$(jq -r ".unseal_keys_b64[$i]" init.json)"; done
            keys = ShamirKeys.fromInitJson(VaultHttp.JSON.readTree(initJson.toFile()));
            assertThat(keys.base64()).hasSize(5);
            Result unsealed = null;
            for (int i = 0; i < 3; i++) {
                unsealed = cli.run("operator", "unseal", keys.base64().get(i));
                assertThat(unsealed.exitCode()).as(unsealed.err()).isZero();
            }
            assertThat(unsealed.out()).containsPattern("\nSealed +false\n").containsPattern("\nStorage Type +file\n");

            CliSession root = new CliSession(address, keys.rootToken(), home);
            Result enable = root.run("secrets", "enable", "-path=secret", "kv-v2");
            assertThat(enable.exitCode()).as(enable.err()).isZero();
            for (Map.Entry<String, Map<String, String>> s : secrets.entrySet()) {
                Result put = root.run(kvPutArgs(s.getKey(), s.getValue()));
                assertThat(put.exitCode()).as(put.err()).isZero();
            }

            first.kill();
        }

        try (ServerProcess second = ServerProcess.start(config, log)) {
            second.awaitListening(address, START_TIMEOUT);
            CliSession cli = new CliSession(address, null, home);
            CliSession root = new CliSession(address, keys.rootToken(), home);

            Result status = cli.run("status");
            assertThat(status.exitCode()).as(status.err()).isEqualTo(2);
            assertThat(status.out()).containsPattern("\nInitialized +true\n").containsPattern("\nSealed +true\n")
                    .containsPattern("\nUnseal Progress +0/3\n");
            Result sealedRead = root.run("kv", "get", "secret/app/db");
            assertThat(sealedRead.exitCode()).isEqualTo(2);
            assertThat(sealedRead.err()).contains("Code: 503");

            for (int i = 2; i < 5; i++) {
                Result r = cli.run("operator", "unseal", keys.hex().get(i));
                assertThat(r.exitCode()).as(r.err()).isZero();
            }
            assertThat(cli.run("status").exitCode()).isZero();

            for (Map.Entry<String, Map<String, String>> s : secrets.entrySet()) {
                Result get = root.run("kv", "get", "-format=json", s.getKey());
                assertThat(get.exitCode()).as(get.err()).isZero();
                JsonNode stored = get.json().path("data").path("data");
                Map<String, String> readBack = new LinkedHashMap<>();
                stored.fields().forEachRemaining(e -> readBack.put(e.getKey(), e.getValue().asText()));
                assertThat(readBack).as(s.getKey()).isEqualTo(s.getValue());
            }
        }

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output).contains("Api Address: " + address);
        for (int i = 0; i < 5; i++) {
            assertThat(output.contains(keys.hex().get(i))).as("server output holds unseal key %d (hex)", i).isFalse();
            assertThat(output.contains(keys.base64().get(i))).as("server output holds unseal key %d (base64)", i)
                    .isFalse();
        }
        assertThat(output.contains(keys.rootToken())).as("server output holds the root token").isFalse();

        assertOwnerOnly(data);
    }

    /** Several kv-v2 secrets with exact values (spaces, quotes, unicode, '=' and JSON-looking text). */
    private static Map<String, Map<String, String>> secrets() {
        Map<String, Map<String, String>> s = new LinkedHashMap<>();
        s.put("secret/app/db", Map.of("username", "app", "password", "p@ss w0rd=\"quoted\""));
        s.put("secret/app/api", Map.of("token", "tok-\u00e9\u00df\u4e2d-123"));
        s.put("secret/ops/tls", Map.of("cert", "-----BEGIN CERTIFICATE-----MIIB", "json", "{\"a\":[1,2]}"));
        s.put("secret/empty-ish", Map.of("blank", " "));
        s.put("secret/deep/path/to/leaf", Map.of("n", "42", "flag", "true"));
        return s;
    }

    private static String[] kvPutArgs(String path, Map<String, String> fields) {
        List<String> args = new java.util.ArrayList<>(List.of("kv", "put", path));
        fields.forEach((k, v) -> args.add(k + "=" + v));
        return args.toArray(new String[0]);
    }

    private static void assertOwnerOnly(Path data) throws IOException {
        assertThat(Files.getPosixFilePermissions(data)).as(data.toString()).isEqualTo(OWNER_RWX);
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.toList()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p);
                if (Files.isDirectory(p)) {
                    assertThat(mode).as("directory %s", p).isEqualTo(OWNER_RWX);
                } else {
                    assertThat(mode).as("file %s", p).isEqualTo(OWNER_RW);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

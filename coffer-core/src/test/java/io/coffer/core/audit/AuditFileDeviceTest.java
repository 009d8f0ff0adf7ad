package io.coffer.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.sdk.logical.Auth;
import io.coffer.sdk.logical.Response;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the file device writes: one JSON line per request and response, secrets only as HMACs. */
class AuditFileDeviceTest {
    private static final String HMAC = "hmac-sha256:[0-9a-f]{64}";

    private final FileAuditFixture t = new FileAuditFixture();
    private final String secret = "s3cr3t-" + UUID.randomUUID();

    @TempDir
    Path dir;

    @Test
    void kvWrite_loggedAsRequestAndResponse_withOnlyHmacsOfSecretAndToken() throws Exception {
        Path log = dir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));
        t.enableKv();

        t.write("secret/data/app", Map.of("data", Map.of("password", secret, "port", 5432)));
        t.read("secret/data/app");

        String text = FileAuditFixture.text(log);
        assertThat(text).doesNotContain(secret).doesNotContain(t.root());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        String hashed = t.hash("file", secret);
        assertThat(hashed).matches(HMAC);

        List<JsonNode> requests = t.entries(log, "request", "secret/data/app");
        List<JsonNode> responses = t.entries(log, "response", "secret/data/app");
        assertThat(requests).hasSize(2);
        assertThat(responses).hasSize(2);
        JsonNode write = requests.get(0);
        assertThat(write.path("time").asText()).isNotEmpty();
        assertThat(write.path("request").path("operation").asText()).isEqualTo("create");
        assertThat(write.path("request").path("mount_type").asText()).isEqualTo("kv");
        assertThat(write.path("request").path("mount_point").asText()).isEqualTo("secret/");
        assertThat(write.path("request").path("id").asText()).isNotEmpty();
        assertThat(write.path("request").path("client_token").asText()).matches(HMAC)
                .isEqualTo(t.hash("file", t.root()));
        assertThat(write.path("request").path("client_token_accessor").asText()).matches(HMAC);
        assertThat(write.path("request").path("data").path("data").path("password").asText()).isEqualTo(hashed);
        assertThat(write.path("request").path("data").path("data").path("port").asInt()).isEqualTo(5432);
        assertThat(write.path("auth").path("client_token").asText()).matches(HMAC);
        assertThat(write.path("auth").path("policies").get(0).asText()).isEqualTo("root");
        assertThat(write.has("response")).isFalse();
        assertThat(write.has("error")).isFalse();

        JsonNode readResponse = responses.get(1);
        assertThat(readResponse.path("request").path("id").asText())
                .isEqualTo(requests.get(1).path("request").path("id").asText());
        assertThat(readResponse.path("response").path("mount_type").asText()).isEqualTo("kv");
        assertThat(readResponse.path("response").path("data").path("data").path("password").asText()).isEqualTo(hashed);
    }

    @Test
    void enable_writesVaultTestProbeFirst_andTheEnableResponse() {
        Path log = dir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));

        List<JsonNode> entries = t.entries(log);
        assertThat(entries.get(0).path("type").asText()).isEqualTo("request");
        assertThat(entries.get(0).path("request").path("path").asText()).isEqualTo("sys/audit/test");
        assertThat(entries.get(0).path("request").path("data").path("test").asText()).matches(HMAC);
        assertThat(entries.get(1).path("type").asText()).isEqualTo("response");
        assertThat(entries.get(1).path("request").path("path").asText()).isEqualTo("sys/audit/file");
    }

    @Test
    void logRaw_showsClearData_butTokensStayHmaced() {
        Path log = dir.resolve("raw.log");
        t.enableFile("raw", Map.of("file_path", log.toString(), "log_raw", "true"));
        t.enableKv();

        t.write("secret/data/app", Map.of("data", Map.of("password", secret)));

        JsonNode write = t.entries(log, "request", "secret/data/app").get(0);
        assertThat(write.path("request").path("data").path("data").path("password").asText()).isEqualTo(secret);
        assertThat(write.path("request").path("client_token").asText()).matches(HMAC);
        assertThat(FileAuditFixture.text(log)).doesNotContain(t.root());
    }

    @Test
    void hmacAccessorFalse_accessorInClear() {
        Path log = dir.resolve("acc.log");
        t.enableFile("acc", Map.of("file_path", log.toString(), "hmac_accessor", "false"));
        Auth child = t.write("auth/token/create", Map.of("policies", List.of("default"))).auth();

        t.handle(io.coffer.sdk.logical.Operation.READ, "auth/token/lookup-self", Map.of(), child.clientToken());

        JsonNode lookup = t.entries(log, "request", "auth/token/lookup-self").get(0);
        assertThat(lookup.path("request").path("client_token_accessor").asText()).isEqualTo(child.accessor());
        assertThat(lookup.path("auth").path("accessor").asText()).isEqualTo(child.accessor());
        assertThat(FileAuditFixture.text(log)).doesNotContain(child.clientToken());
    }

    @Test
    void prefix_startsEveryLine() {
        Path log = dir.resolve("prefixed.log");
        t.enableFile("p", Map.of("file_path", log.toString(), "prefix", "COFFER "));

        t.read("sys/mounts");

        assertThat(FileAuditFixture.text(log).lines()).allMatch(l -> l.startsWith("COFFER {"));
        assertThat(t.entries(log, "COFFER ")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void tokenCreation_newTokenOnlyAsHmacInResponseAuth() {
        Path log = dir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));

        Auth created = t.write("auth/token/create", Map.of("policies", List.of("default"))).auth();

        assertThat(FileAuditFixture.text(log)).doesNotContain(created.clientToken()).doesNotContain(t.root());
        JsonNode response = t.entries(log, "response", "auth/token/create").get(0);
        assertThat(response.path("response").path("auth").path("client_token").asText())
                .isEqualTo(t.hash("file", created.clientToken()));
        assertThat(response.path("response").path("auth").path("accessor").asText())
                .isEqualTo(t.hash("file", created.accessor()));
    }

    @Test
    void userpassLogin_passwordAndNewTokenOnlyAsHmacs() {
        Path log = dir.resolve("audit.log");
        t.write("sys/auth/userpass", Map.of("type", "userpass"));
        String password = "pw-" + UUID.randomUUID();
        t.write("auth/userpass/users/bob", Map.of("password", password, "token_policies", "default"));
        t.enableFile("file", Map.of("file_path", log.toString()));

        Response login = t.handle(io.coffer.sdk.logical.Operation.UPDATE, "auth/userpass/login/bob",
                Map.of("password", password), "");

        String token = login.auth().clientToken();
        assertThat(FileAuditFixture.text(log)).doesNotContain(password).doesNotContain(token);
        JsonNode request = t.entries(log, "request", "auth/userpass/login/bob").get(0);
        assertThat(request.path("request").path("data").path("password").asText()).isEqualTo(t.hash("file", password));
        JsonNode response = t.entries(log, "response", "auth/userpass/login/bob").get(0);
        assertThat(response.path("response").path("auth").path("client_token").asText()).isEqualTo(t.hash("file", token));
        assertThat(response.path("auth").path("client_token").asText()).isEqualTo(t.hash("file", token));
        assertThat(response.path("response").path("auth").path("metadata").path("username").asText()).isEqualTo("bob");
    }

    @Test
    void deniedRequest_loggedWithError_noResponseEntry() {
        Path log = dir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));
        Auth weak = t.write("auth/token/create", Map.of("policies", List.of("default"))).auth();

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        t.handle(io.coffer.sdk.logical.Operation.READ, "sys/mounts", Map.of(), weak.clientToken()))
                .isInstanceOf(io.coffer.sdk.logical.exception.PermissionDeniedException.class);

        JsonNode denied = t.entries(log, "request", "sys/mounts").get(0);
        assertThat(denied.path("error").asText()).contains("permission denied");
        assertThat(denied.path("auth").path("client_token").asText()).isEqualTo(t.hash("file", weak.clientToken()));
        assertThat(t.entries(log, "response", "sys/mounts")).isEmpty();
    }

    @Test
    void backendError_responseEntryCarriesError() {
        Path log = dir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.read("sys/mounts/nowhere"))
                .isInstanceOf(io.coffer.sdk.logical.exception.NotFoundException.class);

        JsonNode response = t.entries(log, "response", "sys/mounts/nowhere").get(0);
        assertThat(response.path("error").asText()).isEqualTo("no mount at nowhere/");
        assertThat(response.path("response").path("mount_type").asText()).isEqualTo("system");
    }

    @Test
    void auditHash_sameValueTheLogShows_differentPerDevice() {
        t.enableFile("a", Map.of("file_path", dir.resolve("a.log").toString()));
        t.enableFile("b", Map.of("file_path", dir.resolve("b.log").toString()));

        Response r = t.write("sys/audit-hash/a", Map.of("input", "value"));

        assertThat(r.topLevelData()).isTrue();
        assertThat((String) r.data().get("hash")).matches(HMAC).isEqualTo(t.hash("a", "value"));
        assertThat(t.hash("b", "value")).matches(HMAC).isNotEqualTo(t.hash("a", "value"));
    }

    @Test
    void concurrentRequests_oneWholeLineEach() throws Exception {
        Path log = dir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));
        t.enableKv();
        t.write("secret/data/app", Map.of("data", Map.of("v", "x".repeat(5000))));
        long before = FileAuditFixture.text(log).lines().count();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            done.add(pool.submit(() -> t.read("secret/data/app")));
        }
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        List<JsonNode> entries = t.entries(log);
        assertThat(entries).hasSize((int) before + 400);
        assertThat(t.entries(log, "response", "secret/data/app")).hasSize(201);
    }
}

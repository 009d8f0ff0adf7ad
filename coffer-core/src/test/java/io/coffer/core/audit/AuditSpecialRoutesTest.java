package io.coffer.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routes the HTTP edge serves outside the request pipeline ({@code sys/seal} here; step-down
 * and snapshots share the same code) are audited like any request: admitted requests must be
 * logged before they act, refusals are logged best effort, and tokens appear only as HMACs.
 */
class AuditSpecialRoutesTest {
    private final FileAuditFixture t = new FileAuditFixture();

    @TempDir
    Path dir;

    @Test
    void seal_isLoggedWithTheTokenHashed_beforeTheNodeSeals() throws Exception {
        Path log = dir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));

        t.core().sealAuthorized(t.root(), "127.0.0.1");

        assertThat(t.core().isSealed()).isTrue();
        List<JsonNode> entries = t.entries(log, "request", "sys/seal");
        assertThat(entries).hasSize(1);
        JsonNode auth = entries.get(0).path("auth");
        assertThat(entries.get(0).path("request").path("operation").asText()).isEqualTo("update");
        assertThat(auth.path("policies").toString()).contains("root");
        assertThat(entries.get(0).path("request").path("client_token").asText()).startsWith("hmac-sha256:");
        assertThat(FileAuditFixture.text(log)).doesNotContain(t.root());
    }

    @Test
    void sealWithoutSudo_isRefusedAndLoggedWithItsError() throws Exception {
        Path log = dir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));
        t.write("sys/policies/acl/plain", Map.of("policy", "path \"sys/seal\" { capabilities = [\"update\"] }"));
        String token = (String) t.write("auth/token/create", Map.of("policies", List.of("plain")))
                .auth().clientToken();

        assertThatThrownBy(() -> t.core().sealAuthorized(token, "127.0.0.1")).isInstanceOf(PermissionDeniedException.class);

        assertThat(t.core().isSealed()).isFalse();
        List<JsonNode> entries = t.entries(log, "request", "sys/seal");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("error").asText()).contains("permission denied");
        assertThat(FileAuditFixture.text(log)).doesNotContain(token);
    }

    @Test
    void seal_respectsTheTokensCidrBindingAndUseLimit() throws Exception {
        t.write("auth/token/roles/admin-net", Map.of("token_bound_cidrs", List.of("10.0.0.0/8"), "token_num_uses", 1,
                "allowed_policies", List.of("sealer")));
        t.write("sys/policies/acl/sealer", Map.of("policy", "path \"sys/seal\" { capabilities = [\"update\", \"sudo\"] }"));
        String bound = t.write("auth/token/create/admin-net", Map.of("policies", List.of("sealer"))).auth().clientToken();

        assertThatThrownBy(() -> t.core().sealAuthorized(bound, "192.168.1.1")).isInstanceOf(PermissionDeniedException.class);
        assertThat(t.core().isSealed()).isFalse();
        t.core().sealAuthorized(bound, "10.1.2.3");
        assertThat(t.core().isSealed()).isTrue();

        t.unseal();
        assertThatThrownBy(() -> t.write("auth/token/lookup", Map.of("token", bound)))
                .as("its only use went to the seal").isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void sealWithABadToken_isRefusedAndLogged() throws Exception {
        Path log = dir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));

        assertThatThrownBy(() -> t.core().sealAuthorized("hvs.not-a-token", "127.0.0.1")).isInstanceOf(PermissionDeniedException.class);

        assertThat(t.core().isSealed()).isFalse();
        assertThat(t.entries(log, "request", "sys/seal")).hasSize(1);
    }

    @Test
    void seal_whenNoDeviceCanLog_doesNotSeal() throws Exception {
        Path logDir = Files.createDirectory(dir.resolve("logs"));
        Path log = logDir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));
        Files.delete(log);
        Files.delete(logDir);

        assertThatThrownBy(() -> t.core().sealAuthorized(t.root(), "127.0.0.1"))
                .isInstanceOf(InternalException.class)
                .hasMessage("no audit backend succeeded in logging the request");
        assertThat(t.core().isSealed()).isFalse();
    }
}

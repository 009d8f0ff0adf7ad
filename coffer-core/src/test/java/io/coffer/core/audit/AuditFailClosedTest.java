package io.coffer.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vault's rule: with devices enabled, a request no device could log never runs. */
class AuditFailClosedTest {
    private final FileAuditFixture t = new FileAuditFixture();

    @TempDir
    Path dir;

    @Test
    void onlyDeviceBroken_requestFails500_backendNotRun() throws Exception {
        Path logDir = Files.createDirectory(dir.resolve("logs"));
        Path log = logDir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));
        t.enableKv();
        Map<String, String> before = t.storage();

        Files.delete(log);
        Files.delete(logDir);

        assertThatThrownBy(() -> t.write("secret/data/app", Map.of("data", Map.of("k", "v"))))
                .isInstanceOf(InternalException.class)
                .hasMessage("no audit backend succeeded in logging the request");
        assertThat(t.storage()).isEqualTo(before);
        assertThatThrownBy(() -> t.read("sys/mounts")).isInstanceOf(InternalException.class);

        Files.createDirectory(logDir);
        assertThatThrownBy(() -> t.read("secret/data/app")).isInstanceOf(NotFoundException.class);
        assertThat(t.entries(log, "request", "secret/data/app")).hasSize(1);
    }

    @Test
    void brokenDevice_afterUnseal_stillFailsClosed() throws Exception {
        Path logDir = Files.createDirectory(dir.resolve("logs"));
        Path log = logDir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));
        Files.delete(log);
        Files.delete(logDir);

        t.sealAndUnseal();

        assertThatThrownBy(() -> t.read("sys/mounts"))
                .isInstanceOf(InternalException.class)
                .hasMessage("no audit backend succeeded in logging the request");
    }

    @Test
    void twoDevices_oneBroken_requestsSucceed_andTheOtherLogs() throws Exception {
        Path brokenDir = Files.createDirectory(dir.resolve("broken"));
        Path broken = brokenDir.resolve("audit.log");
        Path good = dir.resolve("good.log");
        t.enableFile("broken", Map.of("file_path", broken.toString()));
        t.enableFile("good", Map.of("file_path", good.toString()));
        t.enableKv();
        Files.delete(broken);
        Files.delete(brokenDir);

        t.write("secret/data/app", Map.of("data", Map.of("k", "v")));

        assertThat(t.read("secret/data/app").data()).containsKey("data");
        assertThat(t.entries(good, "request", "secret/data/app")).hasSize(2);
        assertThat(t.entries(good, "response", "secret/data/app")).hasSize(2);
        assertThat(Files.exists(brokenDir)).isFalse();
    }

    @Test
    void brokenDevice_canStillBeDisabledOnlyOnceFixed() throws Exception {
        Path logDir = Files.createDirectory(dir.resolve("logs"));
        Path log = logDir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));
        Files.delete(log);
        Files.delete(logDir);

        assertThatThrownBy(() -> t.delete("sys/audit/file")).isInstanceOf(InternalException.class);
        Files.createDirectory(logDir);
        t.delete("sys/audit/file");
        Files.delete(log);
        Files.delete(logDir);

        assertThat(t.read("sys/audit").data()).isEmpty();
    }
}

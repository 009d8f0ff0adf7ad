package io.coffer.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.coffer.sdk.logical.Auth;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code sys/audit}: listing, enabling, disabling, persistence and input checks. */
class AuditDeviceTableTest {
    private final FileAuditFixture t = new FileAuditFixture();

    @TempDir
    Path dir;

    @Test
    void list_showsDevicesAsVaultDoes_withoutSalt() {
        String file = dir.resolve("audit.log").toString();
        t.write("sys/audit/file", Map.of("type", "file", "description", "main log",
                "options", Map.of("file_path", file, "log_raw", false)));

        Response r = t.read("sys/audit");

        assertThat(r.topLevelData()).isTrue();
        assertThat(r.data()).containsOnlyKeys("file/");
        assertThat(r.data()).extractingByKey("file/", MAP)
                .containsEntry("type", "file")
                .containsEntry("description", "main log")
                .containsEntry("options", Map.of("file_path", file, "log_raw", "false"))
                .containsEntry("local", false)
                .containsEntry("path", "file/")
                .doesNotContainKey("salt");
        assertThat(t.handle(Operation.LIST, "sys/audit/", Map.of(), t.root()).data()).isEqualTo(r.data());
    }

    @Test
    void list_noDevices_emptyMap() {
        assertThat(t.read("sys/audit").data()).isEmpty();
    }

    @Test
    void disable_stopsLogging_andListsNothing() {
        Path log = dir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));

        t.delete("sys/audit/file");
        long lines = FileAuditFixture.text(log).lines().count();
        t.read("sys/mounts");

        assertThat(FileAuditFixture.text(log).lines().count()).isEqualTo(lines);
        assertThat(t.read("sys/audit").data()).isEmpty();
        assertThatThrownBy(() -> t.hash("file", "x"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("unknown audit backend file/");
    }

    @Test
    void disable_unknownPath_noOp() {
        assertThat(t.delete("sys/audit/nothing").isEmpty()).isTrue();
    }

    @Test
    void device_survivesSealAndUnseal_withTheSameSalt() {
        Path log = dir.resolve("audit.log");
        t.enableFile("file", Map.of("file_path", log.toString()));
        String before = t.hash("file", "value");

        t.sealAndUnseal();
        long lines = FileAuditFixture.text(log).lines().count();
        t.read("sys/mounts");

        assertThat(FileAuditFixture.text(log).lines().count()).isEqualTo(lines + 2);
        assertThat(t.read("sys/audit").data()).containsOnlyKeys("file/");
        assertThat(t.hash("file", "value")).isEqualTo(before);
    }

    @Test
    void enable_needsSudo() {
        t.write("sys/policies/acl/auditor", Map.of("policy",
                "path \"sys/audit*\" { capabilities = [\"create\", \"read\", \"update\", \"delete\", \"list\"] }"));
        Auth auditor = t.write("auth/token/create", Map.of("policies", List.of("auditor"))).auth();

        assertThatThrownBy(() -> t.handle(Operation.READ, "sys/audit", Map.of(), auditor.clientToken()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> t.handle(Operation.UPDATE, "sys/audit/file",
                Map.of("type", "file", "options", Map.of("file_path", dir.resolve("x.log").toString())),
                auditor.clientToken()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(Files.exists(dir.resolve("x.log"))).isFalse();
    }

    @Test
    void enable_samePathTwice_orNested_refused() {
        t.enableFile("file", Map.of("file_path", dir.resolve("a.log").toString()));

        assertThatThrownBy(() -> t.enableFile("file", Map.of("file_path", dir.resolve("b.log").toString())))
                .isInstanceOf(InvalidRequestException.class).hasMessage("path already in use");
        assertThatThrownBy(() -> t.enableFile("file/nested", Map.of("file_path", dir.resolve("b.log").toString())))
                .isInstanceOf(InvalidRequestException.class).hasMessage("path already in use");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "syslog | {}                                   | unsupported audit device type \"syslog\": only \"file\" is supported",
            "''     | {}                                   | missing audit device type",
            "file   | {}                                   | file_path is required",
            "file   | {\"format\":\"jsonx\"}               | unsupported audit format \"jsonx\": only \"json\" is supported",
            "file   | {\"mode\":\"0755\"}                  | option \"mode\" must not grant execute permission: 0755",
            "file   | {\"mode\":\"rw\"}                    | option \"mode\" must be an octal file mode, e.g. \"0600\"",
            "file   | {\"log_raw\":\"maybe\"}              | option \"log_raw\" must be a boolean",
            "file   | {\"filter\":\"x\"}                   | unsupported option(s) for audit device type \"file\": filter",
    })
    void enable_badInput_invalidRequest_nothingStored(String type, String optionsJson, String message) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> options = new com.fasterxml.jackson.databind.ObjectMapper().readValue(optionsJson, Map.class);
        Map<String, Object> withPath = new java.util.HashMap<>(options);
        if (!message.equals("file_path is required")) {
            withPath.put("file_path", dir.resolve("bad.log").toString());
        }

        assertThatThrownBy(() -> t.write("sys/audit/bad", Map.of("type", type, "options", withPath)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(message);
        assertThat(t.read("sys/audit").data()).isEmpty();
        assertThat(Files.exists(dir.resolve("bad.log"))).isFalse();
    }

    @Test
    void enable_unwritablePath_invalidRequest_nothingStored() {
        Path missing = dir.resolve("no-such-dir").resolve("audit.log");

        assertThatThrownBy(() -> t.enableFile("file", Map.of("file_path", missing.toString())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("audit device file/ failed its test write: " + missing);
        assertThat(t.read("sys/audit").data()).isEmpty();
        t.sealAndUnseal();
        assertThat(t.read("sys/audit").data()).isEmpty();
    }

    @Test
    void enable_legacyPathOption_accepted() {
        Path log = dir.resolve("legacy.log");

        t.write("sys/audit/legacy", Map.of("type", "file", "options", Map.of("path", log.toString())));

        assertThat(Files.exists(log)).isTrue();
    }

    @Test
    void enable_stdoutAndDiscard_accepted() {
        t.enableFile("out", Map.of("file_path", "discard"));

        assertThat(t.read("sys/audit").data()).containsOnlyKeys("out/");
    }
}

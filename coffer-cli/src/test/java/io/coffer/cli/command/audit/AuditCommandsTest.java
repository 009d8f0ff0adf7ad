package io.coffer.cli.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit enable|disable|list}: exact requests, bodies and vault's output. */
class AuditCommandsTest {
    private static final String AUDITS =
            "{\"data\":{"
                    + "\"syslog-local/\":{\"type\":\"syslog\",\"description\":\"local syslog\","
                    + "\"options\":{\"tag\":\"coffer\"},\"local\":true,\"path\":\"syslog-local/\"},"
                    + "\"file/\":{\"type\":\"file\",\"description\":\"\",\"options\":{\"mode\":\"0600\","
                    + "\"file_path\":\"/var/log/audit.log\"},\"local\":false,\"path\":\"file/\"}}}";

    @TempDir Path home;
    private final FakeTransport server = new FakeTransport();

    private CliHarness cli() {
        return new CliHarness(server, home);
    }

    // ---------------------------------------------------------------- enable

    @Test
    void enable_putsTypeDescriptionOptionsAndLocal() {
        server.on("PUT /v1/sys/audit/audit-file", 204, null);
        Result r = cli().run("audit", "enable", "-path=audit-file", "-description=Main log", "file",
                "file_path=/var/log/coffer-audit.log", "mode=0600");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Success! Enabled the file audit device at: audit-file/\n");
        assertThat(server.requestLines()).containsExactly("PUT /v1/sys/audit/audit-file");
        assertThat(server.body(0))
                .isEqualTo(
                        "{\"description\":\"Main log\",\"local\":false,\"options\":{\"file_path\":"
                                + "\"/var/log/coffer-audit.log\",\"mode\":\"0600\"},\"type\":\"file\"}");
    }

    @Test
    void enable_typeOnly_usesTypeAsPathAndEmptyOptions() {
        server.on("PUT /v1/sys/audit/file", 204, null);
        Result r = cli().run("audit", "enable", "-local", "file");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Success! Enabled the file audit device at: file/\n");
        assertThat(server.body(0))
                .isEqualTo("{\"description\":\"\",\"local\":true,\"options\":{},\"type\":\"file\"}");
    }

    @Test
    void enable_optionFromStdin_isRead() {
        server.on("PUT /v1/sys/audit/socket", 204, null);
        Result r = cli().stdin("127.0.0.1:9090").run("audit", "enable", "socket", "address=-");
        assertThat(r.exitCode()).isZero();
        assertThat(server.body(0)).contains("\"options\":{\"address\":\"127.0.0.1:9090\"}");
    }

    @Test
    void enable_withoutType_exits1WithVaultsMessage() {
        Result r = cli().run("audit", "enable");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo(
                        "Error enabling audit device: audit type missing. Valid types include 'file',"
                                + " 'socket' and 'syslog'.\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void enable_badOption_exits1() {
        Result r = cli().run("audit", "enable", "file", "file_path");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo("Failed to parse K=V data: Invalid key/value pair 'file_path': format must be key=value\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void enable_serverRefuses_exits2WithVaultsPrefix() {
        server.on("PUT /v1/sys/audit/file", 400,
                "{\"errors\":[\"sanity check failed; unable to open \\\"/nope/audit.log\\\" for writing\"]}");
        Result r = cli().run("audit", "enable", "file", "file_path=/nope/audit.log");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo(
                        "Error enabling audit device: Error making API request.\n\n"
                                + "URL: PUT http://127.0.0.1:8200/v1/sys/audit/file\n"
                                + "Code: 400. Errors:\n\n"
                                + "* sanity check failed; unable to open \"/nope/audit.log\" for writing\n");
    }

    // ---------------------------------------------------------------- disable

    @Test
    void disable_deletesDevice() {
        server.on("DELETE /v1/sys/audit/file", 204, null);
        Result r = cli().run("audit", "disable", "file/");
        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("DELETE /v1/sys/audit/file");
        assertThat(r.out()).isEqualTo("Success! Disabled audit device (if it was enabled) at: file/\n");
    }

    @Test
    void disable_forbidden_exits2() {
        server.on("DELETE /v1/sys/audit/file", 403, "{\"errors\":[\"permission denied\"]}");
        Result r = cli().run("audit", "disable", "file");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "Error disabling audit device: Error making API request.\n\n"
                                + "URL: DELETE http://127.0.0.1:8200/v1/sys/audit/file\n"
                                + "Code: 403. Errors:\n\n"
                                + "* permission denied\n");
    }

    @Test
    void disable_withoutPath_exits1() {
        Result r = cli().run("audit", "disable");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Not enough arguments (expected 1, got 0)\n");
    }

    // ---------------------------------------------------------------- list

    @Test
    void list_table_showsPathTypeDescription() {
        server.on("GET /v1/sys/audit", 200, AUDITS);
        Result r = cli().run("audit", "list");
        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("GET /v1/sys/audit");
        assertThat(r.out())
                .isEqualTo(
                        "Path             Type      Description\n"
                                + "----             ----      -----------\n"
                                + "file/            file      n/a\n"
                                + "syslog-local/    syslog    local syslog\n");
    }

    @Test
    void list_detailed_addsReplicationAndSortedOptions() {
        server.on("GET /v1/sys/audit", 200, AUDITS);
        Result r = cli().run("audit", "list", "-detailed");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .isEqualTo(
                        "Path             Type      Description     Replication    Options\n"
                                + "----             ----      -----------     -----------    -------\n"
                                + "file/            file      n/a             replicated     file_path=/var/log/audit.log mode=0600\n"
                                + "syslog-local/    syslog    local syslog    local          tag=coffer\n");
    }

    @Test
    void list_none_saysSoAndExits2() {
        server.on("GET /v1/sys/audit", 200, "{\"data\":{}}");
        Result r = cli().run("audit", "list");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("No audit devices are enabled.\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void list_noneAsJson_printsEmptyObjectAndExits0() {
        server.on("GET /v1/sys/audit", 200, "{\"data\":{}}");
        Result r = cli().run("audit", "list", "-format=json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("{}\n");
    }

    @Test
    void list_json_isVaultsAuditMap() {
        server.on("GET /v1/sys/audit", 200, AUDITS);
        Result r = cli().run("audit", "list", "-format=json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith(
                        "{\n"
                                + "  \"file/\": {\n"
                                + "    \"type\": \"file\",\n"
                                + "    \"description\": \"\",\n"
                                + "    \"options\": {\n"
                                + "      \"file_path\": \"/var/log/audit.log\",\n"
                                + "      \"mode\": \"0600\"\n"
                                + "    },\n"
                                + "    \"local\": false,\n"
                                + "    \"path\": \"file/\"\n"
                                + "  },\n"
                                + "  \"syslog-local/\": {\n");
    }

    @Test
    void list_notServed_exits2WithApiError() {
        Result r = cli().run("audit", "list");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .startsWith(
                        "Error listing audits: Error making API request.\n\n"
                                + "URL: GET http://127.0.0.1:8200/v1/sys/audit\n"
                                + "Code: 404. Errors:");
    }

    @Test
    void group_help_listsSubcommands() {
        Result r = cli().run("audit", "-help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith("Usage: coffer audit <subcommand> [options] [args]")
                .contains("    disable    Disables an audit device\n")
                .contains("    enable     Enables an audit device\n")
                .contains("    list       Lists enabled audit devices\n");
    }
}

package io.coffer.cli.command.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code auth enable|disable|list|tune}: exact requests, bodies and vault's output. */
class AuthCommandsTest {
    private static final String USERPASS_MOUNT =
            "\"userpass/\":{\"accessor\":\"auth_userpass_eea6507e\",\"config\":{\"default_lease_ttl\":3600,"
                    + "\"force_no_cache\":false,\"max_lease_ttl\":0,\"listing_visibility\":\"unauth\"},"
                    + "\"description\":\"\",\"external_entropy_access\":false,\"local\":true,\"options\":{},"
                    + "\"plugin_version\":\"\",\"running_plugin_version\":\"v1.0.0+builtin\",\"running_sha256\":\"\","
                    + "\"seal_wrap\":false,\"type\":\"userpass\",\"uuid\":\"u-up\"}";

    private static final String TOKEN_MOUNT =
            "\"token/\":{\"accessor\":\"auth_token_3c4ba92f\",\"config\":{\"default_lease_ttl\":0,"
                    + "\"force_no_cache\":false,\"max_lease_ttl\":0,\"token_type\":\"default-service\"},"
                    + "\"description\":\"token based credentials\",\"external_entropy_access\":false,"
                    + "\"local\":false,\"options\":null,\"plugin_version\":\"\","
                    + "\"running_plugin_version\":\"v1.0.0+builtin\",\"running_sha256\":\"\",\"seal_wrap\":false,"
                    + "\"type\":\"token\",\"uuid\":\"u-token\"}";

    @TempDir Path home;
    private final FakeTransport server = new FakeTransport();

    private CliHarness cli() {
        return new CliHarness(server, home);
    }

    // ---------------------------------------------------------------- enable

    @Test
    void enable_defaults_postsEnableAuthOptionsAtTypePath() {
        server.on("POST /v1/sys/auth/userpass", 204, null);
        Result r = cli().run("auth", "enable", "userpass");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Success! Enabled userpass auth method at: userpass/\n");
        assertThat(server.requestLines()).containsExactly("POST /v1/sys/auth/userpass");
        assertThat(server.requests().get(0).headers()).containsEntry("X-Vault-Token", "s.test-token");
        assertThat(server.body(0))
                .isEqualTo(
                        "{\"config\":{\"default_lease_ttl\":\"0s\",\"force_no_cache\":false,"
                                + "\"max_lease_ttl\":\"0s\"},\"description\":\"\",\"external_entropy_access\":false,"
                                + "\"local\":false,\"options\":null,\"seal_wrap\":false,\"type\":\"userpass\"}");
    }

    @Test
    void enable_pathDescriptionTtlsAndGivenConfig_areSent() {
        server.on("POST /v1/sys/auth/people", 204, null);
        Result r = cli().run("auth", "enable", "-path=people", "-description=Humans", "-default-lease-ttl=1h",
                "-max-lease-ttl=24h", "-listing-visibility=unauth", "-token-type=service",
                "-audit-non-hmac-request-keys=username", "-options=k=v", "-local", "userpass");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Success! Enabled userpass auth method at: people/\n");
        assertThat(server.body(0))
                .isEqualTo(
                        "{\"config\":{\"audit_non_hmac_request_keys\":[\"username\"],\"default_lease_ttl\":\"1h0m0s\","
                                + "\"force_no_cache\":false,\"listing_visibility\":\"unauth\",\"max_lease_ttl\":\"24h0m0s\","
                                + "\"token_type\":\"service\"},\"description\":\"Humans\",\"external_entropy_access\":false,"
                                + "\"local\":true,\"options\":{\"k\":\"v\"},\"seal_wrap\":false,\"type\":\"userpass\"}");
    }

    @Test
    void enable_pluginVersion_isNamedInSuccessLine() {
        server.on("POST /v1/sys/auth/approle", 204, null);
        Result r = cli().run("auth", "enable", "-plugin-version=v1.2.3", "approle");
        assertThat(r.out()).isEqualTo("Success! Enabled approle auth method version v1.2.3 at: approle/\n");
        assertThat(server.body(0)).contains("\"plugin_version\":\"v1.2.3\"");
    }

    @Test
    void enable_pathInUse_printsVaultsErrorAndExits2() {
        server.on("POST /v1/sys/auth/userpass", 400, "{\"errors\":[\"path is already in use at userpass/\"]}");
        Result r = cli().run("auth", "enable", "userpass");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo(
                        "Error enabling userpass auth: Error making API request.\n\n"
                                + "URL: POST http://127.0.0.1:8200/v1/sys/auth/userpass\n"
                                + "Code: 400. Errors:\n\n"
                                + "* path is already in use at userpass/\n");
    }

    @Test
    void enable_withoutType_exits1WithoutRequest() {
        Result r = cli().run("auth", "enable");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Not enough arguments (expected 1, got 0)\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void enable_twoTypes_exits1() {
        Result r = cli().run("auth", "enable", "userpass", "approle");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Too many arguments (expected 1, got 2)\n");
        assertThat(server.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- disable

    @Test
    void disable_deletesMountAndPrintsVaultsLine() {
        server.on("DELETE /v1/sys/auth/userpass", 204, null);
        Result r = cli().run("auth", "disable", "/userpass/");
        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("DELETE /v1/sys/auth/userpass");
        assertThat(r.out()).isEqualTo("Success! Disabled the auth method (if it existed) at: userpass/\n");
    }

    @Test
    void disable_forbidden_exits2() {
        server.on("DELETE /v1/sys/auth/userpass", 403, "{\"errors\":[\"permission denied\"]}");
        Result r = cli().run("auth", "disable", "userpass");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "Error disabling auth method at userpass/: Error making API request.\n\n"
                                + "URL: DELETE http://127.0.0.1:8200/v1/sys/auth/userpass\n"
                                + "Code: 403. Errors:\n\n"
                                + "* permission denied\n");
    }

    @Test
    void disable_withoutPath_exits1() {
        Result r = cli().run("auth", "disable");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Not enough arguments (expected 1, got 0)\n");
        assertThat(server.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- tune

    @Test
    void tune_sendsOnlyGivenSettingsToSysAuthTune() {
        server.on("POST /v1/sys/auth/userpass/tune", 204, null);
        Result r = cli().run("auth", "tune", "-default-lease-ttl=72h", "-max-lease-ttl=-1",
                "-description=Humans", "-audit-non-hmac-request-keys=a", "-audit-non-hmac-request-keys=b",
                "-listing-visibility=hidden", "-user-lockout-threshold=5", "-user-lockout-disable", "userpass/");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Success! Tuned the auth method at: userpass/\n");
        assertThat(server.requestLines()).containsExactly("POST /v1/sys/auth/userpass/tune");
        assertThat(server.body(0))
                .isEqualTo(
                        "{\"audit_non_hmac_request_keys\":[\"a\",\"b\"],\"default_lease_ttl\":\"72h0m0s\","
                                + "\"description\":\"Humans\",\"listing_visibility\":\"hidden\","
                                + "\"max_lease_ttl\":\"system\",\"user_lockout_config\":{\"lockout_disable\":true,"
                                + "\"lockout_threshold\":\"5\"}}");
    }

    @Test
    void tune_zeroTtlAndVersion_leaveTtlUnchangedAndSendOptions() {
        server.on("POST /v1/sys/auth/approle/tune", 204, null);
        Result r = cli().run("auth", "tune", "-default-lease-ttl=0", "-version=2", "-token-type=batch", "approle");
        assertThat(r.exitCode()).isZero();
        assertThat(server.body(0)).isEqualTo("{\"options\":{\"version\":\"2\"},\"token_type\":\"batch\"}");
    }

    @Test
    void tune_unknownMount_exits2WithVaultsPrefix() {
        server.on("POST /v1/sys/auth/nope/tune", 400, "{\"errors\":[\"no mount at nope/\"]}");
        Result r = cli().run("auth", "tune", "-max-lease-ttl=1h", "nope");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "Error tuning auth method nope/: Error making API request.\n\n"
                                + "URL: POST http://127.0.0.1:8200/v1/sys/auth/nope/tune\n"
                                + "Code: 400. Errors:\n\n"
                                + "* no mount at nope/\n");
    }

    @Test
    void tune_negativeLockoutThreshold_exits1() {
        Result r = cli().run("auth", "tune", "-user-lockout-threshold=-3", "userpass");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("invalid value \"-3\" for flag -user-lockout-threshold: parse error\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void tune_withoutPath_exits1() {
        Result r = cli().run("auth", "tune", "-max-lease-ttl=1h");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Not enough arguments (expected 1, got 0)\n");
        assertThat(server.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- list

    @Test
    void list_table_showsPathTypeAccessorDescriptionVersion() {
        server.on("GET /v1/sys/auth", 200, "{\"data\":{" + USERPASS_MOUNT + "," + TOKEN_MOUNT + "}}");
        Result r = cli().run("auth", "list");
        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("GET /v1/sys/auth");
        assertThat(r.out())
                .isEqualTo(
                        "Path         Type        Accessor                  Description                Version\n"
                                + "----         ----        --------                  -----------                -------\n"
                                + "token/       token       auth_token_3c4ba92f       token based credentials    n/a\n"
                                + "userpass/    userpass    auth_userpass_eea6507e    n/a                        n/a\n");
    }

    @Test
    void list_detailed_showsVaultsSixteenColumns() {
        server.on("GET /v1/sys/auth", 200, "{\"data\":{" + USERPASS_MOUNT + "}}");
        Result r = cli().run("auth", "list", "-detailed");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .isEqualTo(
                        "Path         Plugin      Accessor                  Default TTL    Max TTL    Token Type"
                                + "    Replication    Seal Wrap    External Entropy Access    Options    Description"
                                + "    UUID    Version    Running Version    Running SHA256    Deprecation Status\n"
                                + "----         ------      --------                  -----------    -------    ----------"
                                + "    -----------    ---------    -----------------------    -------    -----------"
                                + "    ----    -------    ---------------    --------------    ------------------\n"
                                + "userpass/    userpass    auth_userpass_eea6507e    3600           system     n/a       "
                                + "    local          false        false                      map[]      n/a        "
                                + "    u-up    n/a        v1.0.0+builtin     n/a               n/a\n");
    }

    @Test
    void list_json_isVaultsAuthMountMap() {
        server.on("GET /v1/sys/auth", 200, "{\"data\":{" + USERPASS_MOUNT + "}}");
        Result r = cli().run("auth", "list", "-format=json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .isEqualTo(
                        "{\n"
                                + "  \"userpass/\": {\n"
                                + "    \"uuid\": \"u-up\",\n"
                                + "    \"type\": \"userpass\",\n"
                                + "    \"description\": \"\",\n"
                                + "    \"accessor\": \"auth_userpass_eea6507e\",\n"
                                + "    \"config\": {\n"
                                + "      \"default_lease_ttl\": 3600,\n"
                                + "      \"max_lease_ttl\": 0,\n"
                                + "      \"force_no_cache\": false,\n"
                                + "      \"listing_visibility\": \"unauth\"\n"
                                + "    },\n"
                                + "    \"options\": {},\n"
                                + "    \"local\": true,\n"
                                + "    \"seal_wrap\": false,\n"
                                + "    \"external_entropy_access\": false,\n"
                                + "    \"plugin_version\": \"\",\n"
                                + "    \"running_plugin_version\": \"v1.0.0+builtin\",\n"
                                + "    \"running_sha256\": \"\",\n"
                                + "    \"deprecation_status\": \"\"\n"
                                + "  }\n"
                                + "}\n");
    }

    @Test
    void list_forbidden_exits2WithVaultsPrefix() {
        server.on("GET /v1/sys/auth", 403, "{\"errors\":[\"permission denied\"]}");
        Result r = cli().run("auth", "list");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "Error listing enabled authentications: Error making API request.\n\n"
                                + "URL: GET http://127.0.0.1:8200/v1/sys/auth\n"
                                + "Code: 403. Errors:\n\n"
                                + "* permission denied\n");
    }

    @Test
    void list_emptyAnswer_exits2() {
        server.on("GET /v1/sys/auth", 204, null);
        Result r = cli().run("auth", "list");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Error listing enabled authentications: data from server response is empty\n");
    }

    @Test
    void list_withArgument_exits1() {
        Result r = cli().run("auth", "list", "userpass");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Too many arguments (expected 0, got 1)\n");
        assertThat(server.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- help and catalog

    @Test
    void group_help_listsSubcommands() {
        Result r = cli().run("auth", "-help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith("Usage: coffer auth <subcommand> [options] [args]")
                .contains("    disable    Disables an auth method\n")
                .contains("    enable     Enables a new auth method\n")
                .contains("    list       Lists enabled auth methods\n")
                .contains("    tune       Tunes an auth method configuration\n");
    }

    @Test
    void enable_help_showsUsageAndFlags() {
        Result r = cli().run("auth", "enable", "-h");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith("Usage: coffer auth enable [options] TYPE")
                .contains("  -path=<string>\n")
                .contains("  -default-lease-ttl=<duration>\n")
                .contains("  -token-type=<string>\n");
    }
}

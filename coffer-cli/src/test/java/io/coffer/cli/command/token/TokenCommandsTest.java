package io.coffer.cli.command.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandsTest {
    private static final String AUTH =
            "{\"request_id\":\"r\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                    + "\"data\":null,\"wrap_info\":null,\"warnings\":null,\"auth\":{\"client_token\":"
                    + "\"hvs.new\",\"accessor\":\"acc\",\"policies\":[\"default\",\"web\"],\"token_policies\":"
                    + "[\"default\",\"web\"],\"metadata\":{\"user\":\"armon\"},\"lease_duration\":3600,"
                    + "\"renewable\":true,\"entity_id\":\"\",\"token_type\":\"service\",\"orphan\":false,"
                    + "\"mfa_requirement\":null,\"num_uses\":0},\"mount_type\":\"token\"}";

    @TempDir Path home;
    private final FakeTransport server = new FakeTransport();

    private CliHarness cli() {
        return new CliHarness(server, home);
    }

    @Test
    void create_flags_buildRequestBody() {
        server.on("POST /v1/auth/token/create", 200, AUTH);
        Result r =
                cli()
                        .run("token", "create", "-policy=web", "-policy=db,ops", "-ttl=1h",
                                "-explicit-max-ttl=2h", "-num-uses=3", "-display-name=ci", "-metadata=user=armon",
                                "-renewable=false", "-no-default-policy", "-period=30m");
        assertThat(r.exitCode()).isZero();
        assertThat(server.body(0))
                .isEqualTo(
                        "{\"display_name\":\"ci\",\"explicit_max_ttl\":\"2h0m0s\",\"meta\":{\"user\":\"armon\"},"
                                + "\"no_default_policy\":true,\"num_uses\":3,\"period\":\"30m0s\","
                                + "\"policies\":[\"web\",\"db\",\"ops\"],\"renewable\":false,\"ttl\":\"1h0m0s\"}");
        assertThat(r.out()).contains("token                hvs.new\n").contains("token_meta_user      armon");
    }

    @Test
    void create_orphanAndRole_useNoParentAndRolePath() {
        server.on("POST /v1/auth/token/create/ci", 200, AUTH);
        cli().run("token", "create", "-orphan", "-role=ci");
        assertThat(server.requestLines()).containsExactly("POST /v1/auth/token/create/ci");
        assertThat(server.body(0)).isEqualTo("{\"no_parent\":true,\"renewable\":true}");
    }

    @Test
    void create_fieldToken_printsOnlyToken() {
        server.on("POST /v1/auth/token/create", 200, AUTH);
        assertThat(cli().run("token", "create", "-field=token").out()).isEqualTo("hvs.new");
    }

    @Test
    void create_forbidden_exits2() {
        server.on("POST /v1/auth/token/create", 403, "{\"errors\":[\"permission denied\"]}");
        Result r = cli().run("token", "create");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error creating token: Error making API request.");
    }

    @Test
    void lookup_noArgument_usesLookupSelf() {
        server.on("GET /v1/auth/token/lookup-self", 200, "{\"data\":{\"id\":\"hvs.me\",\"ttl\":0,\"policies\":[\"root\"]}}");
        Result r = cli().run("token", "lookup");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("policies    [root]").contains("ttl         0s");
    }

    @Test
    void lookup_tokenAndAccessor_useTheirEndpoints() {
        server.on("POST /v1/auth/token/lookup", 200, "{\"data\":{\"id\":\"x\"}}");
        server.on("POST /v1/auth/token/lookup-accessor", 200, "{\"data\":{\"id\":\"\"}}");
        cli().run("token", "lookup", "hvs.other");
        cli().run("token", "lookup", "-accessor", "acc1");
        assertThat(server.body(0)).isEqualTo("{\"token\":\"hvs.other\"}");
        assertThat(server.body(1)).isEqualTo("{\"accessor\":\"acc1\"}");
    }

    @Test
    void lookup_badToken_exits2() {
        server.on("POST /v1/auth/token/lookup", 403, "{\"errors\":[\"bad token\"]}");
        Result r = cli().run("token", "lookup", "hvs.bad");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error looking up token: ").doesNotContain("s.test-token");
    }

    @Test
    void renew_selfAndIncrement_sendSeconds() {
        server.on("PUT /v1/auth/token/renew-self", 200, AUTH);
        server.on("PUT /v1/auth/token/renew", 200, AUTH);
        cli().run("token", "renew", "-increment=30m");
        cli().run("token", "renew", "-i", "1h", "hvs.x");
        assertThat(server.body(0)).isEqualTo("{\"increment\":1800}");
        assertThat(server.body(1)).isEqualTo("{\"increment\":3600,\"token\":\"hvs.x\"}");
    }

    @Test
    void revoke_modes_useTheirEndpoints() {
        server.on("PUT /v1/auth/token/revoke", 204, null);
        server.on("PUT /v1/auth/token/revoke-orphan", 204, null);
        server.on("PUT /v1/auth/token/revoke-self", 204, null);
        server.on("POST /v1/auth/token/revoke-accessor", 204, null);
        assertThat(cli().run("token", "revoke", "hvs.a").out())
                .isEqualTo("Success! Revoked token (if it existed)\n");
        cli().run("token", "revoke", "-mode=orphan", "hvs.b");
        cli().run("token", "revoke", "-self");
        cli().run("token", "revoke", "-accessor", "acc");
        assertThat(server.requestLines())
                .containsExactly(
                        "PUT /v1/auth/token/revoke",
                        "PUT /v1/auth/token/revoke-orphan",
                        "PUT /v1/auth/token/revoke-self",
                        "POST /v1/auth/token/revoke-accessor");
    }

    @Test
    void revoke_invalidCombinations_exit1() {
        assertThat(cli().run("token", "revoke").err())
                .isEqualTo("Not enough arguments (expected 1 or -self, got 0)\n");
        assertThat(cli().run("token", "revoke", "-self", "x").err())
                .isEqualTo("Too many arguments with -self (expected 0, got 1)\n");
        assertThat(cli().run("token", "revoke", "-accessor", "-mode=orphan", "x").err())
                .isEqualTo("Cannot use -accessor with -mode=orphan!\n");
        assertThat(cli().run("token", "revoke", "-self", "-accessor").exitCode()).isEqualTo(1);
    }

    @Test
    void capabilities_self_printsSortedCommaList() {
        server.on(
                "POST /v1/sys/capabilities-self",
                200,
                "{\"data\":{\"secret/data/app\":[\"update\",\"read\"],\"capabilities\":[\"update\",\"read\"]}}");
        Result r = cli().run("token", "capabilities", "secret/data/app");
        assertThat(r.out()).isEqualTo("read, update\n");
        assertThat(server.body(0)).isEqualTo("{\"paths\":[\"secret/data/app\"]}");
    }

    @Test
    void capabilities_otherToken_usesSysCapabilities() {
        server.on("POST /v1/sys/capabilities", 200, "{\"data\":{\"capabilities\":[\"deny\"]}}");
        Result r = cli().run("token", "capabilities", "-format=json", "hvs.x", "secret/foo");
        assertThat(r.out()).isEqualTo("[\n  \"deny\"\n]\n");
        assertThat(server.body(0)).isEqualTo("{\"paths\":[\"secret/foo\"],\"token\":\"hvs.x\"}");
    }
}

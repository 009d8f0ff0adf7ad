package io.coffer.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericCommandsTest {
    @TempDir Path home;
    private final FakeTransport server = new FakeTransport();

    private CliHarness cli() {
        return new CliHarness(server, home);
    }

    @Test
    void read_existing_printsTable() {
        server.on(
                "GET /v1/kv1/foo",
                200,
                "{\"request_id\":\"r\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":2764800,"
                        + "\"data\":{\"value\":\"world\"},\"warnings\":null}");
        Result r = cli().run("read", "kv1/foo");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .isEqualTo(
                        "Key                 Value\n---                 -----\nrefresh_interval    768h\nvalue"
                                + "               world\n");
    }

    @Test
    void read_missing_saysNoValueFoundAndExits2() {
        Result r = cli().run("read", "/kv1/nothing/");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("No value found at kv1/nothing\n");
    }

    @Test
    void read_forbidden_printsApiErrorAndExits2() {
        server.on("GET /v1/kv1/foo", 403, "{\"errors\":[\"permission denied\"]}");
        Result r = cli().run("read", "kv1/foo");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "Error reading kv1/foo: Error making API request.\n\n"
                                + "URL: GET http://127.0.0.1:8200/v1/kv1/foo\n"
                                + "Code: 403. Errors:\n\n"
                                + "* permission denied\n");
    }

    @Test
    void read_serverDown_exits2WithConnectionRefused() {
        server.refuse();
        Result r = cli().run("read", "kv1/foo");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("connect: connection refused");
    }

    @Test
    void read_kvArguments_becomeQueryParameters() {
        cli().run("read", "secret/data/foo", "version=2");
        assertThat(server.requestLines()).containsExactly("GET /v1/secret/data/foo?version=2");
    }

    @Test
    void read_field_printsBareValue() {
        server.on("GET /v1/kv1/foo", 200, "{\"data\":{\"value\":\"world\"}}");
        Result r = cli().run("read", "-field=value", "kv1/foo");
        assertThat(r.out()).isEqualTo("world");
    }

    @Test
    void write_keyValues_putsJsonAndPrintsSuccess() {
        server.on("PUT /v1/kv1/foo", 204, null);
        Result r = cli().run("write", "kv1/foo", "a=1", "b=two");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Success! Data written to: kv1/foo\n");
        assertThat(server.body(0)).isEqualTo("{\"a\":\"1\",\"b\":\"two\"}");
    }

    @Test
    void write_dashReadsJsonFromStdin() {
        server.on("PUT /v1/sys/policies/acl/x", 204, null);
        Result r = cli().stdin("{\"policy\":\"path \\\"a\\\" {}\"}").run("write", "sys/policies/acl/x", "-");
        assertThat(r.exitCode()).isZero();
        assertThat(server.body(0)).isEqualTo("{\"policy\":\"path \\\"a\\\" {}\"}");
    }

    @Test
    void write_atFile_readsValue() throws Exception {
        Files.writeString(home.resolve("v.txt"), "from-file");
        server.on("PUT /v1/kv1/foo", 204, null);
        cli().run("write", "kv1/foo", "v=@" + home.resolve("v.txt"));
        assertThat(server.body(0)).isEqualTo("{\"v\":\"from-file\"}");
    }

    @Test
    void write_withoutData_requiresForce() {
        Result r = cli().run("write", "transit/keys/k");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Must supply data or use -force\n");
        server.on("PUT /v1/transit/keys/k", 204, null);
        assertThat(cli().run("write", "-f", "transit/keys/k").exitCode()).isZero();
    }

    @Test
    void write_badKeyValue_exits1() {
        Result r = cli().run("write", "kv1/foo", "novalue");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo("Failed to parse K=V data: Invalid key/value pair 'novalue': format must be key=value\n");
    }

    @Test
    void write_responseWithData_printsSecret() {
        server.on("PUT /v1/transit/encrypt/k", 200, "{\"data\":{\"ciphertext\":\"vault:v1:abc\"}}");
        Result r = cli().run("write", "-field=ciphertext", "transit/encrypt/k", "plaintext=aGk=");
        assertThat(r.out()).isEqualTo("vault:v1:abc");
    }

    @Test
    void write_jsonFormat_printsNothingOnNoContent() {
        server.on("PUT /v1/kv1/foo", 204, null);
        Result r = cli().run("write", "-format=json", "kv1/foo", "a=b");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void delete_path_sendsDeleteAndPrintsSuccess() {
        server.on("DELETE /v1/kv1/foo", 204, null);
        Result r = cli().run("delete", "kv1/foo");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Success! Data deleted (if it existed) at: kv1/foo\n");
    }

    @Test
    void list_keys_printsSortedKeysTable() {
        server.on("GET /v1/kv1?list=true", 200, "{\"data\":{\"keys\":[\"b\",\"a/\"]}}");
        Result r = cli().run("list", "kv1/");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Keys\n----\na/\nb\n");
    }

    @Test
    void list_json_printsArray() {
        server.on("GET /v1/kv1?list=true", 200, "{\"data\":{\"keys\":[\"b\",\"a/\"]}}");
        Result r = cli().run("list", "-format=json", "kv1");
        assertThat(r.out()).isEqualTo("[\n  \"b\",\n  \"a/\"\n]\n");
    }

    @Test
    void list_nothing_exits2() {
        Result r = cli().run("list", "kv1/empty");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("No value found at kv1/empty\n");
        Result json = cli().run("list", "-format=json", "kv1/empty");
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.out()).isEqualTo("{}\n");
    }

    @Test
    void format_spellings_allSelectJson() {
        server.on("GET /v1/kv1/foo", 200, "{\"data\":{\"a\":\"b\"}}");
        for (String[] args :
                new String[][] {
                    {"read", "-format=json", "kv1/foo"},
                    {"read", "--format=json", "kv1/foo"},
                    {"read", "-format", "json", "kv1/foo"},
                    {"read", "--format", "json", "kv1/foo"},
                    {"read", "kv1/foo", "-format=json"}
                }) {
            assertThat(cli().run(args).out()).as(String.join(" ", args)).startsWith("{\n  \"request_id\"");
        }
    }

    @Test
    void format_fromVaultFormatEnv_isUsed() {
        server.on("GET /v1/kv1/foo", 200, "{\"data\":{\"a\":\"b\"}}");
        assertThat(cli().env("VAULT_FORMAT", "json").run("read", "kv1/foo").out()).startsWith("{");
    }

    @Test
    void token_fromFile_isUsedWhenEnvUnset() throws Exception {
        Files.writeString(home.resolve(".vault-token"), "s.from-file\n");
        cli().env("VAULT_TOKEN", null).run("read", "kv1/foo");
        assertThat(server.requests().get(0).headers()).containsEntry("X-Vault-Token", "s.from-file");
    }

    @Test
    void address_flag_overridesEnvironment() {
        cli().run("read", "-address=http://127.0.0.1:1234", "kv1/foo");
        assertThat(server.requests().get(0).uri().toString()).startsWith("http://127.0.0.1:1234/v1/");
    }

    @Test
    void write_approleLogin_printsTokenTableLikeVaultAndStoresNothing() {
        server.on(
                "PUT /v1/auth/approle/login",
                200,
                "{\"request_id\":\"r2\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                        + "\"data\":null,\"wrap_info\":null,\"warnings\":null,\"auth\":{\"client_token\":"
                        + "\"hvs.CAESIci\",\"accessor\":\"acc-ci\",\"policies\":[\"ci\",\"default\"],"
                        + "\"token_policies\":[\"ci\",\"default\"],\"identity_policies\":null,"
                        + "\"metadata\":{\"role_name\":\"ci\"},\"lease_duration\":1200,\"renewable\":true,"
                        + "\"entity_id\":\"e2\",\"token_type\":\"service\",\"orphan\":true}}");
        Result r = cli().run("write", "auth/approle/login", "role_id=3b1c-role", "secret_id=9f2e-secret");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("PUT /v1/auth/approle/login");
        assertThat(server.body(0)).isEqualTo("{\"role_id\":\"3b1c-role\",\"secret_id\":\"9f2e-secret\"}");
        assertThat(r.out())
                .isEqualTo(
                        "Key                     Value\n"
                                + "---                     -----\n"
                                + "token                   hvs.CAESIci\n"
                                + "token_accessor          acc-ci\n"
                                + "token_duration          20m\n"
                                + "token_renewable         true\n"
                                + "token_policies          [\"ci\" \"default\"]\n"
                                + "identity_policies       []\n"
                                + "policies                [\"ci\" \"default\"]\n"
                                + "token_meta_role_name    ci\n");
        assertThat(home.resolve(".vault-token")).doesNotExist();
    }

    @Test
    void write_approleLoginField_printsBareToken() {
        server.on(
                "PUT /v1/auth/approle/login",
                200,
                "{\"auth\":{\"client_token\":\"hvs.CAESIci\",\"accessor\":\"acc-ci\",\"lease_duration\":1200}}");
        Result r = cli().run("write", "-field=token", "auth/approle/login", "role_id=r", "secret_id=s");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("hvs.CAESIci");
    }
}

package io.coffer.cli.command.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsCommandsTest {
    @TempDir Path home;
    private final FakeTransport server = new FakeTransport();

    private CliHarness cli() {
        return new CliHarness(server, home);
    }

    private static final String MOUNTS =
            "{\"data\":{"
                    + "\"secret/\":{\"type\":\"kv\",\"description\":\"key/value secret storage\","
                    + "\"accessor\":\"kv_7f3a1c2b\",\"uuid\":\"u1\",\"local\":false,\"seal_wrap\":false,"
                    + "\"options\":{\"version\":\"2\"},\"config\":{\"default_lease_ttl\":0,\"max_lease_ttl\":0,"
                    + "\"force_no_cache\":false}},"
                    + "\"sys/\":{\"type\":\"system\",\"description\":\"system endpoints used for control,"
                    + " policy and debugging\",\"accessor\":\"system_1\",\"uuid\":\"u2\",\"local\":false,"
                    + "\"seal_wrap\":true,\"options\":null,\"config\":{\"default_lease_ttl\":0,"
                    + "\"max_lease_ttl\":0,\"force_no_cache\":false}},"
                    + "\"cubbyhole/\":{\"type\":\"cubbyhole\",\"description\":\"per-token private secret"
                    + " storage\",\"accessor\":\"cubbyhole_2\",\"uuid\":\"u3\",\"local\":true,"
                    + "\"seal_wrap\":false,\"options\":null,\"config\":{\"default_lease_ttl\":0,"
                    + "\"max_lease_ttl\":0,\"force_no_cache\":false}}},"
                    + "\"secret/\":{\"type\":\"kv\"}}";

    @Test
    void enable_version2_sendsOptionsVersionString() {
        server.on("POST /v1/sys/mounts/kv2", 204, null);
        Result r = cli().run("secrets", "enable", "-path=kv2", "-version=2", "kv");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Success! Enabled the kv secrets engine at: kv2/\n");
        assertThat(server.body(0))
                .isEqualTo(
                        "{\"config\":{\"default_lease_ttl\":\"0s\",\"force_no_cache\":false,"
                                + "\"max_lease_ttl\":\"0s\"},\"description\":\"\",\"external_entropy_access\":false,"
                                + "\"local\":false,\"options\":{\"version\":\"2\"},\"seal_wrap\":false,\"type\":\"kv\"}");
    }

    @Test
    void enable_ttlsAndDescription_areSent() {
        server.on("POST /v1/sys/mounts/transit", 204, null);
        cli().run("secrets", "enable", "-description=Encryption", "-default-lease-ttl=30m",
                "-max-lease-ttl=24h", "transit");
        assertThat(server.body(0))
                .contains("\"default_lease_ttl\":\"30m0s\"")
                .contains("\"max_lease_ttl\":\"24h0m0s\"")
                .contains("\"description\":\"Encryption\"")
                .contains("\"options\":null");
    }

    @Test
    void enable_conflict_printsErrorAndExits2() {
        server.on("POST /v1/sys/mounts/secret", 400, "{\"errors\":[\"path is already in use at secret/\"]}");
        Result r = cli().run("secrets", "enable", "-path=secret", "kv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "Error enabling: Error making API request.\n\n"
                                + "URL: POST http://127.0.0.1:8200/v1/sys/mounts/secret\n"
                                + "Code: 400. Errors:\n\n"
                                + "* path is already in use at secret/\n");
    }

    @Test
    void disable_deletesMount() {
        server.on("DELETE /v1/sys/mounts/kv2", 204, null);
        Result r = cli().run("secrets", "disable", "kv2");
        assertThat(r.out()).isEqualTo("Success! Disabled the secrets engine (if it existed) at: kv2/\n");
    }

    @Test
    void tune_sendsOnlyGivenSettings() {
        server.on("POST /v1/sys/mounts/kv2/tune", 204, null);
        Result r = cli().run("secrets", "tune", "-max-lease-ttl=1h", "-version=2", "kv2/");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Success! Tuned the secrets engine at: kv2/\n");
        assertThat(server.body(0)).isEqualTo("{\"max_lease_ttl\":\"1h0m0s\",\"options\":{\"version\":\"2\"}}");
    }

    @Test
    void list_table_showsPathTypeAccessorDescription() {
        server.on("GET /v1/sys/mounts", 200, MOUNTS);
        Result r = cli().run("secrets", "list");
        assertThat(r.out())
                .isEqualTo(
                        "Path          Type         Accessor       Description\n"
                                + "----          ----         --------       -----------\n"
                                + "cubbyhole/    cubbyhole    cubbyhole_2    per-token private secret storage\n"
                                + "secret/       kv           kv_7f3a1c2b    key/value secret storage\n"
                                + "sys/          system       system_1       system endpoints used for control,"
                                + " policy and debugging\n");
    }

    @Test
    void list_detailed_showsTtlsOptionsAndReplication() {
        server.on("GET /v1/sys/mounts", 200, MOUNTS);
        Result r = cli().run("secrets", "list", "-detailed");
        assertThat(r.out())
                .startsWith("Path          Plugin       Accessor       Default TTL    Max TTL    Force No Cache")
                .contains("secret/       kv           kv_7f3a1c2b    system         system     false             replicated     false        map[version:2]")
                .contains("cubbyhole/    cubbyhole    cubbyhole_2    n/a            n/a        false             local");
    }

    @Test
    void list_json_printsMountsMap() {
        server.on("GET /v1/sys/mounts", 200, MOUNTS);
        Result r = cli().run("secrets", "list", "-format=json");
        assertThat(r.out()).startsWith("{\n  \"cubbyhole/\": {\n").contains("\"secret/\": {");
    }
}

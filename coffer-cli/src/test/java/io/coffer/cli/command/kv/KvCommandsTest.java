package io.coffer.cli.command.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvCommandsTest {
    private static final String V2_MOUNT =
            "{\"data\":{\"type\":\"kv\",\"path\":\"secret/\",\"options\":{\"version\":\"2\"}}}";
    private static final String V1_MOUNT =
            "{\"data\":{\"type\":\"kv\",\"path\":\"kv1/\",\"options\":null}}";
    private static final String VERSION_META =
            "{\"data\":{\"created_time\":\"2024-05-01T10:00:00.123456789Z\",\"custom_metadata\":null,"
                    + "\"deletion_time\":\"\",\"destroyed\":false,\"version\":1}}";
    private static final String V2_READ =
            "{\"request_id\":\"r\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                    + "\"data\":{\"data\":{\"user\":\"bob\",\"password\":\"hunter2\"},\"metadata\":{"
                    + "\"created_time\":\"2024-05-01T10:00:00.123456789Z\",\"custom_metadata\":null,"
                    + "\"deletion_time\":\"\",\"destroyed\":false,\"version\":1}},\"warnings\":null,"
                    + "\"mount_type\":\"kv\"}";

    @TempDir Path home;
    private final FakeTransport server = new FakeTransport();

    private CliHarness cli() {
        return new CliHarness(server, home);
    }

    private void v2() {
        server.on("GET /v1/sys/internal/ui/mounts/secret/foo", 200, V2_MOUNT);
        server.on("GET /v1/sys/internal/ui/mounts/secret", 200, V2_MOUNT);
    }

    @Test
    void put_v2_wrapsDataAndRewritesPath() {
        v2();
        server.on("PUT /v1/secret/data/foo", 200, VERSION_META);
        Result r = cli().run("kv", "put", "secret/foo", "user=bob");
        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines())
                .containsExactly("GET /v1/sys/internal/ui/mounts/secret/foo", "PUT /v1/secret/data/foo");
        assertThat(server.body(1)).isEqualTo("{\"data\":{\"user\":\"bob\"},\"options\":{}}");
        assertThat(r.out())
                .isEqualTo(
                        "= Secret Path =\n"
                                + "secret/data/foo\n"
                                + "\n"
                                + "======= Metadata =======\n"
                                + "Key                Value\n"
                                + "---                -----\n"
                                + "created_time       2024-05-01T10:00:00.123456789Z\n"
                                + "custom_metadata    <nil>\n"
                                + "deletion_time      n/a\n"
                                + "destroyed          false\n"
                                + "version            1\n");
    }

    @Test
    void put_cas_isSentInOptions() {
        v2();
        server.on("PUT /v1/secret/data/foo", 200, VERSION_META);
        cli().run("kv", "put", "-cas=0", "secret/foo", "a=b");
        assertThat(server.body(1)).isEqualTo("{\"data\":{\"a\":\"b\"},\"options\":{\"cas\":0}}");
    }

    @Test
    void put_mountFlag_usesMountAndKey() {
        server.on("GET /v1/sys/internal/ui/mounts/secret", 200, V2_MOUNT);
        server.on("PUT /v1/secret/data/app/db", 200, VERSION_META);
        Result r = cli().run("kv", "put", "-mount=secret", "app/db", "a=b");
        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly(
                "GET /v1/sys/internal/ui/mounts/secret", "PUT /v1/secret/data/app/db");
    }

    @Test
    void put_v1PreflightNotFound_writesPlainPath() {
        server.on("PUT /v1/kv1/foo", 204, null);
        Result r = cli().run("kv", "put", "kv1/foo", "a=b");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Success! Data written to: kv1/foo\n");
        assertThat(server.body(1)).isEqualTo("{\"a\":\"b\"}");
    }

    @Test
    void put_v1MountWithoutVersion_writesPlainPath() {
        server.on("GET /v1/sys/internal/ui/mounts/kv1/foo", 200, V1_MOUNT);
        server.on("PUT /v1/kv1/foo", 204, null);
        assertThat(cli().run("kv", "put", "kv1/foo", "a=b").exitCode()).isZero();
        assertThat(server.requestLines()).last().isEqualTo("PUT /v1/kv1/foo");
    }

    @Test
    void put_preflightForbidden_printsErrorAndExits2() {
        server.on(
                "GET /v1/sys/internal/ui/mounts/nope/foo",
                403,
                "{\"errors\":[\"preflight capability check returned 403, please ensure client's policies"
                        + " grant access to path \\\"nope/foo/\\\"\"]}");
        Result r = cli().run("kv", "put", "nope/foo", "a=b");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("Error making API request.\n\nURL: GET http://127.0.0.1:8200/v1/sys/internal/ui/mounts/nope/foo\nCode: 403.");
    }

    @Test
    void put_withoutData_exits1() {
        Result r = cli().run("kv", "put", "secret/foo");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Must supply data\n");
    }

    @Test
    void put_stdinValue_readsWholeInput() {
        v2();
        server.on("PUT /v1/secret/data/foo", 200, VERSION_META);
        cli().stdin("abcd1234\n").run("kv", "put", "secret/foo", "bar=-");
        assertThat(server.body(1)).isEqualTo("{\"data\":{\"bar\":\"abcd1234\\n\"},\"options\":{}}");
    }

    @Test
    void get_v2_printsSectionsLikeVault() {
        v2();
        server.on("GET /v1/secret/data/foo", 200, V2_READ);
        Result r = cli().run("kv", "get", "secret/foo");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .isEqualTo(
                        "= Secret Path =\n"
                                + "secret/data/foo\n"
                                + "\n"
                                + "======= Metadata =======\n"
                                + "Key                Value\n"
                                + "---                -----\n"
                                + "created_time       2024-05-01T10:00:00.123456789Z\n"
                                + "custom_metadata    <nil>\n"
                                + "deletion_time      n/a\n"
                                + "destroyed          false\n"
                                + "version            1\n"
                                + "\n"
                                + "====== Data ======\n"
                                + "Key         Value\n"
                                + "---         -----\n"
                                + "password    hunter2\n"
                                + "user        bob\n");
    }

    @Test
    void get_version_isSentAsQuery() {
        v2();
        cli().run("kv", "get", "-version=3", "secret/foo");
        assertThat(server.requestLines()).last().isEqualTo("GET /v1/secret/data/foo?version=3");
    }

    @Test
    void get_missing_saysNoValueFoundAtDataPath() {
        v2();
        Result r = cli().run("kv", "get", "secret/foo");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("No value found at secret/data/foo\n");
    }

    @Test
    void get_field_printsOneValue() {
        v2();
        server.on("GET /v1/secret/data/foo", 200, V2_READ);
        Result r = cli().run("kv", "get", "-field=password", "secret/foo");
        assertThat(r.out()).isEqualTo("hunter2");
    }

    @Test
    void get_json_printsWholeEnvelope() {
        v2();
        server.on("GET /v1/secret/data/foo", 200, V2_READ);
        Result r = cli().run("kv", "get", "-format=json", "secret/foo");
        assertThat(r.out())
                .startsWith("{\n  \"request_id\": \"r\",\n  \"lease_id\": \"\",\n  \"lease_duration\": 0,")
                .contains("\"data\": {\n    \"data\": {\n      \"password\": \"hunter2\",\n      \"user\": \"bob\"\n    },")
                .endsWith("  \"warnings\": null,\n  \"mount_type\": \"kv\"\n}\n");
    }

    @Test
    void get_deletedVersion_printsMetadataWithoutData() {
        v2();
        server.on(
                "GET /v1/secret/data/foo",
                404,
                "{\"data\":{\"data\":null,\"metadata\":{\"created_time\":\"t\",\"custom_metadata\":null,"
                        + "\"deletion_time\":\"2024-05-02T09:00:00Z\",\"destroyed\":false,\"version\":2}}}");
        Result r = cli().run("kv", "get", "secret/foo");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("deletion_time      2024-05-02T09:00:00Z").doesNotContain("Data ==");
    }

    @Test
    void get_v1_printsDataSectionOnly() {
        server.on("GET /v1/kv1/foo", 200, "{\"lease_duration\":2764800,\"data\":{\"a\":\"b\"}}");
        Result r = cli().run("kv", "get", "kv1/foo");
        assertThat(r.out()).isEqualTo("== Data ==\nKey    Value\n---    -----\na      b\n");
    }

    @Test
    void patch_v2_sendsMergePatch() {
        v2();
        server.on("PATCH /v1/secret/data/foo", 200, VERSION_META);
        Result r = cli().run("kv", "patch", "secret/foo", "a=b");
        assertThat(r.exitCode()).isZero();
        assertThat(server.requests().get(1).headers())
                .containsEntry("Content-Type", "application/merge-patch+json");
        assertThat(server.body(1)).isEqualTo("{\"data\":{\"a\":\"b\"},\"options\":{}}");
    }

    @Test
    void patch_removeData_sendsNulls() {
        v2();
        server.on("PATCH /v1/secret/data/foo", 200, VERSION_META);
        cli().run("kv", "patch", "-remove-data=user", "secret/foo");
        assertThat(server.body(1)).isEqualTo("{\"data\":{\"user\":null},\"options\":{}}");
    }

    @Test
    void patch_methodNotAllowed_fallsBackToReadAndCasWrite() {
        v2();
        server.on("PATCH /v1/secret/data/foo", 405, "{\"errors\":[\"unsupported operation\"]}");
        server.on("GET /v1/secret/data/foo", 200, V2_READ);
        server.on("PUT /v1/secret/data/foo", 200, VERSION_META);
        Result r = cli().run("kv", "patch", "secret/foo", "password=new");
        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines())
                .containsExactly(
                        "GET /v1/sys/internal/ui/mounts/secret/foo",
                        "PATCH /v1/secret/data/foo",
                        "GET /v1/secret/data/foo",
                        "PUT /v1/secret/data/foo");
        assertThat(server.body(3))
                .isEqualTo("{\"data\":{\"password\":\"new\",\"user\":\"bob\"},\"options\":{\"cas\":1}}");
    }

    @Test
    void patch_forbidden_warnsAndFallsBack() {
        v2();
        server.on("PATCH /v1/secret/data/foo", 403, "{\"errors\":[\"permission denied\"]}");
        server.on("GET /v1/secret/data/foo", 200, V2_READ);
        server.on("PUT /v1/secret/data/foo", 200, VERSION_META);
        Result r = cli().run("kv", "patch", "secret/foo", "password=new");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("add the \"patch\" capability");
    }

    @Test
    void patch_methodPatchOnly_doesNotFallBack() {
        v2();
        server.on("PATCH /v1/secret/data/foo", 405, "{\"errors\":[\"unsupported operation\"]}");
        Result r = cli().run("kv", "patch", "-method=patch", "secret/foo", "a=b");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(server.requestLines()).hasSize(2);
    }

    @Test
    void patch_v1_isRejected() {
        Result r = cli().run("kv", "patch", "kv1/foo", "a=b");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("KV engine mount must be version 2 for patch support\n");
    }

    @Test
    void delete_latest_deletesDataPath() {
        v2();
        server.on("DELETE /v1/secret/data/foo", 204, null);
        Result r = cli().run("kv", "delete", "secret/foo");
        assertThat(r.out()).isEqualTo("Success! Data deleted (if it existed) at: secret/data/foo\n");
    }

    @Test
    void delete_versions_writesDeleteEndpoint() {
        v2();
        server.on("PUT /v1/secret/delete/foo", 204, null);
        Result r = cli().run("kv", "delete", "-versions=1,2", "secret/foo");
        assertThat(r.exitCode()).isZero();
        assertThat(server.body(1)).isEqualTo("{\"versions\":[1,2]}");
    }

    @Test
    void undelete_withoutVersions_exits1() {
        Result r = cli().run("kv", "undelete", "secret/foo");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo(
                        "No versions provided, use the \"-versions\" flag to specify the version to"
                                + " undelete.\n");
    }

    @Test
    void undelete_versions_writesUndeleteEndpoint() {
        v2();
        server.on("PUT /v1/secret/undelete/foo", 204, null);
        Result r = cli().run("kv", "undelete", "-versions=2", "secret/foo");
        assertThat(r.out()).isEqualTo("Success! Data written to: secret/undelete/foo\n");
    }

    @Test
    void destroy_v1_isRejected() {
        Result r = cli().run("kv", "destroy", "-versions=1", "kv1/foo");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Destroy not supported on KV Version 1\n");
    }

    @Test
    void list_v2_listsMetadataPath() {
        server.on("GET /v1/sys/internal/ui/mounts/secret", 200, V2_MOUNT);
        server.on("GET /v1/secret/metadata?list=true", 200, "{\"data\":{\"keys\":[\"foo\",\"app/\"]}}");
        Result r = cli().run("kv", "list", "secret");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Keys\n----\napp/\nfoo\n");
    }

    @Test
    void list_empty_exits2() {
        server.on("GET /v1/sys/internal/ui/mounts/secret", 200, V2_MOUNT);
        Result r = cli().run("kv", "list", "secret/");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("No value found at secret/metadata\n");
    }

    @Test
    void metadataGet_printsMetadataAndVersions() {
        v2();
        server.on(
                "GET /v1/secret/metadata/foo",
                200,
                "{\"data\":{\"cas_required\":false,\"created_time\":\"t1\",\"current_version\":2,"
                        + "\"custom_metadata\":null,\"delete_version_after\":\"0s\",\"max_versions\":0,"
                        + "\"oldest_version\":0,\"updated_time\":\"t2\",\"versions\":{"
                        + "\"10\":{\"created_time\":\"c10\",\"deletion_time\":\"\",\"destroyed\":false},"
                        + "\"2\":{\"created_time\":\"c2\",\"deletion_time\":\"\",\"destroyed\":true}}}}");
        Result r = cli().run("kv", "metadata", "get", "secret/foo");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith("== Metadata Path ==\nsecret/metadata/foo\n\n========== Metadata ==========\n")
                .contains("current_version         2\n")
                .contains("delete_version_after    0s\n")
                .contains("\n====== Version 2 ======\n")
                .contains("destroyed        true\n");
        assertThat(r.out().indexOf("Version 2 ")).isLessThan(r.out().indexOf("Version 10 "));
    }

    @Test
    void metadataPut_sendsOnlyGivenSettings() {
        v2();
        server.on("PUT /v1/secret/metadata/foo", 204, null);
        Result r =
                cli()
                        .run(
                                "kv", "metadata", "put", "-max-versions=5", "-cas-required",
                                "-delete-version-after=3h25m19s", "-custom-metadata=owner=ops",
                                "-custom-metadata=tier=1", "secret/foo");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Success! Data written to: secret/metadata/foo\n");
        assertThat(server.body(1))
                .isEqualTo(
                        "{\"cas_required\":true,\"custom_metadata\":{\"owner\":\"ops\",\"tier\":\"1\"},"
                                + "\"delete_version_after\":\"3h25m19s\",\"max_versions\":5}");
    }

    @Test
    void metadataPut_noFlags_sendsEmptyObject() {
        v2();
        server.on("PUT /v1/secret/metadata/foo", 204, null);
        cli().run("kv", "metadata", "put", "secret/foo");
        assertThat(server.body(1)).isEqualTo("{}");
    }

    @Test
    void metadataDelete_deletesMetadataPath() {
        v2();
        server.on("DELETE /v1/secret/metadata/foo", 204, null);
        Result r = cli().run("kv", "metadata", "delete", "secret/foo");
        assertThat(r.out()).isEqualTo("Success! Data deleted (if it existed) at: secret/metadata/foo\n");
    }

    @Test
    void metadataGet_v1_exits1() {
        Result r = cli().run("kv", "metadata", "get", "kv1/foo");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Metadata not supported on KV Version 1\n");
    }
}

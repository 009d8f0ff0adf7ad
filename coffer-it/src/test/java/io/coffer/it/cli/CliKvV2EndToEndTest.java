package io.coffer.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.it.cli.CliSession.Result;
import io.coffer.it.http.DevServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code kv} commands against the dev server's KV version 2 mount at {@code secret/}. */
class CliKvV2EndToEndTest {
    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    @TempDir
    Path home;

    private CliSession cli;

    @BeforeEach
    void setUp() {
        cli = new CliSession(SERVER.address(), SERVER.rootToken(), home);
    }

    private Result ok(String... args) {
        Result r = cli.run(args);
        assertThat(r.exitCode()).as("exit code of %s, stderr: %s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    @Test
    void putThenGet_v2_roundTripsWithVaultSections() {
        Result put = ok("kv", "put", "secret/e2e/app", "user=bob", "password=hunter2");
        assertThat(put.out()).startsWith("=== Secret Path ===\nsecret/data/e2e/app\n\n")
                .contains("======= Metadata =======\nKey                Value\n---                -----\n")
                .contains("version            1\n");

        Result get = ok("kv", "get", "secret/e2e/app");
        assertThat(get.out()).contains("secret/data/e2e/app\n")
                .contains("====== Data ======\nKey         Value\n---         -----\npassword    hunter2\nuser        bob\n");
    }

    @Test
    void get_field_printsBareValue() {
        ok("kv", "put", "secret/e2e/field", "token=abc123");

        assertThat(ok("kv", "get", "-field=token", "secret/e2e/field").out()).isEqualTo("abc123");
    }

    @Test
    void get_json_hasGoSecretEnvelope() {
        ok("kv", "put", "secret/e2e/json", "k=v");

        JsonNode j = ok("kv", "get", "-format=json", "secret/e2e/json").json();
        List<String> fields = new ArrayList<>();
        j.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).startsWith("request_id", "lease_id", "lease_duration", "renewable", "data", "warnings");
        assertThat(fields).isSubsetOf("request_id", "lease_id", "lease_duration", "renewable", "data", "warnings",
                "mount_type");
        assertThat(j.path("request_id").asText()).isNotEmpty();
        assertThat(j.path("data").path("data").path("k").asText()).isEqualTo("v");
        assertThat(j.path("data").path("metadata").path("version").asInt()).isEqualTo(1);
        if (j.has("mount_type")) {
            assertThat(j.path("mount_type").asText()).isEqualTo("kv");
        }
    }

    @Test
    void get_missing_printsNoValueFoundAndExits2() {
        Result r = cli.run("kv", "get", "secret/e2e/never-written");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("No value found at secret/data/e2e/never-written\n");
    }

    @Test
    void mountFlag_putAndGet_useMountRelativeKey() {
        ok("kv", "put", "-mount=secret", "e2e/mounted", "a=1");

        assertThat(ok("kv", "get", "-mount=secret", "-field=a", "e2e/mounted").out()).isEqualTo("1");
        assertThat(ok("kv", "get", "-field=a", "secret/e2e/mounted").out()).isEqualTo("1");
    }

    @Test
    void getVersion_afterTwoWrites_returnsOldVersion() {
        ok("kv", "put", "secret/e2e/versions", "v=one");
        ok("kv", "put", "secret/e2e/versions", "v=two");

        assertThat(ok("kv", "get", "-version=1", "-field=v", "secret/e2e/versions").out()).isEqualTo("one");
        assertThat(ok("kv", "get", "-field=v", "secret/e2e/versions").out()).isEqualTo("two");
    }

    @Test
    void put_casMismatch_exits2WithServerMessage() {
        ok("kv", "put", "secret/e2e/cas", "v=1");

        Result r = cli.run("kv", "put", "-cas=0", "secret/e2e/cas", "v=2");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error writing data to secret/data/e2e/cas: Error making API request.\n\n"
                + "URL: PUT " + SERVER.address() + "/v1/secret/data/e2e/cas\nCode: 400. Errors:\n\n")
                .contains("check-and-set parameter did not match the current version");

        assertThat(ok("kv", "put", "-cas=1", "secret/e2e/cas", "v=2").out()).contains("version            2");
    }

    @Test
    void put_valueFromFileAndStdin_storesContents() throws Exception {
        Path file = home.resolve("cert.pem");
        Files.writeString(file, "-----BEGIN X-----\nabc\n");
        Result r = cli.runWithStdin("piped-value", "kv", "put", "secret/e2e/sources", "cert=@" + file, "piped=-");
        assertThat(r.exitCode()).as(r.err()).isZero();

        assertThat(ok("kv", "get", "-field=cert", "secret/e2e/sources").out()).isEqualTo("-----BEGIN X-----\nabc\n");
        assertThat(ok("kv", "get", "-field=piped", "secret/e2e/sources").out()).isEqualTo("piped-value");
    }

    @Test
    void patch_existingSecret_mergesKeys() {
        ok("kv", "put", "secret/e2e/patch", "a=1", "b=2");

        ok("kv", "patch", "secret/e2e/patch", "b=3", "c=4");

        JsonNode data = ok("kv", "get", "-format=json", "secret/e2e/patch").json().path("data").path("data");
        assertThat(data.path("a").asText()).isEqualTo("1");
        assertThat(data.path("b").asText()).isEqualTo("3");
        assertThat(data.path("c").asText()).isEqualTo("4");
    }

    @Test
    void patch_readWriteMethod_mergesWithCas() {
        ok("kv", "put", "secret/e2e/patch-rw", "a=1");

        ok("kv", "patch", "-method=rw", "secret/e2e/patch-rw", "b=2");

        JsonNode j = ok("kv", "get", "-format=json", "secret/e2e/patch-rw").json().path("data");
        assertThat(j.path("data").path("a").asText()).isEqualTo("1");
        assertThat(j.path("data").path("b").asText()).isEqualTo("2");
        assertThat(j.path("metadata").path("version").asInt()).isEqualTo(2);
    }

    @Test
    void patch_removeData_dropsKey() {
        ok("kv", "put", "secret/e2e/patch-rm", "a=1", "b=2");

        ok("kv", "patch", "-remove-data=b", "secret/e2e/patch-rm");

        JsonNode data = ok("kv", "get", "-format=json", "secret/e2e/patch-rm").json().path("data").path("data");
        assertThat(data.has("b")).isFalse();
        assertThat(data.path("a").asText()).isEqualTo("1");
    }

    @Test
    void patch_missingSecret_exits2() {
        Result r = cli.run("kv", "patch", "secret/e2e/patch-missing", "a=1");

        assertThat(r.exitCode()).isEqualTo(2);
    }

    @Test
    void deleteUndeleteDestroy_versions_changeReadability() {
        ok("kv", "put", "secret/e2e/lifecycle", "v=1");
        ok("kv", "put", "secret/e2e/lifecycle", "v=2");

        assertThat(ok("kv", "delete", "secret/e2e/lifecycle").out())
                .isEqualTo("Success! Data deleted (if it existed) at: secret/data/e2e/lifecycle\n");
        Result deleted = ok("kv", "get", "secret/e2e/lifecycle");
        assertThat(deleted.out()).contains("version            2").doesNotContain("Data ==");

        assertThat(ok("kv", "undelete", "-versions=2", "secret/e2e/lifecycle").out())
                .isEqualTo("Success! Data written to: secret/undelete/e2e/lifecycle\n");
        assertThat(ok("kv", "get", "-field=v", "secret/e2e/lifecycle").out()).isEqualTo("2");

        ok("kv", "delete", "-versions=1", "secret/e2e/lifecycle");
        assertThat(ok("kv", "get", "-version=1", "secret/e2e/lifecycle").out()).doesNotContain("Data ==");

        assertThat(ok("kv", "destroy", "-versions=2", "secret/e2e/lifecycle").out())
                .isEqualTo("Success! Data written to: secret/destroy/e2e/lifecycle\n");
        JsonNode meta = ok("kv", "metadata", "get", "-format=json", "secret/e2e/lifecycle").json().path("data");
        assertThat(meta.path("versions").path("2").path("destroyed").asBoolean()).isTrue();
    }

    @Test
    void list_afterWrites_showsKeysAndFolders() {
        ok("kv", "put", "secret/e2e-list/a", "x=1");
        ok("kv", "put", "secret/e2e-list/dir/b", "x=1");

        assertThat(ok("kv", "list", "secret/e2e-list").out()).isEqualTo("Keys\n----\na\ndir/\n");
        assertThat(ok("kv", "list", "-format=json", "secret/e2e-list").json().toString()).isEqualTo("[\"a\",\"dir/\"]");
    }

    @Test
    void list_missingFolder_exits2() {
        Result r = cli.run("kv", "list", "secret/e2e-nothing-here");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("No value found at secret/metadata/e2e-nothing-here\n");
    }

    @Test
    void metadataPutGetDelete_roundTrips() {
        ok("kv", "put", "secret/e2e/meta", "v=1");

        assertThat(ok("kv", "metadata", "put", "-max-versions=3", "-cas-required=true",
                "-delete-version-after=1h", "-custom-metadata=owner=ops", "secret/e2e/meta").out())
                .isEqualTo("Success! Data written to: secret/metadata/e2e/meta\n");

        Result table = ok("kv", "metadata", "get", "secret/e2e/meta");
        assertThat(table.out()).startsWith("===== Metadata Path =====\nsecret/metadata/e2e/meta\n\n")
                .contains("max_versions            3\n")
                .contains("cas_required            true\n")
                .contains("custom_metadata         map[owner:ops]\n")
                .contains("====== Version 1 ======\n");
        JsonNode json = ok("kv", "metadata", "get", "-format=json", "secret/e2e/meta").json().path("data");
        assertThat(json.path("delete_version_after").asText()).isEqualTo("1h0m0s");

        Result casless = cli.run("kv", "put", "secret/e2e/meta", "v=2");
        assertThat(casless.exitCode()).isEqualTo(2);
        assertThat(casless.err()).contains("check-and-set parameter required");

        assertThat(ok("kv", "metadata", "delete", "secret/e2e/meta").out())
                .isEqualTo("Success! Data deleted (if it existed) at: secret/metadata/e2e/meta\n");
        assertThat(cli.run("kv", "get", "secret/e2e/meta").exitCode()).isEqualTo(2);
    }

    @Test
    void metadataGet_missing_exits2() {
        Result r = cli.run("kv", "metadata", "get", "secret/e2e/no-meta");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("No value found at secret/metadata/e2e/no-meta\n");
    }

    @Test
    void get_withoutToken_exits2WithPreflightError() {
        cli.env("VAULT_TOKEN", null);

        Result r = cli.run("kv", "get", "secret/e2e/app");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error making API request.\n\nURL: GET " + SERVER.address()
                + "/v1/sys/internal/ui/mounts/secret/e2e/app\nCode: 403. Errors:\n\n")
                .contains("preflight capability check returned 403");
    }
}

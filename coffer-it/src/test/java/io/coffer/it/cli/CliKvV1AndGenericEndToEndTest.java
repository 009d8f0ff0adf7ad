package io.coffer.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.it.cli.CliSession.Result;
import io.coffer.it.http.DevServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KV version 1 through {@code kv} (the preflight picks plain paths) and the generic {@code read},
 * {@code write}, {@code list} and {@code delete} commands on raw API paths.
 */
class CliKvV1AndGenericEndToEndTest {
    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    @TempDir
    static Path sharedHome;

    @TempDir
    Path home;

    private CliSession cli;

    @BeforeAll
    static void mountKv1() {
        Result r = new CliSession(SERVER.address(), SERVER.rootToken(), sharedHome)
                .run("secrets", "enable", "-path=kv1", "kv");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

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
    void kvPutGet_v1_usesPlainPaths() {
        assertThat(ok("kv", "put", "kv1/app", "user=alice").out()).isEqualTo("Success! Data written to: kv1/app\n");

        Result get = ok("kv", "get", "kv1/app");
        assertThat(get.out()).startsWith("==== Data ====\nKey     Value\n---     -----\nuser    alice\n")
                .doesNotContain("Secret Path");
        assertThat(ok("kv", "get", "-field=user", "kv1/app").out()).isEqualTo("alice");
    }

    @Test
    void kvList_v1_listsKeys() {
        ok("kv", "put", "kv1/team/a", "x=1");
        ok("kv", "put", "kv1/team/b", "x=1");

        assertThat(ok("kv", "list", "kv1/team").out()).isEqualTo("Keys\n----\na\nb\n");
    }

    @Test
    void kvDelete_v1_removesKey() {
        ok("kv", "put", "kv1/gone", "x=1");

        assertThat(ok("kv", "delete", "kv1/gone").out()).isEqualTo("Success! Data deleted (if it existed) at: kv1/gone\n");
        assertThat(cli.run("kv", "get", "kv1/gone").exitCode()).isEqualTo(2);
    }

    @Test
    void kvPatchAndMetadata_v1_areRefused() {
        ok("kv", "put", "kv1/nopatch", "x=1");

        Result patch = cli.run("kv", "patch", "kv1/nopatch", "x=2");
        assertThat(patch.exitCode()).isEqualTo(2);
        assertThat(patch.err()).isEqualTo("KV engine mount must be version 2 for patch support\n");
        Result meta = cli.run("kv", "metadata", "get", "kv1/nopatch");
        assertThat(meta.exitCode()).isEqualTo(1);
        assertThat(meta.err()).isEqualTo("Metadata not supported on KV Version 1\n");
    }

    @Test
    void kvMountFlag_v1_joinsMountAndKey() {
        ok("kv", "put", "-mount=kv1", "mounted", "x=7");

        assertThat(ok("read", "-field=x", "kv1/mounted").out()).isEqualTo("7");
    }

    @Test
    void writeThenRead_rawPath_roundTrips() {
        assertThat(ok("write", "kv1/raw", "a=1", "b=two").out()).isEqualTo("Success! Data written to: kv1/raw\n");

        Result read = ok("read", "kv1/raw");
        assertThat(read.out()).isEqualTo("Key                 Value\n---                 -----\nrefresh_interval    768h\n"
                + "a                   1\nb                   two\n");
        JsonNode j = ok("read", "-format=json", "kv1/raw").json();
        assertThat(j.path("lease_duration").asLong()).isEqualTo(2764800);
        assertThat(j.path("data").path("b").asText()).isEqualTo("two");
    }

    @Test
    void write_jsonFromStdin_keepsTypes() {
        Result w = cli.runWithStdin("{\"n\": 5, \"flag\": true, \"list\": [\"x\", \"y\"]}", "write", "kv1/typed", "-");
        assertThat(w.exitCode()).as(w.err()).isZero();

        JsonNode data = ok("read", "-format=json", "kv1/typed").json().path("data");
        assertThat(data.path("n").isNumber()).isTrue();
        assertThat(data.path("flag").asBoolean()).isTrue();
        assertThat(ok("read", "-field=list", "kv1/typed").out()).isEqualTo("[x y]");
    }

    @Test
    void write_kv2RawDataPathFromStdin_printsVersionMetadata() {
        Result r = cli.runWithStdin("{\"data\": {\"k\": \"v\"}}", "write", "secret/data/generic", "-");
        assertThat(r.exitCode()).as(r.err()).isZero();

        assertThat(r.out()).startsWith("Key ").containsPattern("\nversion +1\n");
        assertThat(ok("read", "-field=data", "secret/data/generic").out()).isEqualTo("map[k:v]");
    }

    @Test
    void write_kv2DataNotAnObject_exits2WithValidationError() {
        Result r = cli.run("write", "secret/data/generic-bad", "data=not-an-object");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error writing data to secret/data/generic-bad: Error making API request.\n\n"
                + "URL: PUT " + SERVER.address() + "/v1/secret/data/generic-bad\nCode: 400. Errors:\n\n* ");
    }

    @Test
    void read_withoutToken_exits2WithPermissionDenied() {
        cli.env("VAULT_TOKEN", null);

        Result r = cli.run("read", "kv1/raw");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error reading kv1/raw: Error making API request.")
                .contains("Code: 403").contains("permission denied");
    }

    @Test
    void listAndDelete_rawPaths_work() {
        ok("write", "kv1/dir/x", "a=1");

        assertThat(ok("list", "kv1/dir").out()).isEqualTo("Keys\n----\nx\n");
        assertThat(ok("delete", "kv1/dir/x").out()).isEqualTo("Success! Data deleted (if it existed) at: kv1/dir/x\n");
        Result empty = cli.run("list", "kv1/dir");
        assertThat(empty.exitCode()).isEqualTo(2);
    }

    @Test
    void read_missing_exits2() {
        Result r = cli.run("read", "kv1/does-not-exist");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("No value found at kv1/does-not-exist\n");
    }

    @Test
    void read_tokenLookupSelf_showsRootPolicies() {
        Result r = ok("read", "auth/token/lookup-self");

        assertThat(r.out()).containsPattern("\npolicies +\\[root\\]\n").containsPattern("\nid +" + java.util.regex.Pattern.quote(SERVER.rootToken()) + "\n");
    }

    @Test
    void write_unknownMount_exits2WithRouteError() {
        Result r = cli.run("write", "nomount/x", "a=b");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error writing data to nomount/x: Error making API request.");
    }
}

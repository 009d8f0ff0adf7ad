package io.coffer.it.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.coffer.it.http.HttpAsserts.assertError;
import static io.coffer.it.http.HttpAsserts.assertErrorContaining;
import static io.coffer.it.http.HttpAsserts.assertVaultHeaders;
import static io.coffer.it.http.HttpAsserts.kvData;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing at the HTTP edge: unknown routes and paths, verbs, path normalisation tricks, the
 * PATCH content type, LIST semantics and the headers every answer carries.
 */
class HttpRoutingTest {
    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    private static VaultHttp http;
    private static String root;

    @BeforeAll
    static void seed() {
        http = SERVER.http();
        root = SERVER.rootToken();
        for (String p : List.of("listing/a", "listing/b", "listing/sub/c")) {
            assertThat(http.put("secret/data/" + p, "{\"data\":{\"k\":\"v\"}}").token(root).send().status()).isEqualTo(200);
        }
    }

    private static List<String> keys(VaultHttp.Result r) {
        assertThat(r.status()).isEqualTo(200);
        assertVaultHeaders(r);
        List<String> out = new ArrayList<>();
        r.json().path("data").path("keys").forEach(k -> out.add(k.asText()));
        return out;
    }

    // --- unknown routes and paths -------------------------------------------------------

    @Test
    void get_unmountedPath_returns404NoHandlerForRoute() {
        VaultHttp.Result r = http.get("nosuchmount/foo").token(root).send();

        assertError(r, 404, "no handler for route \"nosuchmount/foo\". route entry not found.");
    }

    @Test
    void get_pathOutsideV1_returns404JsonEnvelope() {
        VaultHttp.Result r = http.raw("GET", "/v2/sys/health").token(root).send();

        assertThat(r.status()).isEqualTo(404);
        assertVaultHeaders(r);
        assertThat(r.json().has("errors")).isTrue();
    }

    @Test
    void get_unsupportedPathOnTokenMount_returns404UnsupportedPath() {
        VaultHttp.Result r = http.get("auth/token/no-such-endpoint").token(root).send();

        assertError(r, 404, "unsupported path");
    }

    @Test
    void get_unsupportedPathOnSysMount_returns404UnsupportedPath() {
        VaultHttp.Result r = http.get("sys/no-such-endpoint").token(root).send();

        assertError(r, 404, "unsupported path");
    }

    // --- verbs ------------------------------------------------------------------------------

    @Test
    void fooVerb_onBackendPath_returns405UnsupportedOperation() {
        VaultHttp.Result r = http.call("FOO", "secret/data/listing/a").token(root).send();

        assertError(r, 405, "unsupported operation");
        assertThat(kvData(http.get("secret/data/listing/a").token(root).send()).path("k").asText()).isEqualTo("v");
    }

    @Test
    void delete_onReadOnlyBackendPath_returns405UnsupportedOperation() {
        VaultHttp.Result r = http.delete("auth/token/lookup-self").token(root).send();

        assertError(r, 405, "unsupported operation");
    }

    @Test
    void get_sysUnseal_returns405WithEmptyErrors() {
        VaultHttp.Result r = http.get("sys/unseal").send();

        assertError(r, 405);
    }

    @Test
    void fooVerb_onSysHealth_returns405WithEmptyErrors() {
        VaultHttp.Result r = http.call("FOO", "sys/health").send();

        assertError(r, 405);
    }

    @Test
    void post_sysSealStatus_returns405WithEmptyErrors() {
        VaultHttp.Result r = http.post("sys/seal-status", "{}").send();

        assertError(r, 405);
    }

    @Test
    void delete_sysInit_returns405WithEmptyErrors() {
        VaultHttp.Result r = http.delete("sys/init").send();

        assertError(r, 405);
    }

    // --- path tricks ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "/v1/secret/../sys/mounts",
            "/v1/secret/%2e%2e/sys/mounts",
            "/v1/secret/%2E%2E/sys/mounts",
            "/v1/secret/./data/listing/a",
            "/v1/secret/%2e/data/listing/a",
            "/v1/sys%2Fmounts",
            "/v1/secret/data%2Flisting%2Fa",
            "/v1/secret/data/listing%2fa"})
    void get_pathTrick_returns400JsonErrorAndIsNotServed(String rawTarget) {
        VaultHttp.Result r = RawHttp.send(http.address(), "GET", rawTarget, Map.of("X-Vault-Token", root));

        assertThat(r.status()).as("status for %s", rawTarget).isEqualTo(400);
        assertVaultHeaders(r);
        JsonNode body = r.json();
        assertThat(body.has("errors")).isTrue();
        assertThat(body.has("data")).as("never served").isFalse();
        assertThat(r.errors()).isNotEmpty();
    }

    @Test
    void get_dotDotThroughJdkHttpClient_isSentRawAndRefused() {
        VaultHttp.Result r = http.raw("GET", "/v1/secret/../sys/mounts").token(root).send();

        assertThat(r.status()).isEqualTo(400);
        assertVaultHeaders(r);
        assertThat(r.json().has("data")).isFalse();
    }

    @Test
    void put_dotDotPathTrick_doesNotWriteAnywhere() {
        VaultHttp.Result r = RawHttp.send(http.address(), "DELETE", "/v1/secret/data/x/../listing/a",
                Map.of("X-Vault-Token", root));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().has("errors")).isTrue();
        assertThat(kvData(http.get("secret/data/listing/a").token(root).send()).path("k").asText()).isEqualTo("v");
    }

    @Test
    void get_emptySegment_returns400AndIsNotServed() {
        VaultHttp.Result r = RawHttp.send(http.address(), "GET", "/v1/secret//data//listing/a", Map.of("X-Vault-Token", root));

        assertThat(r.status()).isEqualTo(400);
        assertVaultHeaders(r);
        assertThat(r.json().has("data")).isFalse();
        assertThat(r.errors()).isNotEmpty();
    }

    // --- PATCH ----------------------------------------------------------------------------

    @Test
    void patch_withoutMergePatchContentType_returns415AndKeepsSecret() {
        VaultHttp.Result r = http.call("PATCH", "secret/data/listing/b").token(root).json("{\"data\":{\"k\":\"patched\"}}").send();

        assertThat(r.status()).isEqualTo(415);
        assertVaultHeaders(r);
        assertThat(r.errors()).singleElement().asString().contains("merge-patch+json");
        JsonNode after = http.get("secret/data/listing/b").token(root).send().json().path("data");
        assertThat(after.path("data").path("k").asText()).isEqualTo("v");
        assertThat(after.path("metadata").path("version").asInt()).isEqualTo(1);
    }

    @Test
    void patch_withoutAnyContentType_returns415() {
        VaultHttp.Result r = http.call("PATCH", "secret/data/listing/b").token(root)
                .body(BodyPublishers.ofString("{\"data\":{\"k\":\"patched\"}}")).send();

        assertThat(r.status()).isEqualTo(415);
        assertVaultHeaders(r);
        assertThat(r.json().has("errors")).isTrue();
    }

    @Test
    void patch_withMergePatchContentType_mergesAndCreatesVersion() {
        String path = "secret/data/patch/target";
        assertThat(http.put(path, "{\"data\":{\"a\":\"1\",\"b\":\"2\"}}").token(root).send().status()).isEqualTo(200);

        VaultHttp.Result r = http.call("PATCH", path).token(root).header("Content-Type", "application/merge-patch+json")
                .body(BodyPublishers.ofString("{\"data\":{\"b\":null,\"c\":\"3\"}}")).send();

        assertThat(r.status()).isEqualTo(200);
        assertVaultHeaders(r);
        assertThat(r.json().path("data").path("version").asInt()).isEqualTo(2);
        JsonNode data = kvData(http.get(path).token(root).send());
        assertThat(data).isEqualTo(VaultHttp.JSON.valueToTree(Map.of("a", "1", "c", "3")));
    }

    // --- headers on every answer ----------------------------------------------------------

    @Test
    void everyAnswer_hasExactJsonContentTypeAndNoStore() {
        List<VaultHttp.Result> answers = List.of(
                http.get("secret/data/listing/a").token(root).send(),                 // 200
                http.post("secret/config", "{}").token(root).send(),                  // 204
                http.put("secret/data/x", "{").token(root).send(),                    // 400
                http.get("secret/data/listing/a").send(),                             // 403
                http.get("nosuchmount/x").token(root).send(),                         // 404
                http.get("secret/data/never-written").token(root).send(),             // 404 empty
                http.call("FOO", "secret/data/x").token(root).send(),                 // 405
                http.get("sys/unseal").send(),                                        // 405 special
                http.call("PATCH", "secret/data/x").token(root).json("{}").send(),    // 415
                http.get("sys/health").send(),                                        // 200 bare
                http.get("sys/seal-status").send(),                                   // 200 bare
                RawHttp.send(http.address(), "GET", "/v1/secret/../sys/mounts", Map.of()));  // 400 raw
        List<Integer> statuses = new ArrayList<>();
        for (VaultHttp.Result r : answers) {
            statuses.add(r.status());
            assertVaultHeaders(r);
            assertThat(r.headerValues("Content-Type")).as("status %s", r.status()).containsExactly("application/json");
        }
        assertThat(statuses).containsExactly(200, 204, 400, 403, 404, 404, 405, 405, 415, 200, 200, 400);
    }

    @Test
    void noContentAnswer_hasNoStoreAndEmptyBody() {
        VaultHttp.Result r = http.post("secret/config", "{}").token(root).send();

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.bytes()).isEmpty();
    }

    // --- LIST -----------------------------------------------------------------------------

    @Test
    void listVerb_onMetadata_returnsSortedKeysWithFolders() {
        assertThat(keys(http.list("secret/metadata/listing").token(root).send())).containsExactly("a", "b", "sub/");
    }

    @Test
    void getListTrue_isEquivalentToListVerb() {
        VaultHttp.Result viaVerb = http.list("secret/metadata/listing").token(root).send();
        VaultHttp.Result viaQuery = http.get("secret/metadata/listing?list=true").token(root).send();

        assertThat(keys(viaQuery)).isEqualTo(keys(viaVerb));
        assertThat(viaQuery.json().path("data")).isEqualTo(viaVerb.json().path("data"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"True", "TRUE", "1", "t", "T"})
    void getListParam_goParseBoolTrueForms_areAccepted(String value) {
        assertThat(keys(http.get("secret/metadata/listing?list=" + value).token(root).send())).containsExactly("a", "b", "sub/");
    }

    @Test
    void getListFalse_readsInsteadOfListing() {
        VaultHttp.Result r = http.get("secret/metadata/listing/a?list=false").token(root).send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("data").path("current_version").asInt()).isEqualTo(1);
    }

    @Test
    void getListGarbage_returns400() {
        VaultHttp.Result r = http.get("secret/metadata/listing?list=garbage").token(root).send();

        assertThat(r.status()).isEqualTo(400);
        assertVaultHeaders(r);
        assertThat(r.errors()).singleElement().asString().contains("list");
    }

    @Test
    void listVerb_onPathWithNothingBelow_returns404EmptyErrors() {
        assertError(http.list("secret/metadata/nothing-here").token(root).send(), 404);
        assertError(http.get("secret/metadata/nothing-here?list=true").token(root).send(), 404);
    }

    @Test
    void listVerb_withTrailingSlash_returnsSameKeys() {
        assertThat(keys(http.list("secret/metadata/listing/").token(root).send())).containsExactly("a", "b", "sub/");
    }

    @Test
    void read_missingSecret_returns404EmptyErrors() {
        assertError(http.get("secret/data/never-written").token(root).send(), 404);
    }
}

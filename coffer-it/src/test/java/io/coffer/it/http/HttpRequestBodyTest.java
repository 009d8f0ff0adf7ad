package io.coffer.it.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static io.coffer.it.http.HttpAsserts.assertError;
import static io.coffer.it.http.HttpAsserts.assertErrorContaining;
import static io.coffer.it.http.HttpAsserts.kvData;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies at the HTTP edge: malformed JSON, wrongly typed fields and oversized bodies
 * are refused with Vault's status and message, and leave storage exactly as it was.
 */
class HttpRequestBodyTest {
    private static final long LIMIT = 32L * 1024 * 1024;
    private static final String SECRET = "secret/data/body/edge";

    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    private static VaultHttp http;
    private static String root;

    @BeforeAll
    static void seed() {
        http = SERVER.http();
        root = SERVER.rootToken();
        VaultHttp.Result w = http.put(SECRET, "{\"data\":{\"color\":\"blue\"}}").token(root).send();
        assertThat(w.status()).isEqualTo(200);
        assertThat(w.json().path("data").path("version").asInt()).isEqualTo(1);
    }

    private static void assertSecretUnchanged() {
        JsonNode read = http.get(SECRET).token(root).send().json();
        assertThat(read.path("data").path("data")).isEqualTo(VaultHttp.JSON.valueToTree(Map.of("color", "blue")));
        assertThat(read.path("data").path("metadata").path("version").asInt()).isEqualTo(1);
        JsonNode meta = http.get("secret/metadata/body/edge").token(root).send().json().path("data");
        assertThat(meta.path("current_version").asInt()).isEqualTo(1);
        assertThat(meta.path("versions").size()).isEqualTo(1);
    }

    private static JsonNode engineConfig() {
        VaultHttp.Result r = http.get("secret/config").token(root).send();
        assertThat(r.status()).isEqualTo(200);
        return r.json().path("data");
    }

    @Test
    void put_malformedJson_returns400AndKeepsSecret() {
        VaultHttp.Result r = http.put(SECRET, "{\"data\":{\"color\":\"red\"").token(root).send();

        assertErrorContaining(r, 400, "failed to parse JSON input");
        assertThat(r.errors().get(0)).doesNotContain("red");
        assertSecretUnchanged();
    }

    @Test
    void put_trailingGarbageAfterJson_returns400AndKeepsSecret() {
        VaultHttp.Result r = http.put(SECRET, "{\"data\":{\"color\":\"red\"}} {").token(root).send();

        assertErrorContaining(r, 400, "failed to parse JSON input");
        assertSecretUnchanged();
    }

    @Test
    void put_jsonArrayBody_returns400NamingJsonInput() {
        VaultHttp.Result r = http.put(SECRET, "[1,2,3]").token(root).send();

        assertErrorContaining(r, 400, "failed to parse JSON input");
        assertSecretUnchanged();
    }

    @Test
    void postConfig_maxVersionsNotAnInteger_returns400NamingFieldAndKeepsConfig() {
        JsonNode before = engineConfig();

        VaultHttp.Result r = http.post("secret/config", "{\"max_versions\":\"abc\"}").token(root).send();

        assertErrorContaining(r, 400, "max_versions");
        assertThat(r.errors().get(0)).doesNotContain("abc");
        assertThat(engineConfig()).isEqualTo(before);
    }

    @Test
    void postConfig_casRequiredNotABool_returns400NamingField() {
        JsonNode before = engineConfig();

        VaultHttp.Result r = http.post("secret/config", "{\"cas_required\":\"perhaps\"}").token(root).send();

        assertErrorContaining(r, 400, "cas_required");
        assertThat(engineConfig()).isEqualTo(before);
    }

    @Test
    void putData_casNotAnInteger_returns400NamingCasAndKeepsSecret() {
        VaultHttp.Result r = http.put(SECRET, "{\"data\":{\"color\":\"red\"},\"options\":{\"cas\":\"x\"}}").token(root).send();

        assertErrorContaining(r, 400, "cas");
        assertSecretUnchanged();
    }

    @Test
    void putData_dataNotAnObject_returns400NamingData() {
        VaultHttp.Result r = http.put(SECRET, "{\"data\":\"red\"}").token(root).send();

        assertErrorContaining(r, 400, "data");
        assertSecretUnchanged();
    }

    @Test
    void putData_noDataField_returns400NoDataProvided() {
        VaultHttp.Result r = http.put(SECRET, "{\"options\":{}}").token(root).send();

        assertError(r, 400, "no data provided");
        assertSecretUnchanged();
    }

    @Test
    void putData_bodyOverLimitWithContentLength_returns413AndKeepsSecret() {
        byte[] body = oversizedSecretBody();

        VaultHttp.Result r = http.call("PUT", SECRET).token(root).header("Content-Type", "application/json")
                .body(BodyPublishers.ofByteArray(body)).send();

        assertThat(r.status()).isEqualTo(413);
        HttpAsserts.assertVaultHeaders(r);
        assertThat(r.errors()).singleElement().asString().contains("too large");
        assertSecretUnchanged();
    }

    @Test
    void putData_chunkedBodyOverLimitWithoutContentLength_returns413AndKeepsSecret() {
        byte[] body = oversizedSecretBody();

        VaultHttp.Result r = http.call("PUT", SECRET).token(root).header("Content-Type", "application/json")
                .body(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).send();

        assertThat(r.status()).isEqualTo(413);
        HttpAsserts.assertVaultHeaders(r);
        assertThat(r.errors()).singleElement().asString().contains("too large");
        assertSecretUnchanged();
    }

    @Test
    void putData_chunkedBodyUnderLimit_isAccepted() {
        String path = "secret/data/body/chunked-small";
        byte[] body = "{\"data\":{\"size\":\"small\"}}".getBytes(StandardCharsets.UTF_8);

        VaultHttp.Result r = http.call("PUT", path).token(root).header("Content-Type", "application/json")
                .body(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(kvData(http.get(path).token(root).send()).path("size").asText()).isEqualTo("small");
    }

    @Test
    void putData_formEncodedBody_isAcceptedAsFields() {
        VaultHttp.Result r = http.call("POST", "secret/config").token(root)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(BodyPublishers.ofString("cas_required=false&max_versions=0")).send();

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.bytes()).isEmpty();
        assertThat(engineConfig().path("max_versions").asInt()).isZero();
    }

    @Test
    void put_emptyBodyOnConfig_isTreatedAsEmptyObject() {
        JsonNode before = engineConfig();

        VaultHttp.Result r = http.call("POST", "secret/config").token(root).send();

        assertThat(r.status()).isEqualTo(204);
        assertThat(engineConfig()).isEqualTo(before);
    }

    @Test
    void putUnseal_bodyOverLimit_returns413AndNodeStaysUnsealed() {
        VaultHttp.Result r = http.call("PUT", "sys/unseal").header("Content-Type", "application/json")
                .body(BodyPublishers.ofByteArray(oversizedSecretBody())).send();

        assertThat(r.status()).isEqualTo(413);
        HttpAsserts.assertVaultHeaders(r);
        assertThat(r.errors()).singleElement().asString().contains("too large");
        assertThat(http.get("sys/seal-status").send().json().path("sealed").asBoolean()).isFalse();
    }

    /** {@code {"data":{"blob":"xxx…"}}} of 33 MiB: valid JSON, just too large. */
    private static byte[] oversizedSecretBody() {
        byte[] prefix = "{\"data\":{\"blob\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "\"}}".getBytes(StandardCharsets.US_ASCII);
        int total = (int) (LIMIT + 1024 * 1024);
        byte[] body = new byte[total];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        Arrays.fill(body, prefix.length, total - suffix.length, (byte) 'x');
        System.arraycopy(suffix, 0, body, total - suffix.length, suffix.length);
        return body;
    }
}

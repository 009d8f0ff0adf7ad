package io.coffer.it.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.coffer.it.http.HttpAsserts.assertError;
import static io.coffer.it.http.HttpAsserts.assertVaultHeaders;
import static io.coffer.it.http.HttpAsserts.kvData;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KV v2 404s that are not errors: a deleted or destroyed version answers the full success
 * envelope (metadata filled, {@code data.data: null}, no {@code errors} key), and a plain
 * KV v1-style path on a v2 mount answers 404 with a warning.
 */
class HttpKvV2EnvelopeTest {
    private static final String INVALID_PATH_WARNING = "Invalid path for a versioned K/V secrets engine. See the API docs"
            + " for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv %s' for this operation.";

    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    private static VaultHttp http;
    private static String root;

    @BeforeAll
    static void setUp() {
        http = SERVER.http();
        root = SERVER.rootToken();
    }

    private static void write(String path, String value) {
        assertThat(http.put("secret/data/" + path, "{\"data\":{\"v\":\"" + value + "\"}}").token(root).send().status())
                .isEqualTo(200);
    }

    private static void assertEnvelopeWithoutErrors(JsonNode body) {
        assertThat(body.has("errors")).isFalse();
        for (String field : new String[]{"request_id", "lease_id", "renewable", "lease_duration", "data", "wrap_info",
                "warnings", "auth"}) {
            assertThat(body.has(field)).as("envelope field %s", field).isTrue();
        }
        assertThat(body.path("request_id").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void readLatest_afterSoftDelete_returns404FullEnvelopeWithMetadata() {
        write("env/soft", "1");
        write("env/soft", "2");
        assertThat(http.delete("secret/data/env/soft").token(root).send().status()).isEqualTo(204);

        VaultHttp.Result r = http.get("secret/data/env/soft").token(root).send();

        assertThat(r.status()).isEqualTo(404);
        assertVaultHeaders(r);
        JsonNode body = r.json();
        assertEnvelopeWithoutErrors(body);
        assertThat(body.path("data").path("data").isNull()).isTrue();
        JsonNode meta = body.path("data").path("metadata");
        assertThat(meta.path("version").asInt()).isEqualTo(2);
        assertThat(meta.path("deletion_time").asText()).isNotEmpty();
        assertThat(meta.path("destroyed").asBoolean()).isFalse();
        assertThat(meta.path("created_time").asText()).endsWith("Z");
        assertThat(meta.has("custom_metadata")).isTrue();
    }

    @Test
    void readOlderVersion_afterLatestSoftDeleted_isStillServed() {
        write("env/older", "1");
        write("env/older", "2");
        assertThat(http.delete("secret/data/env/older").token(root).send().status()).isEqualTo(204);

        VaultHttp.Result r = http.get("secret/data/env/older?version=1").token(root).send();

        assertThat(kvData(r).path("v").asText()).isEqualTo("1");
        assertThat(r.json().path("data").path("metadata").path("deletion_time").asText()).isEmpty();
    }

    @Test
    void readVersion_afterDestroy_returns404EnvelopeMarkedDestroyed() {
        write("env/destroyed", "1");
        write("env/destroyed", "2");
        assertThat(http.post("secret/destroy/env/destroyed", "{\"versions\":[1]}").token(root).send().status()).isEqualTo(204);

        VaultHttp.Result r = http.get("secret/data/env/destroyed?version=1").token(root).send();

        assertThat(r.status()).isEqualTo(404);
        assertVaultHeaders(r);
        assertEnvelopeWithoutErrors(r.json());
        assertThat(r.json().path("data").path("data").isNull()).isTrue();
        assertThat(r.json().path("data").path("metadata").path("destroyed").asBoolean()).isTrue();
        assertThat(r.json().path("data").path("metadata").path("version").asInt()).isEqualTo(1);
        assertThat(kvData(http.get("secret/data/env/destroyed").token(root).send()).path("v").asText()).isEqualTo("2");
    }

    @Test
    void readVersion_afterUndelete_isServedAgain() {
        write("env/undelete", "1");
        assertThat(http.post("secret/delete/env/undelete", "{\"versions\":[1]}").token(root).send().status()).isEqualTo(204);
        assertThat(http.get("secret/data/env/undelete").token(root).send().status()).isEqualTo(404);

        assertThat(http.post("secret/undelete/env/undelete", "{\"versions\":[1]}").token(root).send().status()).isEqualTo(204);

        VaultHttp.Result r = http.get("secret/data/env/undelete").token(root).send();
        assertThat(kvData(r).path("v").asText()).isEqualTo("1");
        assertThat(r.json().path("data").path("metadata").path("deletion_time").asText()).isEmpty();
    }

    @Test
    void readVersion_thatNeverExisted_returns404EmptyErrors() {
        write("env/exists", "1");

        assertError(http.get("secret/data/env/exists?version=7").token(root).send(), 404);
    }

    @Test
    void deleteVersions_emptyList_returns400() {
        write("env/empty-delete", "1");

        VaultHttp.Result r = http.post("secret/delete/env/empty-delete", "{\"versions\":[]}").token(root).send();

        assertError(r, 400, "No version number provided");
        assertThat(kvData(http.get("secret/data/env/empty-delete").token(root).send()).path("v").asText()).isEqualTo("1");
    }

    @Test
    void readPlainPath_onV2Mount_returns404WithInvalidPathWarning() {
        VaultHttp.Result r = http.get("secret/some/app").token(root).send();

        assertThat(r.status()).isEqualTo(404);
        assertVaultHeaders(r);
        assertEnvelopeWithoutErrors(r.json());
        assertThat(r.json().path("data").isNull()).isTrue();
        assertThat(r.json().path("warnings")).hasSize(1);
        assertThat(r.json().path("warnings").get(0).asText()).isEqualTo(INVALID_PATH_WARNING.formatted("get"));
    }

    @Test
    void writePlainPath_onV2Mount_returns404WarningAndWritesNothing() {
        VaultHttp.Result r = http.put("secret/plain/app", "{\"v\":\"1\"}").token(root).send();

        assertThat(r.status()).isEqualTo(404);
        assertVaultHeaders(r);
        assertEnvelopeWithoutErrors(r.json());
        assertThat(r.json().path("warnings").get(0).asText()).isEqualTo(INVALID_PATH_WARNING.formatted("put"));
        assertError(http.get("secret/data/plain/app").token(root).send(), 404);
        assertError(http.list("secret/metadata/plain").token(root).send(), 404);
    }

    @Test
    void casMismatch_returns400AndKeepsCurrentVersion() {
        write("env/cas", "1");

        VaultHttp.Result r = http.put("secret/data/env/cas", "{\"data\":{\"v\":\"x\"},\"options\":{\"cas\":0}}").token(root).send();

        assertError(r, 400, "check-and-set parameter did not match the current version");
        VaultHttp.Result read = http.get("secret/data/env/cas").token(root).send();
        assertThat(kvData(read).path("v").asText()).isEqualTo("1");
        assertThat(read.json().path("data").path("metadata").path("version").asInt()).isEqualTo(1);
    }
}

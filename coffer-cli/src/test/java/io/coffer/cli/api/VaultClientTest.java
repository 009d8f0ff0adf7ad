package io.coffer.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cli.FakeTransport;
import io.coffer.cli.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultClientTest {
    private final FakeTransport transport = new FakeTransport();

    private VaultClient client(String token) {
        ClientSettings s =
                new ClientSettings(
                        URI.create("http://127.0.0.1:8200"), token, null, null, false, "", Duration.ofSeconds(5));
        return new VaultClient(s, transport, new JsonReader());
    }

    @Test
    void read_sendsVaultHeaders() throws Exception {
        transport.on("GET /v1/secret/foo", 200, "{\"data\":{\"a\":\"b\"}}");
        client("s.tok").read("secret/foo", null);
        RawRequest r = transport.requests().get(0);
        assertThat(r.headers()).containsEntry("X-Vault-Request", "true");
        assertThat(r.headers()).containsEntry("X-Vault-Token", "s.tok");
    }

    @Test
    void read_withoutToken_sendsNoTokenHeader() throws Exception {
        client("").read("sys/health", null);
        assertThat(transport.requests().get(0).headers()).doesNotContainKey("X-Vault-Token");
    }

    @Test
    void read_emptyNotFound_returnsNull() throws Exception {
        assertThat(client("t").read("secret/missing", null)).isNull();
    }

    @Test
    void read_notFoundWithData_returnsSecret() throws Exception {
        transport.on(
                "GET /v1/secret/data/gone", 404, "{\"data\":{\"data\":null,\"metadata\":{\"version\":1}}}");
        Secret s = client("t").read("secret/data/gone", null);
        assertThat(s).isNotNull();
        assertThat(s.data()).containsKey("metadata");
    }

    @Test
    void read_forbidden_throwsVaultFormattedError() {
        transport.on("GET /v1/secret/data/x", 403, "{\"errors\":[\"1 error occurred:\\n\\t* permission denied\\n\\n\"]}");
        assertThatThrownBy(() -> client("t").read("secret/data/x", null))
                .isInstanceOf(ApiException.class)
                .hasMessage(
                        "Error making API request.\n\n"
                                + "URL: GET http://127.0.0.1:8200/v1/secret/data/x\n"
                                + "Code: 403. Errors:\n\n"
                                + "* 1 error occurred:\n\t* permission denied\n\n");
    }

    @Test
    void read_nonJsonError_reportsRawMessage() {
        transport.on("GET /v1/sys/x", 502, "<html>bad gateway</html>");
        assertThatThrownBy(() -> client("t").read("sys/x", null))
                .hasMessage(
                        "Error making API request.\n\n"
                                + "URL: GET http://127.0.0.1:8200/v1/sys/x\n"
                                + "Code: 502. Raw Message:\n\n"
                                + "<html>bad gateway</html>");
    }

    @Test
    void read_params_areSortedAndEscapedInQuery() throws Exception {
        Map<String, List<String>> params = new TreeMap<>();
        params.put("version", List.of("2"));
        params.put("a b", List.of("x&y"));
        client("t").read("secret/data/foo", params);
        assertThat(transport.requestLines())
                .containsExactly("GET /v1/secret/data/foo?a+b=x%26y&version=2");
    }

    @Test
    void list_isGetWithListTrue() throws Exception {
        client("t").list("secret/metadata/");
        assertThat(transport.requestLines()).containsExactly("GET /v1/secret/metadata?list=true");
    }

    @Test
    void write_noContent_returnsNullAndSendsJson() throws Exception {
        transport.on("PUT /v1/kv1/foo", 204, null);
        assertThat(client("t").write("kv1/foo", Map.of("a", "b"))).isNull();
        assertThat(transport.body(0)).isEqualTo("{\"a\":\"b\"}");
        assertThat(transport.requests().get(0).headers()).containsEntry("Content-Type", "application/json");
    }

    @Test
    void mergePatch_usesPatchWithMergePatchContentType() throws Exception {
        transport.on("PATCH /v1/secret/data/foo", 200, "{\"data\":{\"version\":2}}");
        client("t").mergePatch("secret/data/foo", Map.of("data", Map.of("a", "b")));
        RawRequest r = transport.requests().get(0);
        assertThat(r.method()).isEqualTo("PATCH");
        assertThat(r.headers()).containsEntry("Content-Type", "application/merge-patch+json");
    }

    @Test
    void send_connectionRefused_throwsGoStyleMessage() {
        transport.refuse();
        assertThatThrownBy(() -> client("t").read("sys/seal-status", null))
                .isInstanceOf(TransportException.class)
                .hasMessage(
                        "Get \"http://127.0.0.1:8200/v1/sys/seal-status\": dial tcp 127.0.0.1:8200: connect:"
                                + " connection refused");
    }

    @Test
    void url_specialCharactersAndSlashes_areEscapedAndCleaned() {
        assertThat(client("t").url("sys/mounts/secret/", null))
                .isEqualTo("http://127.0.0.1:8200/v1/sys/mounts/secret");
        assertThat(client("t").url("secret/data/a b!", null))
                .isEqualTo("http://127.0.0.1:8200/v1/secret/data/a%20b%21");
    }

    @Test
    void errorMessage_neverContainsToken() {
        transport.on("GET /v1/x", 403, "{\"errors\":[\"permission denied\"]}");
        assertThatThrownBy(() -> client("s.very-secret").read("x", null))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s.very-secret"));
    }

    @Test
    void settingsToString_hidesToken() {
        assertThat(client("s.very-secret").settings().toString()).doesNotContain("s.very-secret");
    }

    @Test
    void download_success_copiesTheBodyToTheSink() throws Exception {
        transport.on("GET /v1/sys/storage/raft/snapshot", 200, "snapshot-bytes");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();

        client("t").download("sys/storage/raft/snapshot", sink);

        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("snapshot-bytes");
    }

    @Test
    void download_errorStatus_leavesTheSinkEmptyAndThrowsApiError() {
        transport.on("GET /v1/sys/storage/raft/snapshot", 503, "{\"errors\":[\"Vault is sealed\"]}");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();

        assertThatThrownBy(() -> client("t").download("sys/storage/raft/snapshot", sink))
                .isInstanceOf(ApiException.class)
                .hasMessageEndingWith("Code: 503. Errors:\n\n* Vault is sealed");
        assertThat(sink.size()).isZero();
    }

    @Test
    void download_sinkFailure_isRethrownAsTheLocalError() {
        transport.on("GET /v1/sys/storage/raft/snapshot", 200, "snapshot-bytes");
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };

        assertThatThrownBy(() -> client("t").download("sys/storage/raft/snapshot", full))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("No space left on device");
    }

    @Test
    void upload_sendsTheFileAsRawBodyWithItsContentType(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("raft.snap");
        Files.write(file, new byte[] {0, 1, 2, (byte) 0xff});
        transport.on("POST /v1/sys/storage/raft/snapshot", 204, null);

        client("t").upload("POST", "sys/storage/raft/snapshot", file, "application/octet-stream");

        RawRequest r = transport.requests().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.body()).containsExactly(0, 1, 2, 0xff);
        assertThat(r.headers()).containsEntry("Content-Type", "application/octet-stream")
                .containsEntry("X-Vault-Token", "t");
    }
}

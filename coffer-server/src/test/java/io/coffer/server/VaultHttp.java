package io.coffer.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal JSON-over-HTTP client for Vault's API in tests: status code and parsed body. */
final class VaultHttp {

    /** A response: status and JSON body ({@code MissingNode} when empty). */
    record Reply(int status, JsonNode body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client;
    private final String address;

    VaultHttp(String address) {
        this(address, HttpClient.newBuilder());
    }

    VaultHttp(String address, SSLContext tls) {
        this(address, HttpClient.newBuilder().sslContext(tls));
    }

    private VaultHttp(String address, HttpClient.Builder builder) {
        this.address = address;
        this.client = builder.connectTimeout(Duration.ofSeconds(5)).build();
    }

    Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply put(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private URI uri(String path) {
        return URI.create(address + "/v1/" + path);
    }

    private Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isEmpty() ? json.missingNode() : json.readTree(r.body()));
    }
}

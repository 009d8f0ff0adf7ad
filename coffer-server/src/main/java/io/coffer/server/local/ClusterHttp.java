package io.coffer.server.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The few Vault API calls {@link LocalCluster} makes, over plain HTTP on loopback. Errors name
 * the node and status, never request bodies (they carry unseal keys).
 */
public final class ClusterHttp {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** POSTs {@code body} to {@code path} and returns the JSON answer; any non-2xx is an error. */
    public JsonNode post(String address, String path, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(address + "/v1/" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!token.isEmpty()) {
            b.header("X-Vault-Token", token);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(address + "/v1/" + path + " answered " + r.statusCode() + ": "
                        + errors(r.body()));
            }
            return r.body().isEmpty() ? json.createObjectNode() : json.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(address + "/v1/" + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code sys/seal-status}, or empty when the node does not answer. */
    public Optional<JsonNode> sealStatus(String address) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(address + "/v1/sys/seal-status"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(json.readTree(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The node's role from {@code sys/health}: active, standby, sealed, uninitialized or down. */
    public String role(String address) {
        try {
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(address + "/v1/sys/health"))
                    .timeout(Duration.ofSeconds(2)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            return LocalCluster.roleOf(Optional.of(r.statusCode()));
        } catch (IOException e) {
            return LocalCluster.roleOf(Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "down";
        }
    }

    private String errors(String body) {
        try {
            return json.readTree(body).path("errors").toString();
        } catch (IOException e) {
            return "(no error envelope)";
        }
    }
}

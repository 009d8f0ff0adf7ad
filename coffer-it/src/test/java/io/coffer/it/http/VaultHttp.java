package io.coffer.it.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A thin {@link HttpClient} wrapper for Vault-style calls: {@code /v1/} paths, custom verbs
 * ({@code LIST}, {@code FOO}), token headers and JSON bodies. HTTP/1.1 only, so what goes on
 * the wire is exactly what a test asks for.
 */
public final class VaultHttp {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final String address;
    private final HttpClient client;

    public VaultHttp(String address) {
        this(address, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build());
    }

    public VaultHttp(String address, HttpClient client) {
        this.address = address;
        this.client = client;
    }

    public String address() {
        return address;
    }

    /** A call to {@code /v1/<path>}; {@code path} may carry a query string. */
    public Call call(String method, String path) {
        return new Call(method, URI.create(address + "/v1/" + path));
    }

    /** A call to an exact URI path (e.g. outside {@code /v1/}). */
    public Call raw(String method, String rawPathAndQuery) {
        return new Call(method, URI.create(address + rawPathAndQuery));
    }

    public Call get(String path) {
        return call("GET", path);
    }

    public Call put(String path, String json) {
        return call("PUT", path).json(json);
    }

    public Call post(String path, String json) {
        return call("POST", path).json(json);
    }

    public Call list(String path) {
        return call("LIST", path);
    }

    public Call delete(String path) {
        return call("DELETE", path);
    }

    /** Serialises a value as JSON. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public final class Call {
        private final String method;
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private BodyPublisher body = BodyPublishers.noBody();
        private Duration timeout = Duration.ofSeconds(60);

        private Call(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        public Call token(String token) {
            return header("X-Vault-Token", token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call json(String json) {
            this.body = BodyPublishers.ofString(json, StandardCharsets.UTF_8);
            return header("Content-Type", "application/json");
        }

        public Call body(BodyPublisher publisher) {
            this.body = publisher;
            return this;
        }

        public Call timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Result send() {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).method(method, body);
            headers.forEach(b::header);
            try {
                HttpResponse<byte[]> r = client.send(b.build(), BodyHandlers.ofByteArray());
                return new Result(r.statusCode(), r.headers().map(), r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Status, headers and body of one answer. */
    public static final class Result {
        private final int status;
        private final Map<String, List<String>> headers;
        private final byte[] body;

        public Result(int status, Map<String, List<String>> headers, byte[] body) {
            this.status = status;
            Map<String, List<String>> lower = new LinkedHashMap<>();
            headers.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
            this.headers = lower;
            this.body = body == null ? new byte[0] : body;
        }

        public int status() {
            return status;
        }

        /** The single value of a header, or null; case-insensitive. */
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public List<String> headerValues(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public byte[] bytes() {
            return body;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("body is not JSON (status " + status + ")", e);
            }
        }

        /** The {@code errors} array of an error envelope. */
        public List<String> errors() {
            JsonNode errors = json().get("errors");
            if (errors == null || !errors.isArray()) {
                throw new AssertionError("no errors array in body (status " + status + ")");
            }
            List<String> out = new ArrayList<>();
            errors.forEach(e -> out.add(e.asText()));
            return out;
        }

        @Override
        public String toString() {
            return "HTTP " + status;
        }
    }
}

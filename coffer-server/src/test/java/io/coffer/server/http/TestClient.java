package io.coffer.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;

/** An HTTP/1.1 test client that never follows redirects and keeps status, headers and raw body. */
final class TestClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Every header but those of the connection itself, names lower-cased. */
        Map<String, List<String>> endToEndHeaders() {
            Map<String, List<String>> m = new TreeMap<>(headers.map());
            m.remove("connection");
            m.remove("keep-alive");
            return m;
        }
    }

    private final HttpClient client;

    TestClient() {
        this(HttpClient.newBuilder());
    }

    TestClient(SSLContext tls) {
        this(HttpClient.newBuilder().sslContext(tls));
    }

    private TestClient(HttpClient.Builder builder) {
        this.client = builder.version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    Reply get(String url, String... headers) throws Exception {
        return send("GET", url, null, headers);
    }

    Reply send(String method, String url, String body, String... headers) throws Exception {
        return sendBytes(method, url, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** {@code headers} are name, value pairs. */
    Reply sendBytes(String method, String url, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), r.headers(), r.body());
    }
}

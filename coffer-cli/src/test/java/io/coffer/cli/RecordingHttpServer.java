package io.coffer.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server for CLI tests (JDK {@code HttpServer}): answers {@code "METHOD /v1/path"}
 * keys with scripted responses, records every request (method, path and query, headers, body) and
 * answers 404 {@code {"errors":[]}} otherwise. A response may be cut short to simulate a connection
 * lost mid-body.
 */
public final class RecordingHttpServer implements AutoCloseable {
    /** One request as the server received it. */
    public record Request(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        /** A header by case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Never shows the token or the body. */
        @Override
        public String toString() {
            return method + " " + pathAndQuery + " (" + body.length + " bytes)";
        }
    }

    private record Answer(int status, String contentType, byte[] body, int cutAfter) {}

    private final HttpServer server;
    private final Map<String, Answer> answers = new HashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** Starts the server on an ephemeral loopback port. */
    public RecordingHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base address, e.g. {@code http://127.0.0.1:41234}. */
    public String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code key} (e.g. {@code "GET /v1/sys/leader"}) with a JSON body, or none when null. */
    public RecordingHttpServer on(String key, int status, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        answers.put(key, new Answer(status, "application/json", body, -1));
        return this;
    }

    /** Answers {@code key} with raw bytes of the given content type. */
    public RecordingHttpServer onBytes(String key, int status, String contentType, byte[] body) {
        answers.put(key, new Answer(status, contentType, body, -1));
        return this;
    }

    /** Announces {@code body.length} bytes but closes the connection after {@code cutAfter}. */
    public RecordingHttpServer onTruncated(String key, String contentType, byte[] body, int cutAfter) {
        answers.put(key, new Answer(200, contentType, body, cutAfter));
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** The request lines received, e.g. {@code POST /v1/sys/storage/raft/join}. */
    public List<String> requestLines() {
        List<String> out = new ArrayList<>();
        for (Request r : requests) {
            out.add(r.method() + " " + r.pathAndQuery());
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            String query = ex.getRequestURI().getRawQuery();
            String path = ex.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
            requests.add(new Request(ex.getRequestMethod(), path, Map.copyOf(headers), body));
            Answer a = answers.get(ex.getRequestMethod() + " " + path);
            if (a == null) {
                a = new Answer(404, "application/json", "{\"errors\":[]}".getBytes(StandardCharsets.UTF_8), -1);
            }
            ex.getResponseHeaders().set("Content-Type", a.contentType());
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            if (a.body().length == 0) {
                ex.sendResponseHeaders(a.status(), -1);
                return;
            }
            ex.sendResponseHeaders(a.status(), a.body().length);
            OutputStream out = ex.getResponseBody();
            if (a.cutAfter() >= 0) {
                out.write(a.body(), 0, a.cutAfter());
                out.flush();
                // closing a fixed-length body before its end drops the connection
                throw new IOException("connection cut by the test after " + a.cutAfter() + " bytes");
            }
            out.write(a.body());
        }
    }
}

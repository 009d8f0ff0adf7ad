package io.coffer.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The JDK's HTTP server on 127.0.0.1, an ephemeral port and a small thread pool, for tests. */
final class TestHttpServer implements AutoCloseable {
    private static final String BODY_ATTRIBUTE = "coffer-bench.request-body";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final AtomicLong requests = new AtomicLong();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicReference<byte[]> lastRequestBody = new AtomicReference<>(new byte[0]);

    TestHttpServer(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            clientPorts.add(exchange.getRemoteAddress().getPort());
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                exchange.setAttribute(BODY_ATTRIBUTE, body);
                lastRequestBody.set(body);
                handler.handle(exchange);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    HttpEndpoint endpoint() {
        int port = server.getAddress().getPort();
        return new HttpEndpoint("127.0.0.1", port, "127.0.0.1:" + port);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long requests() {
        return requests.get();
    }

    /** The body of the most recent request. */
    byte[] lastRequestBody() {
        return lastRequestBody.get();
    }

    /** The body of the request {@code exchange} carries (read before the handler ran). */
    static String requestBody(HttpExchange exchange) {
        return new String((byte[]) exchange.getAttribute(BODY_ATTRIBUTE), StandardCharsets.UTF_8);
    }

    /** Distinct client source ports seen, i.e. connections that carried at least one request. */
    int connections() {
        return clientPorts.size();
    }

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}

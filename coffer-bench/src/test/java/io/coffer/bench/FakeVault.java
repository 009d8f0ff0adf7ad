package io.coffer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny Vault look-alike on the JDK HTTP server: {@code /v1/sys/health} answers
 * {@code healthStatus}, and a KV v2 mount {@code secret} stores PUT bodies and serves them to
 * GETs. Every request must carry the expected token, else 403 with a body that echoes the token
 * received (to prove the bench never prints it).
 */
final class FakeVault implements AutoCloseable {
    private static final String DATA_PREFIX = "/v1/secret/data/";

    final Map<String, String> store = new ConcurrentHashMap<>();
    final AtomicInteger tokenlessRequests = new AtomicInteger();
    private final TestHttpServer server;

    FakeVault(String token, int healthStatus) throws IOException {
        server = new TestHttpServer(ex -> {
            String sent = ex.getRequestHeaders().getFirst("X-Vault-Token");
            if (sent == null) {
                tokenlessRequests.incrementAndGet();
            }
            if (!token.equals(sent)) {
                TestHttpServer.reply(ex, 403, "{\"errors\":[\"permission denied for " + sent + "\"]}");
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path.equals("/v1/sys/health")) {
                TestHttpServer.reply(ex, healthStatus, "{\"initialized\":true,\"sealed\":false}");
            } else if (path.startsWith(DATA_PREFIX) && ex.getRequestMethod().equals("PUT")) {
                store.put(path.substring(DATA_PREFIX.length()),
                        new String(server().lastRequestBody(), StandardCharsets.UTF_8));
                TestHttpServer.reply(ex, 200, "{\"data\":{\"version\":1}}");
            } else if (path.startsWith(DATA_PREFIX) && ex.getRequestMethod().equals("GET")) {
                String body = store.get(path.substring(DATA_PREFIX.length()));
                TestHttpServer.reply(ex, body == null ? 404 : 200, body == null ? "{\"errors\":[]}" : body);
            } else {
                TestHttpServer.reply(ex, 404, "{\"errors\":[]}");
            }
        });
    }

    private TestHttpServer server() {
        return server;
    }

    String url() {
        return server.url();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}

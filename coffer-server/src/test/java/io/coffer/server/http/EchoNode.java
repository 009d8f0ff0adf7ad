package io.coffer.server.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in "active node" that records exactly what reached it (method, raw path and query,
 * headers, body) and answers with a fixed status, headers and body: for byte-exact forwarding
 * tests. Bodies are read as a stream; the path {@code /v1/digest} answers the body's length and
 * SHA-256 instead of keeping it.
 */
final class EchoNode implements AutoCloseable {
    static final String REPLY_BODY = "{\"data\":{\"echo\":true},\"weird\":\"\\u00e9\"}\n";

    /** One request as it arrived. */
    record Received(String method, String pathQuery, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final AtomicInteger count = new AtomicInteger();
    private volatile Received last;

    EchoNode() throws Exception {
        server = new Server(new QueuedThreadPool(16, 2));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return answer(request, response, callback);
            }
        });
        server.setStopTimeout(1_000);
        server.start();
    }

    private boolean answer(Request request, Response response, Callback callback) throws Exception {
        count.incrementAndGet();
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) {
            headers.merge(f.getLowerCaseName(), f.getValue(), (a, b) -> a + "," + b);
        }
        String pathQuery = request.getHttpURI().getPathQuery();
        if (request.getHttpURI().getPath().equals("/v1/digest")) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long length = 0;
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = Content.Source.asInputStream(request)) {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    sha.update(buf, 0, n);
                    length += n;
                }
            }
            last = new Received(request.getMethod(), pathQuery, headers, new byte[0]);
            response.setStatus(200);
            response.getHeaders().put("Content-Type", "application/json");
            String body = "{\"length\":" + length + ",\"sha256\":\"" + HexFormat.of().formatHex(sha.digest()) + "\"}";
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        byte[] body = Content.Source.asInputStream(request).readAllBytes();
        last = new Received(request.getMethod(), pathQuery, headers, body);
        response.setStatus(299);
        response.getHeaders().put("Content-Type", "application/json");
        response.getHeaders().put("Cache-Control", "no-store");
        response.getHeaders().add("X-Echo", "one");
        response.getHeaders().add("X-Echo", "two");
        response.write(true, ByteBuffer.wrap(REPLY_BODY.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    String address() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    int requests() {
        return count.get();
    }

    Received last() {
        return last;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

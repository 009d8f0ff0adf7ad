package io.coffer.server.cluster;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * A stand-in for a leader's API in tests: answers each path with a canned status and body and
 * records the last request body per path. Plain HTTP, or TLS with the given server settings.
 */
final class JoinTestServer implements AutoCloseable {
    record Reply(int status, String contentType, String body, long delayMillis) {
        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, 0);
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final boolean tls;
    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final Map<String, String> receivedHeaders = new ConcurrentHashMap<>();

    JoinTestServer(SslContextFactory.Server sslSettings) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("join-test");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        tls = sslSettings != null;
        if (tls) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            connector = new ServerConnector(server, new SslConnectionFactory(sslSettings, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = request.getHttpURI().getPath();
                received.put(path, Content.Source.asString(request, StandardCharsets.UTF_8));
                receivedHeaders.put(path, request.getHeaders().toString());
                Reply r = replies.getOrDefault(path, Reply.json(404, "{\"errors\":[]}"));
                if (r.delayMillis() > 0) {
                    release.await(r.delayMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                }
                response.setStatus(r.status());
                response.getHeaders().put("Content-Type", r.contentType());
                response.write(true, ByteBuffer.wrap(r.body().getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.setStopTimeout(0);
        server.start();
    }

    void reply(String step, Reply reply) {
        replies.put("/v1/sys/storage/raft/bootstrap/" + step, reply);
    }

    String receivedBody(String step) {
        return received.get("/v1/sys/storage/raft/bootstrap/" + step);
    }

    String receivedHeaders(String step) {
        return receivedHeaders.get("/v1/sys/storage/raft/bootstrap/" + step);
    }

    String address() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + connector.getLocalPort();
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        release.countDown();
        server.stop();
    }
}

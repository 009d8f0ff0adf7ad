package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class KeepAliveHttpClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void exchange_severalRequests_reuseOneConnection() throws Exception {
        try (TestHttpServer server = new TestHttpServer(ex -> TestHttpServer.reply(ex, 200, "{\"ok\":true}"));
             KeepAliveHttpClient client = new KeepAliveHttpClient(server.endpoint(), TIMEOUT)) {
            EncodedRequest get = EncodedRequest.get(server.endpoint(), "/v1/sys/health", Map.of());

            for (int i = 0; i < 5; i++) {
                assertThat(client.exchange(get)).isEqualTo(200);
                assertThat(client.lastBody()).isEqualTo("{\"ok\":true}");
            }

            assertThat(client.connectionsOpened()).isEqualTo(1);
            assertThat(server.requests()).isEqualTo(5);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void exchange_chunkedReply_readsWholeBodyAndKeepsConnection() throws Exception {
        try (TestHttpServer server = new TestHttpServer(ex -> {
            ex.sendResponseHeaders(200, 0);  // length 0 = chunked in the JDK server
            try (OutputStream out = ex.getResponseBody()) {
                for (String part : new String[] {"alpha-", "beta-", "gamma"}) {
                    out.write(part.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
             KeepAliveHttpClient client = new KeepAliveHttpClient(server.endpoint(), TIMEOUT)) {
            EncodedRequest get = EncodedRequest.get(server.endpoint(), "/", Map.of());

            assertThat(client.exchange(get)).isEqualTo(200);
            assertThat(client.lastBody()).isEqualTo("alpha-beta-gamma");
            assertThat(client.exchange(get)).isEqualTo(200);
            assertThat(client.lastBody()).isEqualTo("alpha-beta-gamma");
            assertThat(client.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void exchange_putWithTokenAndBody_serverReceivesBoth() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        try (TestHttpServer server = new TestHttpServer(ex -> {
            seen.set(ex.getRequestMethod() + " " + ex.getRequestURI() + " "
                    + ex.getRequestHeaders().getFirst("X-Vault-Token") + " "
                    + ex.getRequestHeaders().getFirst("Content-Type"));
            TestHttpServer.reply(ex, 204, "");
        });
             KeepAliveHttpClient client = new KeepAliveHttpClient(server.endpoint(), TIMEOUT)) {
            byte[] body = "{\"data\":{\"value\":\"v\"}}".getBytes(StandardCharsets.US_ASCII);
            EncodedRequest put = EncodedRequest.put(server.endpoint(), "/v1/secret/data/bench/key-1",
                    Map.of("X-Vault-Token", "s.token"), "application/json", body);

            assertThat(client.exchange(put)).isEqualTo(204);

            assertThat(seen.get()).isEqualTo("PUT /v1/secret/data/bench/key-1 s.token application/json");
            assertThat(server.lastRequestBody()).isEqualTo(body);
            assertThat(client.lastBody()).isEmpty();
        }
    }

    @Test
    void exchange_bodyLargerThanSendBuffer_isSentCompletely() throws Exception {
        try (TestHttpServer server = new TestHttpServer(ex -> TestHttpServer.reply(ex, 200, "ok"));
             KeepAliveHttpClient client = new KeepAliveHttpClient(server.endpoint(), TIMEOUT)) {
            byte[] body = new byte[100_000];
            Arrays.fill(body, (byte) 'a');
            EncodedRequest put = EncodedRequest.put(server.endpoint(), "/big", Map.of(), "text/plain", body);

            assertThat(client.exchange(put)).isEqualTo(200);
            assertThat(client.exchange(put)).isEqualTo(200);

            assertThat(server.lastRequestBody()).isEqualTo(body);
            assertThat(server.requests()).isEqualTo(2);
            assertThat(client.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void exchange_serverError_returnsStatusAndBody() throws Exception {
        try (TestHttpServer server = new TestHttpServer(ex -> TestHttpServer.reply(ex, 500, "{\"errors\":[\"boom\"]}"));
             KeepAliveHttpClient client = new KeepAliveHttpClient(server.endpoint(), TIMEOUT)) {
            EncodedRequest get = EncodedRequest.get(server.endpoint(), "/", Map.of());

            assertThat(client.exchange(get)).isEqualTo(500);
            assertThat(client.lastBody()).isEqualTo("{\"errors\":[\"boom\"]}");
            assertThat(client.exchange(get)).isEqualTo(500);
            assertThat(client.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void exchange_connectionCloseReply_reconnectsForNextRequest() throws Exception {
        try (RawHttpServer server = new RawHttpServer(new RawHttpServer.Script() {
            @Override
            public String respond(int connection, int request) {
                return "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nc" + connection;
            }

            @Override
            public boolean closeAfter(int connection, int request) {
                return true;
            }
        });
             KeepAliveHttpClient client = new KeepAliveHttpClient(server.endpoint(), TIMEOUT)) {
            EncodedRequest get = EncodedRequest.get(server.endpoint(), "/", Map.of());

            assertThat(client.exchange(get)).isEqualTo(200);
            assertThat(client.lastBody()).isEqualTo("c0");
            assertThat(client.exchange(get)).isEqualTo(200);
            assertThat(client.lastBody()).isEqualTo("c1");
            assertThat(client.connectionsOpened()).isEqualTo(2);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void exchange_serverSilentlyClosedIdleConnection_retriesOnFreshConnection() throws Exception {
        try (RawHttpServer server = new RawHttpServer(new RawHttpServer.Script() {
            @Override
            public String respond(int connection, int request) {
                return "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nc" + connection;
            }

            @Override
            public boolean closeAfter(int connection, int request) {
                return true;  // closes without announcing it, like an idle timeout
            }
        });
             KeepAliveHttpClient client = new KeepAliveHttpClient(server.endpoint(), TIMEOUT)) {
            EncodedRequest get = EncodedRequest.get(server.endpoint(), "/", Map.of());

            assertThat(client.exchange(get)).isEqualTo(200);
            Thread.sleep(100);  // let the close reach the client
            assertThat(client.exchange(get)).isEqualTo(200);

            assertThat(client.lastBody()).isEqualTo("c1");
            assertThat(client.connectionsOpened()).isEqualTo(2);
        }
    }

    @Test
    void exchange_bodyDelimitedByClose_readsItAndReconnects() throws Exception {
        try (RawHttpServer server = new RawHttpServer(new RawHttpServer.Script() {
            @Override
            public String respond(int connection, int request) {
                return "HTTP/1.1 200 OK\r\n\r\nbody-" + connection;
            }

            @Override
            public boolean closeAfter(int connection, int request) {
                return true;
            }
        });
             KeepAliveHttpClient client = new KeepAliveHttpClient(server.endpoint(), TIMEOUT)) {
            EncodedRequest get = EncodedRequest.get(server.endpoint(), "/", Map.of());

            assertThat(client.exchange(get)).isEqualTo(200);
            assertThat(client.lastBody()).isEqualTo("body-0");
            assertThat(client.exchange(get)).isEqualTo(200);
            assertThat(client.lastBody()).isEqualTo("body-1");
            assertThat(client.connectionsOpened()).isEqualTo(2);
        }
    }

    @Test
    void exchange_serverNeverAnswers_timesOutWithinTimeout() throws Exception {
        try (RawHttpServer server = new RawHttpServer(silent());
             KeepAliveHttpClient client = new KeepAliveHttpClient(server.endpoint(), Duration.ofMillis(300))) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> client.exchange(EncodedRequest.get(server.endpoint(), "/", Map.of())))
                    .isInstanceOf(SocketTimeoutException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
        }
    }

    @Test
    void close_fromAnotherThread_unblocksPendingExchange() throws Exception {
        try (RawHttpServer server = new RawHttpServer(silent())) {
            KeepAliveHttpClient client = new KeepAliveHttpClient(server.endpoint(), Duration.ofSeconds(30));
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    client.exchange(EncodedRequest.get(server.endpoint(), "/", Map.of()));
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            Thread.sleep(200);

            client.close();

            assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
            assertThatThrownBy(client::connect).isInstanceOf(IOException.class).hasMessage("client closed");
        }
    }

    @Test
    void exchange_nothingListening_throwsConnectException() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpEndpoint endpoint = new HttpEndpoint("127.0.0.1", port, "127.0.0.1:" + port);
        try (KeepAliveHttpClient client = new KeepAliveHttpClient(endpoint, TIMEOUT)) {
            assertThatThrownBy(() -> client.exchange(EncodedRequest.get(endpoint, "/", Map.of())))
                    .isInstanceOf(ConnectException.class);
            assertThat(client.connectionsOpened()).isZero();
        }
    }

    static RawHttpServer.Script silent() {
        return new RawHttpServer.Script() {
            @Override
            public String respond(int connection, int request) {
                return null;
            }

            @Override
            public boolean closeAfter(int connection, int request) {
                return false;
            }
        };
    }
}

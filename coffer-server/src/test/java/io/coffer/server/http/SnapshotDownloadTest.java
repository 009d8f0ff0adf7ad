package io.coffer.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.LogicalException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SnapshotRoutes#download}: headers, streaming, and what a failure before or after commit gives the client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotDownloadTest {
    private static final byte[] LARGE = new byte[300 * 1024];

    private final TestClient http = new TestClient();
    private final HttpExchange out = new HttpExchange(new ObjectMapper());
    private Server server;
    private ServerConnector connector;

    private final Map<String, Consumer<OutputStream>> producers = Map.of(
            "/empty", o -> { },
            "/small", o -> write(o, "tiny".getBytes()),
            "/large", o -> {
                for (int i = 0; i < LARGE.length; i += 1000) {
                    write(o, Arrays.copyOfRange(LARGE, i, Math.min(LARGE.length, i + 1000)));
                }
            },
            "/fail-early", o -> {
                write(o, new byte[10 * 1024]);
                throw new InvalidRequestException("raft storage is not in use");
            },
            "/fail-late", o -> {
                write(o, LARGE);
                throw new IllegalStateException("disk went away");
            });

    @BeforeAll
    void start() throws Exception {
        new Random(3).nextBytes(LARGE);
        server = new Server(new QueuedThreadPool(16, 2));
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                try {
                    SnapshotRoutes.download(response, callback, producers.get(request.getHttpURI().getPath()));
                } catch (LogicalException e) {
                    // as VaultHandler does
                    out.writeFailure(response, callback, e);
                }
                return true;
            }
        });
        server.start();
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void download_producerSucceeds_streamsGzipWithVaultsHeaders() throws Exception {
        TestClient.Reply r = http.get(base() + "/large");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/gzip");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.body()).isEqualTo(LARGE);
    }

    @Test
    void download_smallOrEmpty_isComplete() throws Exception {
        assertThat(http.get(base() + "/small").text()).isEqualTo("tiny");
        TestClient.Reply empty = http.get(base() + "/empty");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();
    }

    @Test
    void download_failsBeforeFirstBufferWentOut_isTheErrorEnvelope() throws Exception {
        TestClient.Reply r = http.get(base() + "/fail-early");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.text()).isEqualTo("{\"errors\":[\"raft storage is not in use\"]}");
    }

    @Test
    void download_failsAfterCommit_clientSeesATruncatedTransfer() {
        assertThatThrownBy(() -> http.get(base() + "/fail-late")).isInstanceOf(IOException.class);
    }

    private String base() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    private static void write(OutputStream o, byte[] b) {
        try {
            o.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.coffer.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.physical.InmemBackend;
import io.coffer.core.storage.StoredJson;
import io.coffer.core.testing.SteppingClock;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InternalException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The broker's rules on a stream device whose failures the test controls. */
class AuditBrokerTest {
    private final InmemBackend storage = new InmemBackend();
    private final SwitchableStream out = new SwitchableStream();
    private final AuditBroker broker = new AuditBroker(new AuditTableStore(storage, new StoredJson()),
            new AuditDeviceFactory(out), new SteppingClock(), new SecureRandom());

    private static AuditInput input() {
        return AuditInput.of(Request.of("id-1", Operation.READ, "secret/x", Map.of()), "", null, null);
    }

    @Test
    void noDevices_everythingCountsAsLogged() {
        broker.logRequest(input());
        broker.logResponse(input().withResponse(Response.noContent()));

        assertThat(broker.enabled()).isFalse();
    }

    @Test
    void responseWriteFails_afterRequestWritten_responseRefused() {
        broker.enable("out/", "file", "", Map.of("file_path", "stdout"), false);
        broker.logRequest(input());

        out.failing = true;

        assertThatThrownBy(() -> broker.logResponse(input().withResponse(Response.noContent())))
                .isInstanceOf(InternalException.class)
                .hasMessage("no audit backend succeeded in logging the response");
        assertThatThrownBy(() -> broker.logRequest(input()))
                .isInstanceOf(InternalException.class)
                .hasMessage("no audit backend succeeded in logging the request");
        broker.logRejected(input().withError(new IllegalStateException("x")));
    }

    @Test
    void table_persistedAndReloaded_withSalt() {
        broker.enable("out/", "file", "d", Map.of("file_path", "stdout"), true);
        String hash = broker.hash("out/", "v");
        broker.close();

        AuditBroker reloaded = new AuditBroker(new AuditTableStore(storage, new StoredJson()),
                new AuditDeviceFactory(out), new SteppingClock(), new SecureRandom());
        reloaded.load();

        assertThat(reloaded.entries()).singleElement()
                .satisfies(e -> assertThat(e.description()).isEqualTo("d"))
                .satisfies(e -> assertThat(e.local()).isTrue());
        assertThat(reloaded.hash("out/", "v")).isEqualTo(hash);
    }

    @Test
    void storedRow_formatVersioned() {
        broker.enable("out/", "file", "", Map.of("file_path", "stdout"), false);

        String stored = new String(new StoredJson().encode(
                new StoredJson().read(storage, "core/audit", AuditTableStore.Table.class)), StandardCharsets.UTF_8);

        assertThat(stored).contains("\"format_version\":1").contains("\"salt\":").contains("\"path\":\"out/\"");
    }

    @Test
    void concurrentRequests_neverInterleaveLines() throws Exception {
        broker.enable("out/", "file", "", Map.of("file_path", "stdout"), false);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 400; i++) {
            int n = i;
            pool.submit(() -> broker.logRequest(AuditInput.of(Request.of("id-" + n, Operation.UPDATE, "p/" + n,
                    Map.of("v", "x".repeat(2000))), "", null, null)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        String[] lines = out.bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(401);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : lines) {
            assertThat(json.readTree(line).path("type").asText()).isEqualTo("request");
        }
    }

    /** A stream that throws while {@code failing}; not thread-safe, the sink serialises writes. */
    private static final class SwitchableStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        volatile boolean failing;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failing) {
                throw new IOException("disk full");
            }
            bytes.write(b, off, len);
        }
    }
}

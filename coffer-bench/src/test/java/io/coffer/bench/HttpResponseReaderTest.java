package io.coffer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

    private static HttpResponseReader reader(String wire) {
        return new HttpResponseReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** Delivers one byte per read, to exercise every buffer boundary. */
    private static HttpResponseReader tricklingReader(String wire) {
        InputStream in = new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(1, len));
            }
        };
        return new HttpResponseReader(in);
    }

    @Test
    void read_pipelinedContentLengthResponses_readsEachBodyExactly() throws Exception {
        HttpResponseReader r = reader("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
                + "HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\n\r\n{}");

        assertThat(r.read()).isEqualTo(200);
        assertThat(r.bodyText()).isEqualTo("hello");
        assertThat(r.closeAfter()).isFalse();
        assertThat(r.read()).isEqualTo(404);
        assertThat(r.bodyText()).isEqualTo("{}");
    }

    @Test
    void read_chunkedWithExtensionAndTrailer_joinsChunks() throws Exception {
        String wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;name=x\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX-Trailer: 1\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n";

        HttpResponseReader r = tricklingReader(wire);

        assertThat(r.read()).isEqualTo(200);
        assertThat(r.bodyText()).isEqualTo("Wikipedia in\r\n\r\nchunks.");
        assertThat(r.read()).isEqualTo(204);
        assertThat(r.bodyText()).isEmpty();
    }

    @Test
    void read_interimContinue_isSkipped() throws Exception {
        HttpResponseReader r = reader("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");

        assertThat(r.read()).isEqualTo(201);
    }

    @Test
    void read_connectionCloseHeader_requestsClose() throws Exception {
        HttpResponseReader r = reader("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n");

        assertThat(r.read()).isEqualTo(200);
        assertThat(r.closeAfter()).isTrue();
    }

    @Test
    void read_http10WithoutKeepAlive_requestsClose() throws Exception {
        HttpResponseReader plain = reader("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");
        HttpResponseReader keepAlive = reader("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n");

        plain.read();
        keepAlive.read();

        assertThat(plain.closeAfter()).isTrue();
        assertThat(keepAlive.closeAfter()).isFalse();
    }

    @Test
    void read_bodyWithoutLength_readsToEndAndRequestsClose() throws Exception {
        HttpResponseReader r = reader("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end");

        assertThat(r.read()).isEqualTo(200);
        assertThat(r.bodyText()).isEqualTo("until the end");
        assertThat(r.closeAfter()).isTrue();
    }

    @Test
    void read_emptyStream_throwsPrematureClose() {
        assertThatThrownBy(() -> reader("").read()).isInstanceOf(PrematureCloseException.class);
    }

    @Test
    void read_truncatedBody_throwsEof() {
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc").read())
                .isInstanceOf(EOFException.class)
                .isNotInstanceOf(PrematureCloseException.class);
    }

    @Test
    void read_malformedResponses_throwProtocolException() {
        assertThatThrownBy(() -> reader("SSH-2.0-OpenSSH\r\n\r\n").read()).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> reader("HTTP/1.1 2x0 OK\r\n\r\n").read()).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n").read())
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n").read())
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void read_statusLineWithoutReason_isAccepted() throws Exception {
        assertThat(reader("HTTP/1.1 503\r\nContent-Length: 0\r\n\r\n").read()).isEqualTo(503);
    }
}

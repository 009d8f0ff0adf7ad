package io.coffer.server.http;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * A streamed response body that commits the response (status and headers, set by a callback)
 * only once its 64 KiB buffer overflows or the body ends. Until then nothing has reached the
 * client, so a failure can still be answered with a normal error envelope; after that a failure
 * can only abort the response. {@link #flush()} and {@link #close()} do nothing: the owner ends
 * the body with {@link #finish()}. Blocking and not thread-safe, like any {@link OutputStream}.
 */
final class DeferredCommitOutput extends OutputStream {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Response response;
    private final Consumer<Response> head;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int count;
    private OutputStream sink;
    private boolean finished;

    /** @param head sets the status and headers, called once just before the first byte goes out */
    DeferredCommitOutput(Response response, Consumer<Response> head) {
        this.response = response;
        this.head = head;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (finished) {
            throw new IOException("response body already finished");
        }
        if (len > buffer.length - count) {
            drain();
        }
        if (len >= buffer.length) {
            sink().write(b, off, len);
        } else {
            System.arraycopy(b, off, buffer, count, len);
            count += len;
        }
    }

    /** Whether the response is committed: from now on a failure can only abort it. */
    boolean committed() {
        return sink != null;
    }

    /** Sends what is buffered (committing the response if nothing was sent yet) and ends the body. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        drain();
        finished = true;
        sink().close();
    }

    @Override
    public void flush() {
        // deliberately deferred: see the class comment
    }

    @Override
    public void close() {
        // the owner ends the body with finish()
    }

    private void drain() throws IOException {
        if (count > 0) {
            sink().write(buffer, 0, count);
            count = 0;
        }
    }

    private OutputStream sink() {
        if (sink == null) {
            head.accept(response);
            sink = Content.Sink.asOutputStream(response);
        }
        return sink;
    }
}

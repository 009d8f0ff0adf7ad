package io.coffer.server.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read as a stream that fails once more than a limit has been read, and
 * remembers it, so the route can answer 413 whatever the reader did with the failure.
 */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long read;
    private boolean exceeded;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Whether the body was longer than the limit. */
    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            count(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws IOException {
        read += n;
        if (read > limit) {
            exceeded = true;
            throw new IOException("body longer than " + limit + " bytes");
        }
    }
}

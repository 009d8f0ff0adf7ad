package io.coffer.core.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Writes audit lines to a shared stream (the process's standard output for
 * {@code file_path=stdout}). A {@link PrintStream} swallows write errors, so its error flag is
 * checked after every line: a failed line is a failed write here too.
 */
final class StreamSink implements AuditSink {
    private final OutputStream out;

    StreamSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(byte[] line) throws IOException {
        synchronized (out) {
            out.write(line);
            out.flush();
            if (out instanceof PrintStream p && p.checkError()) {
                throw new IOException("standard output is not writable");
            }
        }
    }
}

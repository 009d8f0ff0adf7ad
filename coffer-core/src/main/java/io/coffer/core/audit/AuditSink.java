package io.coffer.core.audit;

import java.io.IOException;

/**
 * Where an audit device's lines go. {@link #write} takes one complete line (prefix, JSON and the
 * newline) and either appends all of it or throws; concurrent calls never interleave.
 */
interface AuditSink {

    /** Appends {@code line} and flushes it. */
    void write(byte[] line) throws IOException;
}

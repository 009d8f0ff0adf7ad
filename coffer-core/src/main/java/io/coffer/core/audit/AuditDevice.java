package io.coffer.core.audit;

import java.io.IOException;
import java.time.Instant;

/**
 * One enabled audit device: its table row, its hash function and where its lines go. Writing an
 * entry either appends the whole line or throws; the broker decides what a failure means.
 */
final class AuditDevice implements AutoCloseable {
    private final AuditDeviceEntry entry;
    private final AuditHasher hasher;
    private final AuditFormatter formatter;
    private final AuditSink sink;

    AuditDevice(AuditDeviceEntry entry, AuditHasher hasher, AuditFormatter formatter, AuditSink sink) {
        this.entry = entry;
        this.hasher = hasher;
        this.formatter = formatter;
        this.sink = sink;
    }

    AuditDeviceEntry entry() {
        return entry;
    }

    String path() {
        return entry.path();
    }

    /** Writes the request entry of {@code in}. */
    void logRequest(AuditInput in, Instant time) throws IOException {
        sink.write(formatter.requestLine(in, time));
    }

    /** Writes the response entry of {@code in}. */
    void logResponse(AuditInput in, Instant time) throws IOException {
        sink.write(formatter.responseLine(in, time));
    }

    /** The identified HMAC of {@code input} with this device's salt, as the log would show it. */
    String hash(String input) {
        return hasher.hash(input);
    }

    @Override
    public void close() {
        hasher.close();
    }

    @Override
    public String toString() {
        return "AuditDevice[" + entry.path() + "]";
    }
}

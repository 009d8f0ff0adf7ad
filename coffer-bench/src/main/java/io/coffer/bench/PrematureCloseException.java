package io.coffer.bench;

import java.io.IOException;

/**
 * Signals that the server closed the connection before sending any byte of a response, which on
 * a reused keep-alive connection usually means it had timed the idle connection out, so the
 * request may be sent again on a new one.
 */
final class PrematureCloseException extends IOException {
    PrematureCloseException() {
        super("connection closed before a response was received");
    }
}

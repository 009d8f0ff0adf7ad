package io.coffer.sdk.logical.exception;

import java.util.List;

/**
 * The root of every expected failure above the barrier. The HTTP edge maps each subtype to a
 * status code in one table, by type; messages are shown to clients verbatim in Vault's
 * {@code {"errors":[...]}} envelope, so they must never contain a secret.
 */
public abstract class LogicalException extends RuntimeException {

    protected LogicalException(String message) {
        super(message, null, false, false);
    }

    protected LogicalException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** The messages of the {@code errors} array; empty for Vault's bare {@code {"errors":[]}}. */
    public List<String> errors() {
        String message = getMessage();
        return message == null || message.isEmpty() ? List.of() : List.of(message);
    }
}

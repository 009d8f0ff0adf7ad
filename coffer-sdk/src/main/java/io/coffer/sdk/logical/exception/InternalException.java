package io.coffer.sdk.logical.exception;

/**
 * An internal failure the caller cannot fix: HTTP 500. The message must hold no detail of secrets or ciphertext.
 */
public class InternalException extends LogicalException {

    public InternalException(String message) {
        super(message);
    }

    public InternalException(String message, Throwable cause) {
        super(message, cause);
    }
}

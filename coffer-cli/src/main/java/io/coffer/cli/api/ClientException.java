package io.coffer.cli.api;

/**
 * Base of everything a request to the server can fail with; the message is what the vault CLI
 * prints after its "Error reading ...:" style prefix, and never contains the token.
 */
public abstract class ClientException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its message and optional cause. */
    protected ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}

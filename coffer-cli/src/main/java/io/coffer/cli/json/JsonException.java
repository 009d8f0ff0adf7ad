package io.coffer.cli.json;

/** Thrown when text cannot be decoded as JSON; the message says why, without echoing input. */
public final class JsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a short reason. */
    public JsonException(String message) {
        super(message);
    }
}

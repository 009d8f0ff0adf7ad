package io.coffer.cli.input;

/** A data argument could not be parsed; the message names the argument and the reason. */
public final class KeyValueException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public KeyValueException(String message, Throwable cause) {
        super(message, cause);
    }
}

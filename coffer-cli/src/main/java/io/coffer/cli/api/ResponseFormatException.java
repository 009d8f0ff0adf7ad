package io.coffer.cli.api;

/** The server answered with a success status but a body that is not the expected JSON. */
public final class ResponseFormatException extends ClientException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the decoder's reason. */
    public ResponseFormatException(String message) {
        super(message, null);
    }
}

package io.coffer.cli.command;

/** The API client cannot be built from the settings (bad address, unreadable token file...). */
public final class ClientSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the message to print. */
    public ClientSetupException(String message) {
        super(message);
    }
}

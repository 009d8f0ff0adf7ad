package io.coffer.cli.command;

/**
 * The command line is wrong (unknown flag, bad value, wrong number of arguments): the command
 * prints the message and exits with 1.
 */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the message to print. */
    public UsageException(String message) {
        super(message);
    }
}

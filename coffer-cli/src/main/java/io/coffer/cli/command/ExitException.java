package io.coffer.cli.command;

/**
 * The exception a command throws to end early once it has printed why: it carries one of
 * {@link ExitCodes} to the runner, which returns it without printing anything more.
 */
public final class ExitException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** Creates the exception for an exit code; it records no stack trace. */
    public ExitException(int exitCode) {
        super("exit " + exitCode, null, false, false);
        this.exitCode = exitCode;
    }

    /** The exit code the command ends with. */
    public int exitCode() {
        return exitCode;
    }
}

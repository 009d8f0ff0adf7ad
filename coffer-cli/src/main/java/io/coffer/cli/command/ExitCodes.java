package io.coffer.cli.command;

/** The CLI's exit codes, as the vault CLI uses them. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Usage error or local failure (bad flags, unreadable file). */
    public static final int USAGE = 1;
    /** The server refused or failed the request (403, 404 on read, 5xx, unreachable). */
    public static final int API = 2;

    private ExitCodes() {}
}

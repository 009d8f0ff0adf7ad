package io.coffer.cli.command.policy.hcl;

/** The text is not valid HCL; the message says where ({@code At LINE:COL: reason}). */
public final class HclSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for a position (1-based line and column). */
    public HclSyntaxException(int line, int column, String reason) {
        super("At " + line + ":" + column + ": " + reason);
    }
}

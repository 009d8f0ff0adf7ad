package io.coffer.core.hcl;

/**
 * HCL or JSON text that cannot be parsed into an {@link HclObject}. The message is {@code line
 * L, column C: reason} when the position is known (else just the reason) and never quotes more
 * than a few characters of the input (see {@link Snippet}), so it is safe to log or return.
 */
public final class HclSyntaxException extends RuntimeException {

    private final int line;
    private final int column;
    private final String reason;

    /**
     * @param line   the 1-based line of the problem, or 0 when unknown
     * @param column the 1-based column of the problem, or 0 when unknown
     * @param reason a short description that quotes input only through {@link Snippet}
     */
    public HclSyntaxException(int line, int column, String reason) {
        super(line > 0 ? "line " + line + ", column " + Math.max(1, column) + ": " + reason : reason,
                null, false, false);
        this.line = Math.max(0, line);
        this.column = line > 0 ? Math.max(1, column) : 0;
        this.reason = reason;
    }

    /** The 1-based line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** The message without its position. */
    public String reason() {
        return reason;
    }
}

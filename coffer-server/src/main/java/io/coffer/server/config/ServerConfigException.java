package io.coffer.server.config;

/**
 * A server configuration that cannot be used: a syntax error, an unknown key, a value of the
 * wrong type or out of range, a missing or conflicting setting. The message names the key, the
 * block it is in, the file and the line (for JSON also the JSON path); it quotes configured
 * values only shortened and escaped.
 */
public final class ServerConfigException extends RuntimeException {

    private final int line;

    /**
     * @param message the complete, user-facing description
     * @param line    the 1-based line the problem is on, or 0 when unknown
     */
    public ServerConfigException(String message, int line) {
        super(message, null, false, false);
        this.line = Math.max(0, line);
    }

    /** The 1-based line the problem is on, or 0 when unknown or not about one line. */
    public int line() {
        return line;
    }
}

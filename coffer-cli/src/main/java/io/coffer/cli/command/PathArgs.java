package io.coffer.cli.command;

/** Normalization of path arguments, as the vault CLI applies it. */
public final class PathArgs {
    private PathArgs() {}

    /** Removes surrounding whitespace and leading/trailing slashes (vault's {@code sanitizePath}). */
    public static String sanitize(String s) {
        String t = s.strip();
        int start = 0;
        int end = t.length();
        while (start < end && t.charAt(start) == '/') {
            start++;
        }
        while (end > start && t.charAt(end - 1) == '/') {
            end--;
        }
        return t.substring(start, end);
    }

    /**
     * The first argument as a sanitized path, for commands that take a raw API path.
     *
     * @throws UsageException when there is no argument
     */
    public static String first(Invocation inv) throws UsageException {
        if (inv.args().isEmpty()) {
            throw new UsageException("Not enough arguments (expected 1, got 0)");
        }
        return sanitize(inv.args().get(0));
    }

    /** Ensures one trailing slash on a non-empty path (vault's {@code ensureTrailingSlash}). */
    public static String ensureTrailingSlash(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return "";
        }
        return t.endsWith("/") ? t : t + "/";
    }
}

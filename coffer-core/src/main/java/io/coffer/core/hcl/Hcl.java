package io.coffer.core.hcl;

/**
 * Entry point of Coffer's strict HCL (version 1) reader, shared by ACL policies and the server
 * configuration. Both methods return the same {@link HclObject} tree shape, with the line of every
 * item, so one validator serves both syntaxes.
 *
 * <p>Guarantees: stateless and thread-safe; input is never evaluated (no interpolation, no
 * includes); every failure is an {@link HclSyntaxException} with line and column when known,
 * quoting at most a few characters of the input.
 */
public final class Hcl {

    /** The deepest nesting of objects and lists accepted. */
    public static final int MAX_DEPTH = HclReader.MAX_DEPTH;

    private Hcl() {
    }

    /**
     * Parses HCL text: items {@code key = value} and blocks {@code type "label" { … }}, values
     * being strings, heredocs, numbers, booleans, lists and objects.
     *
     * @throws HclSyntaxException if the text is not valid HCL
     */
    public static HclObject parse(String text) {
        return HclReader.read(text);
    }

    /**
     * Parses a JSON object into an HCL tree, each member an item with one key; duplicate members
     * are kept as separate items, {@code null} is kept as a {@code null} value.
     *
     * @throws HclSyntaxException if the text is not exactly one JSON object
     */
    public static HclObject parseJson(String text) {
        return new JsonTreeReader().read(text);
    }

    /** Whether {@code text} looks like JSON: its first non-blank character is <code>{</code>. */
    public static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{';
            }
        }
        return false;
    }
}

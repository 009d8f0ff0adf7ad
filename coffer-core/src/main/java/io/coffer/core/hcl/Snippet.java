package io.coffer.core.hcl;

/**
 * Quotes pieces of untrusted input (policy text, configuration) for error messages: at most
 * {@value #MAX} characters, quotes, backslashes and control characters escaped, so an error never
 * echoes a large or unprintable chunk of the input.
 */
public final class Snippet {

    /** The most characters of input one quote shows; longer input is cut and ends in {@code ...}. */
    public static final int MAX = 40;

    private Snippet() {
    }

    /** {@code s} in double quotes, shortened and escaped; {@code null} becomes {@code null}. */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX) + 8).append('"');
        int n = Math.min(s.length(), MAX);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (s.length() > MAX) {
            b.append("...");
        }
        return b.append('"').toString();
    }

    /** {@code c} in double quotes, escaped. */
    public static String quote(char c) {
        return quote(String.valueOf(c));
    }
}

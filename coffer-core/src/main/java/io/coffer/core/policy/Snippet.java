package io.coffer.core.policy;

/**
 * Quotes pieces of policy input for error messages: at most {@value #MAX} characters, control
 * characters escaped, so an error never echoes a large or unprintable chunk of the input.
 */
final class Snippet {

    static final int MAX = 40;

    private Snippet() {
    }

    static String quote(String s) {
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

    static String quote(char c) {
        return quote(String.valueOf(c));
    }
}

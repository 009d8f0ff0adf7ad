package io.coffer.bench;

/**
 * The little JSON reading the login set-up needs, on Vault's compact answers: the string value of
 * a named member, and where the object value of a named member starts. A member name matches only
 * as a whole quoted name followed by a colon, so {@code secret_id} never matches
 * {@code "secret_id_accessor"}. Not a validating parser; a name inside a string value could be
 * mistaken for a member, which Vault's answers to the set-up requests never contain.
 */
final class JsonStrings {
    private JsonStrings() {
    }

    /**
     * The decoded string value of the first member {@code name} at or after {@code from}, or null
     * when there is none or its value is not a string.
     */
    static String member(String json, int from, String name) {
        int value = valueStart(json, from, name, '"');
        return value < 0 ? null : decode(json, value);
    }

    /** {@link #member(String, int, String)} from the start. */
    static String member(String json, String name) {
        return member(json, 0, name);
    }

    /**
     * The index just after the {@code opening} character that starts the value of the first
     * member {@code name} at or after {@code from}, or -1.
     */
    static int valueStart(String json, int from, String name, char opening) {
        String quoted = '"' + name + '"';
        for (int at = json.indexOf(quoted, from); at >= 0; at = json.indexOf(quoted, at + 1)) {
            int i = skipWhitespace(json, at + quoted.length());
            if (i < json.length() && json.charAt(i) == ':') {
                i = skipWhitespace(json, i + 1);
                if (i < json.length() && json.charAt(i) == opening) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static int skipWhitespace(String json, int from) {
        int i = from;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The string whose opening quote is just before {@code start}; null if it is unterminated or malformed. */
    private static String decode(String json, int start) {
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i >= json.length()) {
                return null;
            }
            char e = json.charAt(i);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 4 >= json.length()) {
                        return null;
                    }
                    try {
                        sb.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException ex) {
                        return null;
                    }
                    i += 4;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }
}

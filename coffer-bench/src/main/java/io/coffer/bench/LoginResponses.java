package io.coffer.bench;

import java.nio.charset.StandardCharsets;

/**
 * Recognises a successful Vault login answer on its bytes, without parsing or allocating: an
 * {@code "auth"} member whose value is an object, followed by a {@code "client_token"} member
 * whose value is a non-empty string. Whitespace around {@code :} is allowed; {@code "auth":null}
 * (every non-login answer) and {@code "client_token":""} are refused.
 *
 * <p>This is a structural scan, not a JSON validator: it does not check that the token lies
 * inside the {@code auth} object rather than after it, nor that the document is well formed.
 * That suffices to tell a login that issued a token from an error or an empty answer.
 */
final class LoginResponses {
    private static final byte[] AUTH = ascii("\"auth\"");
    private static final byte[] CLIENT_TOKEN = ascii("\"client_token\"");

    private LoginResponses() {
    }

    /** Whether the first {@code length} bytes of {@code body} hold a non-empty {@code auth.client_token}. */
    static boolean hasClientToken(byte[] body, int length) {
        int auth = memberValue(body, 0, length, AUTH, (byte) '{');
        if (auth < 0) {
            return false;
        }
        int token = memberValue(body, auth, length, CLIENT_TOKEN, (byte) '"');
        return token >= 0 && token < length && body[token] != '"';
    }

    /**
     * The index just after the first {@code opening} byte that follows an occurrence of
     * {@code name} at or after {@code from}, a colon and optional whitespace; -1 if there is none.
     */
    private static int memberValue(byte[] body, int from, int length, byte[] name, byte opening) {
        for (int at = indexOf(body, from, length, name); at >= 0; at = indexOf(body, at + 1, length, name)) {
            int i = skipWhitespace(body, at + name.length, length);
            if (i < length && body[i] == ':') {
                i = skipWhitespace(body, i + 1, length);
                if (i < length && body[i] == opening) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static int skipWhitespace(byte[] body, int from, int length) {
        int i = from;
        while (i < length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] body, int from, int length, byte[] needle) {
        int last = length - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

package io.coffer.core.token;

import java.security.SecureRandom;

/**
 * Generates token ids ({@code hvs.} + 24 base62 characters, ~143 bits) and accessors (24
 * alphanumerics), in the shape Vault ≥ 1.10 clients expect.
 */
public final class TokenIds {
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int LENGTH = 24;
    private final SecureRandom random;

    public TokenIds(SecureRandom random) {
        this.random = random;
    }

    public String newServiceToken() {
        return "hvs." + randomBase62(LENGTH);
    }

    public String newAccessor() {
        return randomBase62(LENGTH);
    }

    private String randomBase62(int n) {
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = BASE62[random.nextInt(BASE62.length)];
        }
        return new String(out);
    }
}

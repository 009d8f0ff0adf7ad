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

    /**
     * {@code n} uniform base62 characters from one call into the (synchronised) random source:
     * bytes are drawn in a batch and those ≥ 248 (= 4 × 62) are rejected, so every character is
     * equally likely.
     */
    private String randomBase62(int n) {
        char[] out = new char[n];
        byte[] pool = new byte[n + n / 2 + 8];
        int filled = 0;
        while (filled < n) {
            random.nextBytes(pool);
            for (int i = 0; i < pool.length && filled < n; i++) {
                int b = pool[i] & 0xff;
                if (b < 248) {
                    out[filled++] = BASE62[b % 62];
                }
            }
        }
        return new String(out);
    }
}

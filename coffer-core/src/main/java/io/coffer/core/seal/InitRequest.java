package io.coffer.core.seal;

import java.util.List;

/**
 * What {@code sys/init} asks for: the share count and threshold, and optionally one OpenPGP
 * public key per share and one for the root token (base64), to which they are encrypted.
 */
public record InitRequest(int shares, int threshold, List<String> pgpKeys, String rootTokenPgpKey) {
    public InitRequest {
        pgpKeys = pgpKeys == null ? List.of() : List.copyOf(pgpKeys);
        rootTokenPgpKey = rootTokenPgpKey == null ? "" : rootTokenPgpKey;
    }

    public static InitRequest of(int shares, int threshold) {
        return new InitRequest(shares, threshold, List.of(), "");
    }
}

package io.coffer.core.token;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Derives storage keys from token ids and accessors with HMAC-SHA256 under a per-cluster salt,
 * so that even inside the barrier no storage path reveals a token.
 */
public final class TokenHasher {
    private final SecretKeySpec key;

    public TokenHasher(byte[] salt) {
        this.key = new SecretKeySpec(salt.clone(), "HmacSHA256");
    }

    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

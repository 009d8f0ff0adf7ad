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
    /** One initialised MAC per thread: looking one up and keying it costs more than a short HMAC. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public TokenHasher(byte[] salt) {
        this.key = new SecretKeySpec(salt.clone(), "HmacSHA256");
    }

    public String hash(String value) {
        // doFinal resets the MAC for its next use
        return HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

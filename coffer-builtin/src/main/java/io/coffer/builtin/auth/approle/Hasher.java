package io.coffer.builtin.auth.approle;

import io.coffer.crypto.SecretBytes;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * HMAC-SHA256 under one AppRole mount's key, turning role IDs, secret IDs and accessors into the
 * hex digests that key the storage, so that no storage path or value holds a secret ID. Each
 * {@link Label} separates a domain: the digest of a value as a role ID never equals its digest
 * as a secret ID. Thread-safe; the key is never printed.
 */
final class Hasher {
    private static final String ALGORITHM = "HmacSHA256";

    /** What is being hashed; part of the HMAC input. */
    enum Label {
        ROLE_ID("role_id"), SECRET_ID("secret_id"), ACCESSOR("secret_id_accessor");

        private final byte[] prefix;

        Label(String name) {
            this.prefix = (name + "\u0000").getBytes(StandardCharsets.UTF_8);
        }
    }

    private final SecretBytes key;

    /** @param key the mount's key; owned by this hasher's creator, which closes it */
    Hasher(SecretBytes key) {
        this.key = key;
    }

    /** The lower-case hex HMAC-SHA256 of {@code label ‖ 0x00 ‖ utf8(value)}. */
    String hmac(Label label, String value) {
        byte[] k = key.copy();
        byte[] input = value.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(k, ALGORITHM));
            mac.update(label.prefix);
            return HexFormat.of().formatHex(mac.doFinal(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        } finally {
            Arrays.fill(k, (byte) 0);
            Arrays.fill(input, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "Hasher[" + ALGORITHM + "]";
    }
}

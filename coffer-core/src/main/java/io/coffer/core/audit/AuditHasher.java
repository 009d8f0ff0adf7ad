package io.coffer.core.audit;

import io.coffer.crypto.SecretBytes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One audit device's hash function: {@code "hmac-sha256:" + hex(HMAC-SHA256(salt, UTF-8 value))},
 * the form Vault's audit log and {@code sys/audit-hash} show. Thread-safe; the salt is zeroed on
 * {@link #close()} and never printed.
 */
final class AuditHasher implements AutoCloseable {
    static final String PREFIX = "hmac-sha256:";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretBytes salt;
    private final Mac prototype;

    /** A hasher keyed with {@code salt}; takes ownership of the array. */
    AuditHasher(byte[] salt) {
        this.salt = SecretBytes.wrap(salt);
        byte[] key = this.salt.copy();
        try {
            this.prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The identified HMAC of {@code value}. */
    String hash(String value) {
        byte[] digest = mac().doFinal(value.getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(digest);
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            synchronized (prototype) {
                // providers without clone: fall back to a fresh instance keyed from the salt
                byte[] key = salt.copy();
                try {
                    Mac m = Mac.getInstance(ALGORITHM);
                    m.init(new SecretKeySpec(key, ALGORITHM));
                    return m;
                } catch (GeneralSecurityException ex) {
                    throw new IllegalStateException("HMAC-SHA256 is unavailable", ex);
                } finally {
                    Arrays.fill(key, (byte) 0);
                }
            }
        }
    }

    @Override
    public void close() {
        salt.close();
    }

    @Override
    public String toString() {
        return "AuditHasher[hmac-sha256]";
    }
}

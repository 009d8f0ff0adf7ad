package io.coffer.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Key material held in a byte array that is zeroed on {@link #close()}, compared in constant
 * time, and never printed.
 *
 * <p>{@link #toString()} shows only the length. After close every accessor throws.
 */
public final class SecretBytes implements AutoCloseable {
    private final byte[] bytes;
    private volatile boolean destroyed;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of {@code bytes}: the caller must not use the array afterwards. */
    public static SecretBytes wrap(byte[] bytes) {
        return new SecretBytes(bytes);
    }

    /** Copies {@code bytes}; the caller keeps (and should zero) its array. */
    public static SecretBytes copyOf(byte[] bytes) {
        return new SecretBytes(bytes.clone());
    }

    /** {@code length} fresh random bytes. */
    public static SecretBytes random(SecureRandom random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return new SecretBytes(b);
    }

    public int length() {
        check();
        return bytes.length;
    }

    /** A copy of the secret; the caller zeroes it when done. */
    public byte[] copy() {
        check();
        return bytes.clone();
    }

    /**
     * Compares with {@code other} in time independent of where they differ. Both must be live: a
     * destroyed secret (all zeros) must not compare equal to a zero key.
     */
    public boolean equalsConstantTime(SecretBytes other) {
        check();
        other.check();
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    /** Zeroes the material. Idempotent. */
    @Override
    public void close() {
        destroyed = true;
        Arrays.fill(bytes, (byte) 0);
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    private void check() {
        if (destroyed) {
            throw new IllegalStateException("secret has been destroyed");
        }
    }

    @Override
    public String toString() {
        return "SecretBytes[" + bytes.length + " bytes]";
    }
}

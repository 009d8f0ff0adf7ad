package io.coffer.builtin.auth.userpass;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * bcrypt password hashing ({@code $2b$} strings in OpenBSD's format, which Go's
 * {@code golang.org/x/crypto/bcrypt}, Vault's library, also reads) on BouncyCastle's
 * {@link OpenBSDBCrypt}: a 16-byte random salt per hash, a configurable cost (work factor
 * {@code 2^cost}), constant-time comparison. Thread-safe.
 *
 * <p>bcrypt reads at most {@value #MAX_PASSWORD_BYTES} bytes of a password; BouncyCastle
 * silently ignores the rest. Callers refuse longer passwords when one is set, and
 * {@link #verify(byte[], String)} never accepts a longer password, so two passwords sharing a
 * 72-byte prefix are never the same password.
 */
final class BcryptHasher implements PasswordHasher {
    /** The cost Vault uses ({@code bcrypt.DefaultCost}). */
    static final int DEFAULT_COST = 10;
    /** The cheapest cost bcrypt allows. */
    static final int MIN_COST = 4;
    /** The most expensive cost bcrypt allows. */
    static final int MAX_COST = 31;
    /** The longest password bcrypt reads, in UTF-8 bytes. */
    static final int MAX_PASSWORD_BYTES = 72;

    private static final String VERSION = "2b";
    private static final int SALT_BYTES = 16;

    private final int cost;
    private final SecureRandom random;
    private final Object dummyLock = new Object();
    private volatile String dummy;

    /**
     * @param cost   the bcrypt cost of new hashes, {@value #MIN_COST} to {@value #MAX_COST}
     * @param random the source of salts
     */
    BcryptHasher(int cost, SecureRandom random) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between " + MIN_COST + " and " + MAX_COST);
        }
        this.cost = cost;
        this.random = random;
    }

    /** The cost of new hashes. */
    int cost() {
        return cost;
    }

    @Override
    public String hash(byte[] password) {
        if (password.length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("password longer than bcrypt accepts");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate(VERSION, password, salt, cost);
    }

    @Override
    public boolean verify(byte[] password, String hash) {
        boolean matches;
        try {
            matches = OpenBSDBCrypt.checkPassword(hash, password);
        } catch (RuntimeException e) {
            // a malformed stored hash (BouncyCastle throws several kinds); never surface its text
            matches = false;
        }
        return matches & password.length <= MAX_PASSWORD_BYTES;
    }

    @Override
    public String dummyHash() {
        String d = dummy;
        if (d == null) {
            synchronized (dummyLock) {
                d = dummy;
                if (d == null) {
                    byte[] unknowable = new byte[32];
                    random.nextBytes(unknowable);
                    d = hash(unknowable);
                    Arrays.fill(unknowable, (byte) 0);
                    dummy = d;
                }
            }
        }
        return d;
    }

    @Override
    public String toString() {
        return "BcryptHasher[cost=" + cost + "]";
    }
}

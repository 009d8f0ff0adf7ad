package io.coffer.builtin.auth.userpass;

/**
 * Turns passwords into one-way hashes and checks passwords against them. Implementations are
 * thread-safe, never log or keep the password bytes they are given, and take as long to reject
 * a password as to accept it.
 *
 * <p>The seam exists so that tests can count checks; production code uses {@link BcryptHasher}.
 */
interface PasswordHasher {

    /** A new hash of {@code password} with a fresh random salt. */
    String hash(byte[] password);

    /**
     * Whether {@code password} matches {@code hash}, compared in constant time. A malformed
     * hash is a mismatch, never an exception.
     */
    boolean verify(byte[] password, String hash);

    /**
     * A hash of a random password nobody knows, made with the same work factor as
     * {@link #hash(byte[])}. The login path checks a password against it when the user does not
     * exist, so that an unknown user costs as much time as a wrong password (CVE-2025-6011).
     */
    String dummyHash();
}

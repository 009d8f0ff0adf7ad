package io.coffer.crypto;

/**
 * Decryption failed: wrong key, tampered ciphertext or wrong associated data. Carries no
 * detail on purpose, so that nothing about the key or plaintext leaks through messages.
 */
public final class AeadException extends Exception {
    public AeadException() {
        super("message authentication failed", null, false, false);
    }
}

package io.coffer.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-GCM authenticated encryption with a 96-bit random nonce and a 128-bit tag, on the JCA
 * provider of the running JDK.
 *
 * <p>{@link #seal} returns {@code nonce ‖ ciphertext ‖ tag}; {@link #open} reverses it and fails
 * with a detail-free {@link AeadException} when anything (key, nonce, ciphertext, tag or the
 * associated data) was altered. Instances are thread-safe.
 */
public final class AesGcm {
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final SecureRandom random;
    /**
     * One cipher per thread: {@code Cipher.getInstance} and the AES key schedule cost more than
     * encrypting a small value, and a JCA cipher may be re-initialised but not shared.
     */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(AesGcm::newCipher);

    /** Uses a copy of {@code key} (16, 24 or 32 bytes). */
    public AesGcm(SecretBytes key, SecureRandom random) {
        int n = key.length();
        if (n != 16 && n != 24 && n != 32) {
            throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes");
        }
        byte[] material = key.copy();
        this.key = new SecretKeySpec(material, "AES");
        java.util.Arrays.fill(material, (byte) 0);
        this.random = random;
    }

    /** Encrypts with a fresh random nonce: {@code nonce(12) ‖ ciphertext ‖ tag(16)}. */
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        return seal(plaintext, associatedData, 0);
    }

    /**
     * Encrypts into a new array that starts with {@code headerLength} zero bytes the caller fills
     * in afterwards, followed by {@code nonce ‖ ciphertext ‖ tag}.
     */
    public byte[] seal(byte[] plaintext, byte[] associatedData, int headerLength) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        return encrypt(ciphers.get(), nonce, plaintext, associatedData, headerLength);
    }

    /** Encrypts with a given nonce (test vectors; never reuse a nonce under one key). */
    public byte[] sealWithNonce(byte[] nonce, byte[] plaintext, byte[] associatedData, int headerLength) {
        return encrypt(newCipher(), nonce, plaintext, associatedData, headerLength);
    }

    private byte[] encrypt(Cipher cipher, byte[] nonce, byte[] plaintext, byte[] associatedData, int headerLength) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            if (associatedData != null && associatedData.length > 0) {
                cipher.updateAAD(associatedData);
            }
            byte[] out = new byte[headerLength + nonce.length + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, headerLength, nonce.length);
            cipher.doFinal(plaintext, 0, plaintext.length, out, headerLength + nonce.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Decrypts {@code nonce ‖ ciphertext ‖ tag} found at {@code offset} of {@code sealed}. */
    public byte[] open(byte[] sealed, int offset, byte[] associatedData) throws AeadException {
        int length = sealed.length - offset;
        if (length < NONCE_LENGTH + TAG_LENGTH) {
            throw new AeadException();
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, sealed, offset, NONCE_LENGTH));
            if (associatedData != null && associatedData.length > 0) {
                cipher.updateAAD(associatedData);
            }
            return cipher.doFinal(sealed, offset + NONCE_LENGTH, length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new AeadException();
        } catch (GeneralSecurityException e) {
            throw new AeadException();
        }
    }

    public byte[] open(byte[] sealed, byte[] associatedData) throws AeadException {
        return open(sealed, 0, associatedData);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "AesGcm[key hidden]";
    }
}

package io.coffer.core.seal;

/**
 * The Shamir seal's stored state (format version {@value #FORMAT_VERSION}): how many key
 * shares exist, how many unseal, and the root key encrypted under the unseal key. Stored at
 * {@code core/seal-config} outside the barrier, since it must be readable while sealed; it
 * holds no secret in clear. Kept in one record so that a rekey replaces shares and encrypted
 * root key in a single atomic write.
 *
 * @param encryptedRootKey base64 of {@code nonce ‖ ciphertext ‖ tag} (AES-256-GCM under the
 *                         unseal key, associated data {@code core/seal-config})
 */
public record SealConfig(int formatVersion, String type, int secretShares, int secretThreshold,
                         String encryptedRootKey) {
    public static final int FORMAT_VERSION = 1;

    public static SealConfig shamir(int shares, int threshold, String encryptedRootKey) {
        return new SealConfig(FORMAT_VERSION, "shamir", shares, threshold, encryptedRootKey);
    }

    @Override
    public String toString() {
        return "SealConfig[shamir " + secretThreshold + "/" + secretShares + "]";
    }
}

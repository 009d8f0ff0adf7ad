package io.coffer.core.seal;

/**
 * The Shamir seal's configuration (format version {@value #FORMAT_VERSION}): how many key
 * shares exist and how many unseal. Stored unencrypted at {@code core/seal-config}, since it
 * must be readable while sealed; it holds no secret.
 */
public record SealConfig(int formatVersion, String type, int secretShares, int secretThreshold) {
    public static final int FORMAT_VERSION = 1;

    public static SealConfig shamir(int shares, int threshold) {
        return new SealConfig(FORMAT_VERSION, "shamir", shares, threshold);
    }
}

package io.coffer.core.seal;

import io.coffer.core.storage.StoredJson;
import io.coffer.crypto.AeadException;
import io.coffer.crypto.AesGcm;
import io.coffer.crypto.SecretBytes;
import io.coffer.crypto.shamir.Shamir;
import io.coffer.crypto.shamir.ShamirException;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/**
 * The Shamir seal: the unseal key exists only while combined from a threshold of shares and
 * is never stored; it decrypts the root key stored at {@value #ROOT_KEY_PATH}.
 */
public final class ShamirSeal {
    static final String CONFIG_PATH = "core/seal-config";
    static final String ROOT_KEY_PATH = "core/root-key";
    private static final int KEY_LENGTH = 32;

    private final Storage physical;
    private final StoredJson json;
    private final SecureRandom random;
    private final UnsealProgress progress = new UnsealProgress();

    public ShamirSeal(Storage physical, StoredJson json, SecureRandom random) {
        this.physical = physical;
        this.json = json;
        this.random = random;
    }

    /** The stored configuration, or {@code null} before init. */
    public SealConfig config() {
        return json.read(physical, CONFIG_PATH, SealConfig.class);
    }

    /** Checks a requested configuration with Vault's messages. */
    public static void validate(int shares, int threshold) {
        if (shares < 1) {
            throw new InvalidRequestException("invalid seal configuration: shares must be at least one");
        }
        if (threshold < 1) {
            throw new InvalidRequestException("invalid seal configuration: threshold must be at least one");
        }
        if (shares > 1 && threshold == 1) {
            throw new InvalidRequestException("invalid seal configuration: threshold must be greater than one for multiple shares");
        }
        if (threshold > shares) {
            throw new InvalidRequestException("invalid seal configuration: threshold cannot be larger than shares");
        }
        if (shares > 255) {
            throw new InvalidRequestException("invalid seal configuration: shares must be at most 255");
        }
    }

    /**
     * Creates a fresh unseal key, stores {@code rootKey} encrypted under it with the config, and
     * returns the key's shares (the key itself when there is one share).
     */
    public List<byte[]> initialize(SecretBytes rootKey, int shares, int threshold) {
        validate(shares, threshold);
        try (SecretBytes unsealKey = SecretBytes.random(random, KEY_LENGTH)) {
            byte[] plainRoot = rootKey.copy();
            try {
                physical.put(new StorageEntry(ROOT_KEY_PATH, new AesGcm(unsealKey, random)
                        .seal(plainRoot, ROOT_KEY_PATH.getBytes(StandardCharsets.UTF_8))));
            } finally {
                java.util.Arrays.fill(plainRoot, (byte) 0);
            }
            json.write(physical, CONFIG_PATH, SealConfig.shamir(shares, threshold));
            return shares == 1 ? List.of(unsealKey.copy()) : new Shamir(random).split(unsealKey, shares, threshold);
        }
    }

    /**
     * Adds one share to the current attempt. Returns the root key once the threshold is
     * reached, else {@code null}.
     *
     * @throws InvalidRequestException when the combined key does not open the root key; the
     *                                 attempt is reset
     */
    public synchronized SecretBytes submit(byte[] share) {
        SealConfig config = config();
        if (config == null) {
            throw new InvalidRequestException("Vault is not initialized");
        }
        int expected = config.secretShares() == 1 ? KEY_LENGTH : KEY_LENGTH + 1;
        if (share.length != expected) {
            progress.reset();
            throw new InvalidRequestException("invalid key length: expected " + expected + " bytes");
        }
        progress.add(share);
        if (progress.count() < config.secretThreshold()) {
            return null;
        }
        try (SecretBytes unsealKey = combine(config)) {
            StorageEntry stored = physical.get(ROOT_KEY_PATH);
            return SecretBytes.wrap(new AesGcm(unsealKey, random).open(stored.value(), ROOT_KEY_PATH.getBytes(StandardCharsets.UTF_8)));
        } catch (AeadException | ShamirException e) {
            throw new InvalidRequestException("Error unsealing: failed to decrypt keys from storage: unseal key is not valid");
        } finally {
            progress.reset();
        }
    }

    private SecretBytes combine(SealConfig config) {
        if (config.secretShares() == 1) {
            return SecretBytes.copyOf(progress.shares().get(0));
        }
        return new Shamir(random).combine(progress.shares());
    }

    public synchronized void reset() {
        progress.reset();
    }

    public synchronized SealStatus status(boolean sealed) {
        SealConfig config = config();
        if (config == null) {
            return new SealStatus(false, true, 0, 0, 0, "");
        }
        return new SealStatus(true, sealed, config.secretThreshold(), config.secretShares(),
                sealed ? progress.count() : 0, sealed ? progress.nonce() : "");
    }
}

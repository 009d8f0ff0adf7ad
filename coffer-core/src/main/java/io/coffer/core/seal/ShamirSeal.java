package io.coffer.core.seal;

import io.coffer.core.storage.StoredJson;
import io.coffer.crypto.AeadException;
import io.coffer.crypto.AesGcm;
import io.coffer.crypto.SecretBytes;
import io.coffer.crypto.shamir.Shamir;
import io.coffer.crypto.shamir.ShamirException;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The Shamir seal: the unseal key exists only while combined from a threshold of shares and
 * is never stored; it decrypts the root key, which is stored encrypted inside the
 * {@link SealConfig} at {@value #CONFIG_PATH}.
 */
public final class ShamirSeal {
    public static final String CONFIG_PATH = "core/seal-config";
    static final int KEY_LENGTH = 32;
    private static final byte[] AAD = CONFIG_PATH.getBytes(StandardCharsets.UTF_8);

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
        SealConfig c = json.read(physical, CONFIG_PATH, SealConfig.class);
        if (c != null && c.formatVersion() != SealConfig.FORMAT_VERSION) {
            throw new InternalException("unsupported seal configuration format version " + c.formatVersion());
        }
        return c;
    }

    /**
     * Decodes a seal configuration record as stored (for example one a leader sent to a joining
     * node).
     *
     * @throws InvalidRequestException when it is not a seal configuration of a known version
     */
    public SealConfig decode(byte[] record) {
        SealConfig c;
        try {
            c = json.decode(record, SealConfig.class);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("the leader sent an unreadable seal configuration");
        }
        if (c == null || c.formatVersion() != SealConfig.FORMAT_VERSION || c.encryptedRootKey() == null
                || c.secretThreshold() < 1 || c.secretShares() < c.secretThreshold()) {
            throw new InvalidRequestException("the leader sent an unsupported seal configuration");
        }
        return c;
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
        if (shares > Shamir.MAX_SHARES) {
            throw new InvalidRequestException("invalid seal configuration: shares must be at most 255");
        }
    }

    /**
     * Creates a fresh unseal key, stores {@code rootKey} encrypted under it together with the
     * configuration (one write), and returns the key's shares (the key itself for one share).
     */
    public List<byte[]> initialize(SecretBytes rootKey, int shares, int threshold) {
        Protection p = protect(rootKey, shares, threshold);
        commit(p);
        return p.shares();
    }

    /** A new unseal key's shares and the configuration that goes with them, not yet stored. */
    record Protection(SealConfig config, List<byte[]> shares) {
        @Override
        public String toString() {
            return "Protection[" + config + "]";
        }
    }

    /**
     * Makes a new unseal key for {@code rootKey}: its shares and the configuration holding the
     * root key encrypted under it. Nothing is stored until {@link #commit}.
     */
    Protection protect(SecretBytes rootKey, int shares, int threshold) {
        validate(shares, threshold);
        try (SecretBytes unsealKey = SecretBytes.random(random, KEY_LENGTH)) {
            byte[] plainRoot = rootKey.copy();
            String encrypted;
            try {
                encrypted = Base64.getEncoder().encodeToString(new AesGcm(unsealKey, random).seal(plainRoot, AAD));
            } finally {
                Arrays.fill(plainRoot, (byte) 0);
            }
            List<byte[]> out = shares == 1 ? List.of(unsealKey.copy()) : new Shamir(random).split(unsealKey, shares, threshold);
            return new Protection(SealConfig.shamir(shares, threshold, encrypted), out);
        }
    }

    /**
     * Stores a protection in one write: afterwards only its shares open the root key. A crash
     * leaves either the old shares or the new ones valid, never neither.
     */
    void commit(Protection protection) {
        json.write(physical, CONFIG_PATH, protection.config());
    }

    /**
     * Adds one share to the current unseal attempt. Returns the root key once the threshold is
     * reached, else {@code null}. A share already given in this attempt is ignored.
     *
     * @throws InvalidRequestException when the share is malformed or the combined key does not
     *                                 open the root key; the attempt is reset
     */
    public synchronized SecretBytes submit(byte[] share) {
        return submit(share, config());
    }

    /**
     * Adds one share as {@link #submit(byte[])} does, against a given configuration: a node
     * joining a cluster unseals with the configuration the leader sent before its own store
     * holds one.
     */
    public synchronized SecretBytes submit(byte[] share, SealConfig config) {
        if (config == null) {
            throw new InvalidRequestException("Vault is not initialized");
        }
        checkLength(config, share, progress);
        progress.add(share);
        if (progress.count() < config.secretThreshold()) {
            return null;
        }
        try {
            return openRootKey(config, progress.shares());
        } finally {
            progress.reset();
        }
    }

    /** Combines {@code shares} and opens the root key with the result. */
    SecretBytes openRootKey(SealConfig config, List<byte[]> shares) {
        try (SecretBytes unsealKey = config.secretShares() == 1 ? SecretBytes.copyOf(shares.get(0))
                : new Shamir(random).combine(shares)) {
            return SecretBytes.wrap(new AesGcm(unsealKey, random).open(Base64.getDecoder().decode(config.encryptedRootKey()), AAD));
        } catch (AeadException | ShamirException | IllegalArgumentException e) {
            throw new InvalidRequestException("Error unsealing: failed to decrypt keys from storage: unseal key is not valid");
        }
    }

    /** Refuses a share whose length cannot belong to {@code config}; resets {@code attempt}. */
    static void checkLength(SealConfig config, byte[] share, UnsealProgress attempt) {
        int expected = config.secretShares() == 1 ? KEY_LENGTH : KEY_LENGTH + 1;
        if (share.length != expected) {
            attempt.reset();
            throw new InvalidRequestException("invalid key length: expected " + expected + " bytes, got " + share.length);
        }
    }

    public synchronized void reset() {
        progress.reset();
    }

    public synchronized SealStatus status(boolean sealed) {
        return status(sealed, config());
    }

    /** The status against a given configuration ({@code null}: not initialised). */
    public synchronized SealStatus status(boolean sealed, SealConfig config) {
        if (config == null) {
            return new SealStatus(false, true, 0, 0, 0, "");
        }
        return new SealStatus(true, sealed, config.secretThreshold(), config.secretShares(),
                sealed ? progress.count() : 0, sealed ? progress.nonce() : "");
    }
}

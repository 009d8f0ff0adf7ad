package io.coffer.core.token;

import io.coffer.core.storage.StoredJson;
import io.coffer.crypto.AeadException;
import io.coffer.crypto.AesGcm;
import io.coffer.crypto.SecretBytes;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The codec of batch tokens: a batch token is its own record, never stored. The token is
 * {@code hvb.} followed by unpadded base64url of {@code version(1) ‖ nonce(12) ‖ ciphertext ‖
 * tag(16)}, the AES-256-GCM encryption of the {@link TokenEntry} as JSON (its id and accessor
 * empty) under the cluster's batch-token key.
 *
 * <p>The key is 32 random bytes kept in the barrier at {@code sys/token/batch-key}, made by the
 * first batch token ever created (on the active node), so every node of the cluster and every
 * restart opens the same tokens; before it exists no batch token can be valid. A token that was
 * altered, truncated or made under another key decodes to nothing, and the reason is never
 * told. Thread-safe.
 */
public final class BatchTokens {
    static final String PREFIX = "hvb.";
    static final String KEY_PATH = "batch-key";
    private static final byte VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final byte[] ASSOCIATED_DATA = "coffer batch token".getBytes(StandardCharsets.US_ASCII);
    /** Larger than any real token; longer inputs are refused before decoding. */
    private static final int MAX_TOKEN_CHARS = 8192;

    private final Storage view;
    private final StoredJson json;
    private final SecureRandom random;
    private volatile AesGcm cipher;

    /** @param view the token store's view ({@code sys/token/}) */
    public BatchTokens(Storage view, StoredJson json, SecureRandom random) {
        this.view = view;
        this.json = json;
        this.random = random;
    }

    static boolean isBatch(String token) {
        return token != null && token.startsWith(PREFIX);
    }

    /**
     * The token that carries {@code entry} (whose id and accessor are ignored).
     *
     * @throws InvalidRequestException when the token would be longer than any node accepts
     */
    String encode(TokenEntry entry) {
        byte[] sealed = cipher(true).seal(json.encode(identified(entry, "")), ASSOCIATED_DATA, 1);
        sealed[0] = VERSION;
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidRequestException("batch token would be too large; use less metadata or fewer policies");
        }
        return token;
    }

    /**
     * The entry {@code token} carries, its id set to the token; {@code null} when it is not a
     * batch token this cluster made (expiry is the caller's check).
     */
    TokenEntry decode(String token) {
        if (!isBatch(token) || token.length() > MAX_TOKEN_CHARS) {
            return null;
        }
        AesGcm c = cipher(false);
        if (c == null) {
            return null;
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (sealed.length < 1 + AesGcm.NONCE_LENGTH + AesGcm.TAG_LENGTH || sealed[0] != VERSION) {
            return null;
        }
        TokenEntry e;
        try {
            e = json.decode(c.open(sealed, 1, ASSOCIATED_DATA), TokenEntry.class);
        } catch (AeadException | InternalException failure) {
            return null;
        }
        return identified(e, token);
    }

    /**
     * A new batch token for {@code entry} and the entry as lookups will return it (its id the
     * token), without decrypting what was just encrypted.
     */
    TokenEntry issue(TokenEntry entry) {
        return identified(entry, encode(entry));
    }

    /** {@code e} as a batch token's entry with id {@code id}: no accessor, not renewable. */
    private static TokenEntry identified(TokenEntry e, String id) {
        return new TokenEntry(e.formatVersion(), id, "", e.parent(), e.policies(), e.path(), e.meta(),
                e.displayName(), e.numUses(), e.creationTime(), e.creationTtl(), e.explicitMaxTtl(), e.period(),
                false, "batch", e.entityId(), e.lastRenewalTime(), e.expireTime(), e.role(), e.boundCidrs(),
                e.maxTtl());
    }

    /** The cipher under the stored key; made and stored first when {@code create}, else {@code null} without a key. */
    private AesGcm cipher(boolean create) {
        AesGcm c = cipher;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (cipher != null) {
                return cipher;
            }
            StorageEntry stored = view.get(KEY_PATH);
            byte[] key;
            if (stored != null) {
                key = stored.value();
            } else if (create) {
                key = new byte[KEY_BYTES];
                random.nextBytes(key);
                view.put(new StorageEntry(KEY_PATH, key.clone()));
            } else {
                return null;
            }
            try (SecretBytes secret = SecretBytes.wrap(key)) {
                cipher = new AesGcm(secret, random);
            }
            return cipher;
        }
    }
}

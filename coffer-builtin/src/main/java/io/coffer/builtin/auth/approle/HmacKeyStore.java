package io.coffer.builtin.auth.approle;

import io.coffer.crypto.SecretBytes;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageEntry;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * The one HMAC key of an AppRole mount: 32 random bytes created on first need and kept in the
 * mount's storage at {@code hmac-key}, then cached for the life of the backend. A lookup that
 * finds no key creates none (nothing can have been stored under a key that does not exist).
 * Thread-safe; {@link #close()} zeroes the cached key.
 */
final class HmacKeyStore implements AutoCloseable {
    /** Key length in bytes: the HMAC-SHA256 block-size-safe, full-strength choice. */
    static final int KEY_BYTES = 32;

    private final AppRoleCodec codec;
    private final SecureRandom random;
    private final Clock clock;
    private SecretBytes key;
    /** Set once the key is loaded or created; read without the lock on the login path. */
    private volatile Hasher hasher;

    HmacKeyStore(AppRoleCodec codec, SecureRandom random, Clock clock) {
        this.codec = codec;
        this.random = random;
        this.clock = clock;
    }

    /** The hasher under the stored key, or {@code null} when the mount has no key yet. */
    Hasher existing(Storage storage) {
        Hasher cached = hasher;
        return cached != null ? cached : load(storage);
    }

    private synchronized Hasher load(Storage storage) {
        if (hasher == null) {
            StorageEntry entry = storage.get(AppRoleLayout.HMAC_KEY);
            if (entry != null) {
                install(codec.decodeHmacKey(entry.value()));
            }
        }
        return hasher;
    }

    /** The hasher under the stored key, creating and storing a new random key when there is none. */
    synchronized Hasher obtain(Storage storage) {
        Hasher found = existing(storage);
        if (found != null) {
            return found;
        }
        SecretBytes fresh = SecretBytes.random(random, KEY_BYTES);
        storage.put(new StorageEntry(AppRoleLayout.HMAC_KEY, codec.encodeHmacKey(fresh, clock.instant())));
        install(fresh);
        return hasher;
    }

    private void install(SecretBytes loaded) {
        this.key = loaded;
        this.hasher = new Hasher(loaded);
    }

    @Override
    public synchronized void close() {
        if (key != null) {
            key.close();
        }
        key = null;
        hasher = null;
    }

    @Override
    public String toString() {
        return "HmacKeyStore";
    }
}

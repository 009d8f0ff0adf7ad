package io.coffer.builtin.auth.approle;

import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Storage;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * What every endpoint group of one AppRole mount shares: the storage view, the codec, the HMAC
 * key, the role locks, the clock and the random source of new role IDs, secret IDs and
 * accessors. One instance per mounted backend; {@link #close()} zeroes the cached key.
 */
final class AppRoleContext implements AutoCloseable {
    /** Role lock stripes per mount: enough that unrelated roles rarely contend. */
    private static final int LOCK_STRIPES = 64;

    private final Storage mountStorage;
    private final AppRoleCodec codec = new AppRoleCodec();
    private final RoleLocks locks = new RoleLocks(LOCK_STRIPES);
    private final Clock clock;
    private final SecureRandom random;
    private final HmacKeyStore keys;

    AppRoleContext(Storage mountStorage, Clock clock, SecureRandom random) {
        this.mountStorage = mountStorage;
        this.clock = clock;
        this.random = random;
        this.keys = new HmacKeyStore(codec, random, clock);
    }

    /** The store over the request's storage view, or the mount's when the request carries none. */
    AppRoleStore store(Request request) {
        Storage storage = request.storage() != null ? request.storage() : mountStorage;
        return new AppRoleStore(storage, codec);
    }

    /** The mount's hasher, creating the mount's HMAC key on first use. */
    Hasher hasher(AppRoleStore store) {
        return keys.obtain(store.storage());
    }

    /** The mount's hasher, or {@code null} when no key exists yet (then nothing is stored either). */
    Hasher existingHasher(AppRoleStore store) {
        return keys.existing(store.storage());
    }

    RoleLocks locks() {
        return locks;
    }

    Instant now() {
        return clock.instant();
    }

    /** A new random (version 4) UUID from the mount's {@link SecureRandom}. */
    String newUuid() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[i + 8] & 0xff);
        }
        Arrays.fill(b, (byte) 0);
        return new UUID(msb, lsb).toString();
    }

    @Override
    public void close() {
        keys.close();
    }
}

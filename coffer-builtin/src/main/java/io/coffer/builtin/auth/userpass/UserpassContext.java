package io.coffer.builtin.auth.userpass;

import io.coffer.builtin.concurrent.StripedLocks;
import io.coffer.sdk.logical.Storage;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * What every userpass endpoint group of one mount shares: the mount's storage view, the codec,
 * the per-user locks, the password hasher, the lockout policy and the clock. One instance per
 * mounted backend; thread-safe.
 */
final class UserpassContext {
    private final Storage mountStorage;
    private final UserpassCodec codec;
    private final StripedLocks locks;
    private final PasswordHasher hasher;
    private final LockoutPolicy lockout;
    private final Clock clock;

    UserpassContext(Storage mountStorage, UserpassCodec codec, StripedLocks locks, PasswordHasher hasher,
                    LockoutPolicy lockout, Clock clock) {
        this.mountStorage = mountStorage;
        this.codec = Objects.requireNonNull(codec, "codec");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The records in {@code storage}, or in the mount's own view when {@code storage} is null. */
    UserpassStore store(Storage storage) {
        return new UserpassStore(storage != null ? storage : mountStorage, codec);
    }

    StripedLocks locks() {
        return locks;
    }

    PasswordHasher hasher() {
        return hasher;
    }

    LockoutPolicy lockout() {
        return lockout;
    }

    Instant now() {
        return clock.instant();
    }
}

package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.UserLockouts;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The userpass side of {@code sys/locked-users}: which users of the mount are locked out now,
 * and lifting a lockout. Reads the failed-login records the login path writes; an unlock takes
 * the user's lock, so it cannot interleave with a login of the same user. With lockout
 * disabled nobody is locked.
 */
final class LockedUsers implements UserLockouts {
    private final UserpassContext ctx;

    LockedUsers(UserpassContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Map<String, Instant> lockedUsers(Storage storage) {
        LockoutPolicy policy = ctx.lockout();
        if (policy.disabled()) {
            return Map.of();
        }
        UserpassStore store = ctx.store(storage);
        Instant now = ctx.now();
        Map<String, Instant> locked = new TreeMap<>();
        for (String name : store.namesWithFailedLogins()) {
            FailedLogins failures = store.failedLogins(name);
            if (failures != null && failures.lockedAt(policy, now)) {
                locked.put(name, failures.lockedUntil(policy));
            }
        }
        return Collections.unmodifiableMap(locked);
    }

    @Override
    public void unlock(Storage storage, String aliasIdentifier) {
        String name = UserNames.normalise(aliasIdentifier);
        if (!UserNames.isValid(name)) {
            return;
        }
        UserpassStore store = ctx.store(storage);
        ctx.locks().locked(name, () -> {
            store.deleteFailedLogins(name);
            return null;
        });
    }
}

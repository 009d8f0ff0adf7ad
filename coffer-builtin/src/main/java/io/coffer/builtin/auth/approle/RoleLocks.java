package io.coffer.builtin.auth.approle;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The mutual exclusion of one AppRole mount. Everything that reads and then writes a role's
 * records — role writes and deletes, secret ID creation and destruction, and every login (which
 * may use up a secret ID) — runs under that role's lock, so concurrent logins can never use a
 * secret ID more often than its {@code num_uses}. Role locks are striped by name. Changes of a
 * role ID additionally take the single role-ID lock (always after the role's lock), which keeps
 * role IDs unique across roles.
 */
final class RoleLocks {
    private final ReentrantLock[] stripes;
    private final ReentrantLock roleIds = new ReentrantLock();

    /** @param stripes the number of role locks; more stripes, fewer false conflicts */
    RoleLocks(int stripes) {
        if (stripes <= 0) {
            throw new IllegalArgumentException("stripes must be positive");
        }
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code action} holding role {@code name}'s lock and returns its result. */
    <T> T withRole(String name, Supplier<T> action) {
        return locked(stripeOf(name), action);
    }

    /** Runs {@code action} holding the role-ID lock; call only while holding a role's lock. */
    <T> T withRoleIds(Supplier<T> action) {
        return locked(roleIds, action);
    }

    private static <T> T locked(ReentrantLock lock, Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock stripeOf(String name) {
        int h = name.hashCode();
        h ^= h >>> 16;
        return stripes[Math.floorMod(h, stripes.length)];
    }
}

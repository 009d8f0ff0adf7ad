package io.coffer.builtin.auth.userpass;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Striped mutual exclusion by normalised user name: actions on the same user never overlap,
 * actions on different users usually run in parallel. It makes every read-modify-write of a
 * user or of its failed-login counter atomic on this node (the active node is the only writer
 * of a mount), and serialises the logins of one user so that parallel guesses cannot outrun
 * the lockout threshold.
 */
final class NameLocks {
    private final ReentrantLock[] stripes;

    /** @param stripes the number of locks; more stripes, fewer false conflicts */
    NameLocks(int stripes) {
        if (stripes <= 0) {
            throw new IllegalArgumentException("stripes must be positive");
        }
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code action} while holding the lock of {@code name} and returns its result. */
    <T> T locked(String name, Supplier<T> action) {
        ReentrantLock lock = stripeOf(name);
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

package io.coffer.builtin.secrets.kv;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Striped mutual exclusion by key: actions on the same key never run at the same time, actions
 * on different keys usually do. Used to make read-modify-write of one secret atomic within a
 * node (the active node is the only writer of a mount).
 */
final class KeyLocks {
    private final ReentrantLock[] stripes;

    /** @param stripes the number of locks; more stripes, fewer false conflicts */
    KeyLocks(int stripes) {
        if (stripes <= 0) {
            throw new IllegalArgumentException("stripes must be positive");
        }
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code action} while holding the lock of {@code key} and returns its result. */
    <T> T locked(String key, Supplier<T> action) {
        ReentrantLock lock = stripeOf(key);
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock stripeOf(String key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        return stripes[Math.floorMod(h, stripes.length)];
    }
}

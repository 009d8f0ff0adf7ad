package io.coffer.builtin.concurrent;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Striped mutual exclusion by name: actions on the same name never run at the same time, actions
 * on different names usually do (two names share a lock only when they fall on the same stripe).
 * The locks are reentrant. The backends use it to make each read-modify-write of one stored record
 * atomic on a node (the active node is the only writer of a mount).
 */
public final class StripedLocks {
    private final ReentrantLock[] stripes;

    /** @param stripes the number of locks; more stripes, fewer false conflicts */
    public StripedLocks(int stripes) {
        if (stripes <= 0) {
            throw new IllegalArgumentException("stripes must be positive");
        }
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code action} while holding the lock of {@code name} and returns its result. */
    public <T> T locked(String name, Supplier<T> action) {
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

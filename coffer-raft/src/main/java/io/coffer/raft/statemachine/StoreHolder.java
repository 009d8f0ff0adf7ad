package io.coffer.raft.statemachine;

import io.coffer.raft.RaftException;
import io.coffer.storage.file.RocksDbBackend;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The node's current RocksDB store, which a snapshot installation replaces: a reader holds the
 * read lock for one call, a replacement or close takes the write lock, so no read ever meets a
 * closed or half-installed store.
 */
final class StoreHolder {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private RocksDbBackend store;

    /** Produces the next store once the current one is closed (for example by installing a snapshot). */
    @FunctionalInterface
    interface Opener {
        RocksDbBackend open() throws IOException;
    }

    /** Runs {@code read} against the current store. */
    <T> T read(Function<RocksDbBackend, T> read) {
        lock.readLock().lock();
        try {
            return read.apply(requireOpen());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The current store, for the thread that applies entries and takes snapshots. */
    RocksDbBackend current() {
        lock.readLock().lock();
        try {
            return requireOpen();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Closes the current store (if any) with no reader inside it, then opens the next one with
     * {@code next}. When {@code next} fails the holder is left empty (every read then fails) and
     * the failure is rethrown.
     */
    void replace(Opener next) throws IOException {
        lock.writeLock().lock();
        try {
            if (store != null) {
                RocksDbBackend old = store;
                store = null;
                old.close();
            }
            store = next.open();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Closes the store, waiting for reads in flight. Idempotent. */
    void close() {
        lock.writeLock().lock();
        try {
            if (store != null) {
                store.close();
                store = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private RocksDbBackend requireOpen() {
        if (store == null) {
            throw new RaftException("the Raft node's store is not open");
        }
        return store;
    }
}

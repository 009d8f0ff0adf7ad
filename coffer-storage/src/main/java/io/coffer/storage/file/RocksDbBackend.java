package io.coffer.storage.file;

import io.coffer.core.physical.PhysicalBackend;
import io.coffer.sdk.logical.StorageChange;
import io.coffer.sdk.logical.StorageEntry;
import org.rocksdb.Checkpoint;
import org.rocksdb.FlushOptions;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The durable physical backend {@code storage "file"}: an embedded RocksDB database under one
 * directory. Every {@link #put}, {@link #delete}, {@link #applyBatch} and {@link #apply} is in
 * the synced write-ahead log before it returns, so a crash at any moment (kill -9, power loss)
 * loses no acknowledged write and RocksDB recovers a consistent store; concurrent writers share
 * one fsync (group commit). {@link #applyUnsynced}, for the Raft state machine (whose log is the
 * durable record), skips the fsync. The directory is 0700 and its files 0600. Thread-safe.
 *
 * <p>The logical keyspace is RocksDB's default column family (UTF-8 keys, values as given).
 * A {@code meta} column family, outside it, records the on-disk format version and the last
 * applied Raft term/index, which {@link #apply} and {@link #applyUnsynced} write in the same
 * atomic batch as the entry's mutations: the Raft state machine uses this store as its snapshot.
 *
 * <p>Only one {@code RocksDbBackend} (in any process) may have a directory open at a time;
 * a second open fails. After {@link #close()} every method but {@code close} and
 * {@link #directory()} throws {@link FileStorageException}.
 */
public final class RocksDbBackend implements PhysicalBackend {
    private final Path dir;
    private final StoreOptions options;
    private final RocksDB db;
    private final ColumnFamilyHandle data;
    private final ColumnFamilyHandle meta;
    /** Readers: every operation; writer: close, which waits for operations in flight. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    /** Serialises {@link #apply} so the applied index only moves forward. */
    private final ReentrantLock applyLock = new ReentrantLock();
    private volatile AppliedIndex applied;
    /** Whether an {@link #applyUnsynced} happened since open: then {@link #close} syncs the log. */
    private volatile boolean unsynced;
    private boolean closed;

    /**
     * Opens the store under {@code dir}, creating the directory (mode 0700) and an empty store
     * when missing, and recovering from the write-ahead log after a crash.
     *
     * @throws FileStorageException when the directory cannot be created, is locked by another
     *                              open store, holds a foreign or newer-format database, or
     *                              is corrupt
     */
    public RocksDbBackend(Path dir) {
        RocksDB.loadLibrary();
        this.dir = dir.toAbsolutePath().normalize();
        try {
            OwnerOnlyPermissions.prepareDirectory(this.dir);
        } catch (IOException e) {
            throw new FileStorageException("cannot create the file storage directory " + this.dir + ": " + e, e);
        }
        boolean existed = Files.exists(this.dir.resolve("CURRENT"), LinkOption.NOFOLLOW_LINKS);
        StoreOptions opts = new StoreOptions(this.dir);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        RocksDB opened;
        try {
            opened = RocksDB.open(opts.db(), this.dir.toString(), opts.columnFamilies(), handles);
        } catch (RocksDBException e) {
            opts.close();
            throw failure("open", e);
        }
        this.options = opts;
        this.db = opened;
        this.data = handles.get(0);
        this.meta = handles.get(1);
        try {
            checkFormat(existed);
            this.applied = MetaCodec.decodeAppliedIndex(db.get(meta, MetaCodec.APPLIED_INDEX_KEY));
            OwnerOnlyPermissions.tighten(this.dir);
        } catch (RocksDBException | IOException | RuntimeException e) {
            FileStorageException failure = e instanceof FileStorageException fse ? fse
                    : new FileStorageException("cannot open the file storage at " + this.dir + ": " + e, e);
            try {
                releaseNative();
            } catch (RuntimeException suppressed) {
                failure.addSuppressed(suppressed);
            }
            throw failure;
        }
    }

    private void checkFormat(boolean existed) throws RocksDBException {
        byte[] stored = db.get(meta, MetaCodec.FORMAT_VERSION_KEY);
        if (stored == null) {
            if (existed && !isDataEmpty()) {
                throw new FileStorageException(dir + " holds a RocksDB database that is not a Coffer file storage");
            }
            db.put(meta, options.syncWrites(), MetaCodec.FORMAT_VERSION_KEY, MetaCodec.encodeFormatVersion());
            return;
        }
        int version = MetaCodec.decodeFormatVersion(stored);
        if (version != MetaCodec.FORMAT_VERSION) {
            throw new FileStorageException("the file storage at " + dir + " has on-disk format version "
                    + (version < 0 ? "(unreadable)" : version) + "; this build reads version "
                    + MetaCodec.FORMAT_VERSION);
        }
    }

    private boolean isDataEmpty() {
        try (RocksIterator it = db.newIterator(data)) {
            it.seekToFirst();
            return !it.isValid();
        }
    }

    /** The store's directory, absolute. */
    public Path directory() {
        return dir;
    }

    @Override
    public String type() {
        return "file";
    }

    @Override
    public StorageEntry get(String key) {
        byte[] k = KeyCodec.encode(Objects.requireNonNull(key, "key"));
        byte[] value = guarded("get", () -> db.get(data, k));
        return value == null ? null : new StorageEntry(key, value);
    }

    /** Writes {@code entry}; it is durable (fsynced) when this method returns. */
    @Override
    public void put(StorageEntry entry) {
        byte[] k = KeyCodec.encode(Objects.requireNonNull(entry, "entry").key());
        byte[] value = entry.value();
        guarded("put", () -> {
            db.put(data, options.syncWrites(), k, value);
            return null;
        });
    }

    /** Writes the whole batch as one synced RocksDB {@code WriteBatch}: all of it lands, or none. */
    @Override
    public void applyBatch(List<StorageChange> changes) {
        List<byte[]> keys = new ArrayList<>(changes.size());
        for (StorageChange c : changes) {
            keys.add(KeyCodec.encode(c.key()));
        }
        guarded("applyBatch", () -> {
            try (WriteBatch batch = new WriteBatch()) {
                for (int i = 0; i < keys.size(); i++) {
                    byte[] value = changes.get(i).value();
                    if (value == null) {
                        batch.delete(data, keys.get(i));
                    } else {
                        batch.put(data, keys.get(i), value);
                    }
                }
                db.write(options.syncWrites(), batch);
            }
            return null;
        });
    }

    /** Removes {@code key}; the removal is durable (fsynced) when this method returns. */
    @Override
    public void delete(String key) {
        byte[] k = KeyCodec.encode(Objects.requireNonNull(key, "key"));
        guarded("delete", () -> {
            db.delete(data, options.syncWrites(), k);
            return null;
        });
    }

    /**
     * The immediate children of {@code prefix}, sorted (as Java strings, like
     * {@code StorageKeys.children}), folders once with a trailing {@code /}. Seeks past each
     * folder instead of reading its contents, so the cost grows with the number of children,
     * not of descendants.
     */
    @Override
    public List<String> list(String prefix) {
        byte[] p = KeyCodec.encode(Objects.requireNonNull(prefix, "prefix"));
        byte[] bound = KeyCodec.upperBound(p);
        return guarded("list", () -> {
            try (ReadOptions read = new ReadOptions(); Slice upper = bound == null ? null : new Slice(bound)) {
                if (upper != null) {
                    read.setIterateUpperBound(upper);
                }
                try (RocksIterator it = db.newIterator(data, read)) {
                    return children(it, p);
                }
            }
        });
    }

    private static List<String> children(RocksIterator it, byte[] prefix) throws RocksDBException {
        List<String> out = new ArrayList<>();
        it.seek(prefix);
        while (it.isValid()) {
            byte[] key = it.key();
            if (!KeyCodec.startsWith(key, prefix)) {
                break;
            }
            int slash = KeyCodec.slashFrom(key, prefix.length);
            if (slash < 0) {
                if (key.length > prefix.length) {
                    out.add(KeyCodec.decode(key, prefix.length, key.length));
                }
                it.next();
            } else {
                out.add(KeyCodec.decode(key, prefix.length, slash + 1));
                it.seek(KeyCodec.pastFolder(key, slash));
            }
        }
        it.status();
        // RocksDB orders by UTF-8 bytes; Java strings order by UTF-16 units. They differ only
        // around supplementary characters, but the contract is Java's order.
        out.sort(null);
        return out;
    }

    /**
     * Applies {@code mutations} in order and records {@code index} as the last applied Raft
     * entry, all in one synced atomic batch: after a crash either all of it is in the store or
     * none of it. An empty list only records the index.
     *
     * @throws IllegalArgumentException when {@code index} does not come after
     *                                  {@link #appliedIndex()} (a later index, no earlier term)
     *                                  or a key is not valid Unicode; nothing is written
     */
    public void apply(List<Mutation> mutations, AppliedIndex index) {
        apply(mutations, index, true);
    }

    /**
     * Applies {@code mutations} and records {@code index} exactly as {@link #apply} does — one
     * atomic batch, visible to reads at once — but without waiting for an fsync: the batch is in
     * the write-ahead log, handed to the operating system, when this method returns. So:
     *
     * <ul>
     *   <li>a crash of the process (kill -9) loses nothing;</li>
     *   <li>a power loss or kernel crash may lose the most recent unsynced batches: the store
     *       then reopens at an earlier applied index with exactly the data of that index (a
     *       prefix of the batches, each all-or-nothing, data and index always agreeing);</li>
     *   <li>everything becomes durable with the next synced write, {@link #checkpoint} (which
     *       flushes the memtables into synced table files), or {@link #close}.</li>
     * </ul>
     *
     * <p>For the Raft state machine, whose log is the durable record: each entry is in a
     * majority's synced Raft log before it is applied, and after a restart the log is replayed
     * from the store's applied index, so entries lost here are applied again.
     *
     * @throws IllegalArgumentException as for {@link #apply}; nothing is written
     */
    public void applyUnsynced(List<Mutation> mutations, AppliedIndex index) {
        apply(mutations, index, false);
    }

    private void apply(List<Mutation> mutations, AppliedIndex index, boolean sync) {
        Objects.requireNonNull(index, "index");
        List<byte[]> keys = new ArrayList<>(mutations.size());
        for (Mutation m : mutations) {
            keys.add(KeyCodec.encode(m.key()));
        }
        guarded("apply", () -> {
            applyLock.lock();
            try {
                AppliedIndex current = applied;
                if (!current.precedes(index)) {
                    throw new IllegalArgumentException("applied index must advance: store is at term "
                            + current.term() + " index " + current.index() + ", batch is at term "
                            + index.term() + " index " + index.index());
                }
                try (WriteBatch batch = new WriteBatch()) {
                    for (int i = 0; i < keys.size(); i++) {
                        byte[] value = mutations.get(i).value();
                        if (value == null) {
                            batch.delete(data, keys.get(i));
                        } else {
                            batch.put(data, keys.get(i), value);
                        }
                    }
                    batch.put(meta, MetaCodec.APPLIED_INDEX_KEY, MetaCodec.encodeAppliedIndex(index));
                    if (!sync) {
                        unsynced = true;
                    }
                    db.write(sync ? options.syncWrites() : options.unsyncedWrites(), batch);
                }
                applied = index;
                return null;
            } finally {
                applyLock.unlock();
            }
        });
    }

    /**
     * Starts flushing the memtables (both column families together) into table and blob files
     * and returns without waiting. A {@link #checkpoint} soon after then has little left to
     * flush: the Raft state machine calls this ahead of each snapshot, whose checkpoint runs on
     * Ratis's apply thread and holds up every write while it flushes.
     */
    public void flushInBackground() {
        guarded("flush", () -> {
            try (FlushOptions flush = new FlushOptions().setWaitForFlush(false).setAllowWriteStall(true)) {
                db.flush(flush, List.of(data, meta));
            }
            return null;
        });
    }

    /**
     * The last Raft term/index recorded by {@link #apply} or {@link #applyUnsynced}, or
     * {@link AppliedIndex#NONE}.
     */
    public AppliedIndex appliedIndex() {
        return guarded("appliedIndex", () -> applied);
    }

    /**
     * Writes a consistent point-in-time copy of the whole store (data, meta and applied index
     * together) to {@code target}, which must not exist yet; missing parents are created 0700.
     * The copy is built in a private (0700) staging directory next to {@code target} and
     * renamed into place once complete and owner-only, so {@code target} never holds a partial
     * or readable-by-others copy. Table files are hard-linked when on the same file system, so
     * a checkpoint is cheap. The copy opens with {@code new RocksDbBackend(target)}.
     *
     * @return {@code target}, absolute
     * @throws FileStorageException when {@code target} exists or the copy fails
     */
    public Path checkpoint(Path target) {
        Path t = target.toAbsolutePath().normalize();
        return guarded("checkpoint", () -> {
            if (Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileStorageException("checkpoint target already exists: " + t);
            }
            Path staging = null;
            try {
                OwnerOnlyPermissions.createMissing(t.getParent());
                staging = OwnerOnlyPermissions.createStagingDirectory(t);
                Path copy = staging.resolve("checkpoint");
                try (Checkpoint checkpoint = Checkpoint.create(db)) {
                    checkpoint.createCheckpoint(copy.toString());
                }
                OwnerOnlyPermissions.tighten(copy);
                Files.move(copy, t, StandardCopyOption.ATOMIC_MOVE);
                OwnerOnlyPermissions.tighten(dir);
            } catch (IOException e) {
                throw new FileStorageException("checkpoint of " + dir + " to " + t + " failed: " + e, e);
            } finally {
                OwnerOnlyPermissions.deleteQuietly(staging);
            }
            return t;
        });
    }

    /**
     * Reads every table file of the store and verifies its checksums.
     *
     * @throws FileStorageException on a checksum mismatch or unreadable file
     */
    public void verifyChecksums() {
        guarded("verifyChecksums", () -> {
            db.verifyChecksum();
            return null;
        });
    }

    /**
     * Waits for operations in flight, closes the database and releases its native memory.
     * Idempotent. Everything written by {@code put}, {@code delete}, {@code applyBatch} and
     * {@link #apply} is already durable; when {@link #applyUnsynced} was used, the write-ahead
     * log is fsynced first, so after a clean close nothing applied can be lost.
     */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            releaseNative();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void releaseNative() {
        RocksDBException failure = null;
        if (unsynced) {
            try {
                db.syncWal();
            } catch (RocksDBException e) {
                failure = e;
            }
        }
        data.close();
        meta.close();
        try {
            db.closeE();
        } catch (RocksDBException e) {
            if (failure == null) {
                failure = e;
            }
        } finally {
            options.close();
        }
        try {
            OwnerOnlyPermissions.tighten(dir);
        } catch (IOException e) {
            if (failure == null) {
                throw new FileStorageException("cannot set owner-only permissions under " + dir + ": " + e, e);
            }
        }
        if (failure != null) {
            throw failure("close", failure);
        }
    }

    private <T> T guarded(String operation, RocksCall<T> call) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new FileStorageException("the file storage at " + dir + " is closed");
            }
            return call.run();
        } catch (RocksDBException e) {
            throw failure(operation, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** RocksDB's status messages name files and error kinds, never stored values. */
    private FileStorageException failure(String operation, RocksDBException e) {
        return new FileStorageException(operation + " failed in the file storage at " + dir + ": " + e.getMessage(), e);
    }

    /** A RocksDB call made while the store is open. */
    @FunctionalInterface
    private interface RocksCall<T> {
        T run() throws RocksDBException;
    }
}

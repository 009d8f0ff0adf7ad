package io.coffer.raft.statemachine;

import io.coffer.raft.log.MutationBatchCodec;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.storage.file.AppliedIndex;
import io.coffer.storage.file.Mutation;
import io.coffer.storage.file.RocksDbBackend;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.util.LifeCycle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Ratis state machine of a Coffer node: it applies each committed log entry — one batch of
 * barrier-encrypted puts and deletes ({@link MutationBatchCodec}) — to the node's RocksDB store
 * with {@link RocksDbBackend#apply}, which writes the batch and the entry's term/index in one
 * synced atomic write. Guarantees:
 *
 * <ul>
 *   <li><b>Order.</b> Entries are applied synchronously on Ratis's single apply thread, in log
 *       order; nothing runs on a shared pool. A write's reply is sent (by Ratis) only after its
 *       entry is in this node's store.</li>
 *   <li><b>Restart.</b> The store's applied term/index is reported as the last applied entry;
 *       when the store is ahead of the newest snapshot a checkpoint is taken at start-up, so
 *       Ratis replays only the entries after it. An entry at or below the store's index is
 *       recognised as already applied and not written again.</li>
 *   <li><b>Snapshots.</b> The store is the state: {@link #takeSnapshot} writes a RocksDB
 *       checkpoint named {@code snapshot.<term>_<index>} into the state machine directory, so
 *       Ratis may purge the log up to that index. A follower the leader's log no longer reaches
 *       receives the checkpoint's files (Ratis InstallSnapshot) and replaces its store with
 *       them ({@link StoreInstaller}); a store found behind the newest snapshot at start-up is
 *       replaced the same way.</li>
 *   <li><b>Fail-stop.</b> An entry that cannot be decoded or written is never skipped: the state
 *       machine calls {@link FailStop} once, refuses every later entry, and throws, which makes
 *       Ratis close this server.</li>
 * </ul>
 *
 * <p>The leader decodes (and so validates) each batch when the write is submitted, before it
 * enters the log; a malformed request is refused there and never reaches a follower.
 */
public final class CofferStateMachine extends BaseStateMachine {
    private static final System.Logger LOG = System.getLogger(CofferStateMachine.class.getName());

    private final Path storeDirectory;
    private final FailStop failStop;
    private final CheckpointSnapshots snapshots = new CheckpointSnapshots();
    private final StoreHolder store = new StoreHolder();
    /** Serialises applying, snapshotting, pausing and reinitialising. */
    private final Object stateLock = new Object();
    private volatile boolean failed;

    /**
     * @param storeDirectory the RocksDB store of this node (created when missing); it must lie
     *                       outside the Ratis storage directory, whose {@code sm} directory
     *                       Ratis replaces when it installs a snapshot
     * @param failStop       what to do when an entry cannot be applied
     */
    public CofferStateMachine(Path storeDirectory, FailStop failStop) {
        this.storeDirectory = storeDirectory.toAbsolutePath().normalize();
        this.failStop = Objects.requireNonNull(failStop, "failStop");
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        super.initialize(server, groupId, raftStorage);
        getLifeCycle().startAndTransition(() -> {
            snapshots.init(raftStorage);
            openStore();
        }, IOException.class);
    }

    /** Opens the store, brings it up to the newest snapshot, and snapshots it when it is ahead. */
    private void openStore() throws IOException {
        synchronized (stateLock) {
            StoreInstaller.recover(storeDirectory);
            store.replace(() -> new RocksDbBackend(storeDirectory));
            installNewerSnapshot();
            AppliedIndex applied = store.current().appliedIndex();
            long snapshotIndex = snapshots.latest().map(s -> s.index().index()).orElse(RaftLog.INVALID_LOG_INDEX);
            if (applied.index() > snapshotIndex) {
                // Ratis restarts applying after its newest snapshot: make that the store's index
                snapshots.create(store.current(), applied);
            }
            setLastAppliedTermIndex(termIndex(applied));
        }
    }

    /** Replaces the store with the newest snapshot when the snapshot is ahead of it. */
    private void installNewerSnapshot() throws IOException {
        Optional<CheckpointSnapshots.Snapshot> latest = snapshots.latest();
        if (latest.isEmpty() || latest.get().index().index() <= store.current().appliedIndex().index()) {
            return;
        }
        CheckpointSnapshots.Snapshot snapshot = latest.get();
        LOG.log(System.Logger.Level.INFO, () -> getId() + ": replacing the store with the snapshot at term "
                + snapshot.index().term() + " index " + snapshot.index().index());
        store.replace(() -> {
            StoreInstaller.install(snapshot.directory(), storeDirectory);
            return new RocksDbBackend(storeDirectory);
        });
        AppliedIndex installed = store.current().appliedIndex();
        if (!installed.equals(snapshot.index())) {
            throw new IOException("the snapshot " + snapshot.directory().getFileName()
                    + " holds a store at term " + installed.term() + " index " + installed.index());
        }
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return snapshots;
    }

    /**
     * Decodes the batch on the leader before it enters the log: a malformed payload is refused
     * here (the client gets an error) instead of failing every node when applied.
     */
    @Override
    public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
        TransactionContext.Builder trx = TransactionContext.newBuilder()
                .setStateMachine(this)
                .setClientRequest(request);
        try {
            List<Mutation> batch = MutationBatchCodec.decode(request.getMessage().getContent().asReadOnlyByteBuffer());
            return trx.setStateMachineContext(batch).build();
        } catch (RuntimeException e) {
            return trx.build().setException(e);
        }
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        long term = entry.getTerm();
        long index = entry.getIndex();
        if (failed) {
            throw new IllegalStateException(getId() + ": the state machine has failed; refusing the entry at index " + index);
        }
        try {
            List<Mutation> batch = batchOf(trx, entry);
            synchronized (stateLock) {
                RocksDbBackend db = store.current();
                if (index > db.appliedIndex().index()) {
                    db.apply(batch, new AppliedIndex(term, index));
                }
                advanceLastApplied(term, index);
            }
            return CompletableFuture.completedFuture(Message.EMPTY);
        } catch (RuntimeException e) {
            failed = true;
            String reason = "node " + getId() + " cannot apply the Raft log entry at term " + term + " index " + index;
            failStop.stop(reason, e);
            throw new IllegalStateException(reason, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Mutation> batchOf(TransactionContext trx, LogEntryProto entry) {
        Object decoded = trx.getStateMachineContext();
        if (decoded instanceof List<?> list) {
            return (List<Mutation>) list;
        }
        return MutationBatchCodec.decode(entry.getStateMachineLogEntry().getLogData().asReadOnlyByteBuffer());
    }

    /**
     * Answers the read-only requests of {@code RaftNode.awaitReadIndex}: they carry no query, the
     * point is that Ratis calls this only once the read index is applied here.
     */
    @Override
    public CompletableFuture<Message> query(Message request) {
        return CompletableFuture.completedFuture(Message.EMPTY);
    }

    /** Configuration and leader entries carry no mutations: they only move the applied index. */
    @Override
    public void notifyTermIndexUpdated(long term, long index) {
        synchronized (stateLock) {
            advanceLastApplied(term, index);
        }
    }

    private void advanceLastApplied(long term, long index) {
        TermIndex next = TermIndex.valueOf(term, index);
        TermIndex current = getLastAppliedTermIndex();
        if (current == null || next.compareTo(current) > 0) {
            updateLastAppliedTermIndex(next);
        }
    }

    /**
     * Checkpoints the store at its applied index (unless the newest snapshot already covers it)
     * and returns that index; Ratis may then purge its log up to it.
     */
    @Override
    public long takeSnapshot() throws IOException {
        synchronized (stateLock) {
            if (failed || getLifeCycleState() != LifeCycle.State.RUNNING) {
                return RaftLog.INVALID_LOG_INDEX;
            }
            RocksDbBackend db = store.current();
            AppliedIndex applied = db.appliedIndex();
            Optional<CheckpointSnapshots.Snapshot> latest = snapshots.latest();
            if (latest.isPresent() && latest.get().index().index() >= applied.index()) {
                return latest.get().index().index();
            }
            if (applied.index() < 0) {
                return RaftLog.INVALID_LOG_INDEX;
            }
            snapshots.create(db, applied);
            return applied.index();
        }
    }

    /** Called by Ratis right before it moves an installed snapshot into place. */
    @Override
    public void pause() {
        synchronized (stateLock) {
            LifeCycle lifeCycle = getLifeCycle();
            if (lifeCycle.getCurrentState() == LifeCycle.State.RUNNING) {
                lifeCycle.transition(LifeCycle.State.PAUSING);
                lifeCycle.transition(LifeCycle.State.PAUSED);
            }
        }
    }

    /** Called by Ratis after it installed a snapshot from the leader: loads it into the store. */
    @Override
    public void reinitialize() throws IOException {
        synchronized (stateLock) {
            LifeCycle lifeCycle = getLifeCycle();
            if (lifeCycle.getCurrentState() == LifeCycle.State.PAUSED) {
                lifeCycle.transition(LifeCycle.State.STARTING);
            }
            try {
                snapshots.reload();
                installNewerSnapshot();
                AppliedIndex applied = store.current().appliedIndex();
                setLastAppliedTermIndex(termIndex(applied));
            } catch (IOException | RuntimeException e) {
                failed = true;
                failStop.stop("node " + getId() + " cannot load the snapshot installed from the leader", e);
                throw e;
            }
            if (lifeCycle.getCurrentState() == LifeCycle.State.STARTING) {
                lifeCycle.transition(LifeCycle.State.RUNNING);
            }
        }
    }

    /** The entry at {@code key} in this node's store, or {@code null}. */
    public StorageEntry get(String key) {
        return store.read(db -> db.get(key));
    }

    /** The immediate children of {@code prefix} in this node's store (see {@code Storage.list}). */
    public List<String> list(String prefix) {
        return store.read(db -> db.list(prefix));
    }

    /** The term/index of the last entry written to this node's store. */
    public AppliedIndex appliedIndex() {
        return store.read(RocksDbBackend::appliedIndex);
    }

    /** Whether an entry failed to apply (the node is fail-stopped). */
    public boolean hasFailed() {
        return failed;
    }

    /** Closes the store. Called by Ratis when the server stops; idempotent. */
    @Override
    public void close() {
        synchronized (stateLock) {
            store.close();
        }
    }

    /** The store, for tests in this package (they close it to simulate a storage failure). */
    RocksDbBackend storeForTesting() {
        return store.current();
    }

    private static TermIndex termIndex(AppliedIndex applied) {
        return TermIndex.valueOf(applied.term(), applied.index());
    }
}

package io.coffer.raft.statemachine;

import io.coffer.raft.log.LogEntry;
import io.coffer.raft.log.MutationBatchCodec;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.storage.file.AppliedIndex;
import io.coffer.storage.file.Mutation;
import io.coffer.storage.file.RocksDbBackend;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Ratis state machine of a Coffer node: it applies each committed log entry — one batch of
 * barrier-encrypted puts and deletes ({@link MutationBatchCodec}) — to the node's RocksDB store
 * with {@link RocksDbBackend#applyUnsynced}, which writes the batch and the entry's term/index in
 * one atomic write, without an fsync of its own. Guarantees:
 *
 * <ul>
 *   <li><b>Order.</b> Entries are applied synchronously on Ratis's single apply thread, in log
 *       order; nothing runs on a shared pool. A write's reply is sent (by Ratis) only after its
 *       entry is in this node's store.</li>
 *   <li><b>Durability.</b> The Raft log is the durable record: Ratis applies an entry only once
 *       it is committed and in this node's own synced log (a node's commit index never passes
 *       its flushed index), and purges the log only up to a snapshot, which is a synced
 *       checkpoint. So the store is not fsynced on every apply: a power loss may take its most
 *       recent applies (RocksDB recovers a prefix of them, data and applied index agreeing), and
 *       the restart below applies them again from the log. A process crash loses nothing, and
 *       closing the store syncs it.</li>
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
 *   <li><b>Replace store.</b> A replace-store entry (a snapshot restore) deletes every key of the
 *       store and writes the snapshot's entries, with the entry's term/index, in one atomic
 *       write; the {@link StateMachineListener} hears of it afterwards, as it does after
 *       a snapshot installed from the leader replaced the store.</li>
 *   <li><b>Events.</b> Leader changes, this node becoming a ready leader and it ceasing to lead are
 *       passed to the {@link StateMachineListener}, which must not block Ratis's threads.</li>
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
    private final StateMachineListener listener;
    private final CheckpointSnapshots snapshots = new CheckpointSnapshots();
    private final StoreHolder store = new StoreHolder();
    private final SnapshotPreflush preflush;
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
        this(storeDirectory, failStop, StateMachineListener.NONE, 0);
    }

    /**
     * @param storeDirectory as above
     * @param failStop       as above
     * @param listener       told of leadership changes and store replacements
     * @param snapshotThreshold Ratis's automatic snapshot threshold in entries: the store is
     *                       flushed in the background shortly before each snapshot (see
     *                       {@link SnapshotPreflush}); 0 never does
     */
    public CofferStateMachine(Path storeDirectory, FailStop failStop, StateMachineListener listener,
                              long snapshotThreshold) {
        this.storeDirectory = storeDirectory.toAbsolutePath().normalize();
        this.failStop = Objects.requireNonNull(failStop, "failStop");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.preflush = new SnapshotPreflush(snapshotThreshold);
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
     * Decodes the entry on the leader before it enters the log: a malformed payload is refused
     * here (the client gets an error) instead of failing every node when applied.
     */
    @Override
    public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
        TransactionContext.Builder trx = TransactionContext.newBuilder()
                .setStateMachine(this)
                .setClientRequest(request);
        try {
            LogEntry decoded = MutationBatchCodec.decodeEntry(request.getMessage().getContent().asReadOnlyByteBuffer());
            return trx.setStateMachineContext(decoded).build();
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
            LogEntry decoded = entryOf(trx, entry);
            boolean replaced = false;
            synchronized (stateLock) {
                RocksDbBackend db = store.current();
                if (index > db.appliedIndex().index()) {
                    replaced = decoded instanceof LogEntry.ReplaceStore;
                    db.applyUnsynced(mutationsOf(decoded, db), new AppliedIndex(term, index));
                }
                advanceLastApplied(term, index);
                long snapshotIndex = snapshots.latest().map(s -> s.index().index())
                        .orElse(RaftLog.INVALID_LOG_INDEX);
                if (preflush.due(index, snapshotIndex)) {
                    db.flushInBackground();
                }
            }
            if (replaced) {
                LOG.log(System.Logger.Level.INFO, () -> getId() + ": the store was replaced by a restored snapshot at term "
                        + term + " index " + index);
                notifyListener(() -> listener.storeReplaced(index));
            }
            return CompletableFuture.completedFuture(Message.EMPTY);
        } catch (RuntimeException e) {
            failed = true;
            String reason = "node " + getId() + " cannot apply the Raft log entry at term " + term + " index " + index;
            failStop.stop(reason, e);
            throw new IllegalStateException(reason, e);
        }
    }

    private static LogEntry entryOf(TransactionContext trx, LogEntryProto entry) {
        if (trx.getStateMachineContext() instanceof LogEntry decoded) {
            return decoded;
        }
        return MutationBatchCodec.decodeEntry(entry.getStateMachineLogEntry().getLogData().asReadOnlyByteBuffer());
    }

    /**
     * The mutations that apply {@code entry} to {@code db}: a batch as it is; a replacement as a
     * delete of every key {@code db} holds followed by a put of every snapshot entry, so that the
     * one atomic write leaves exactly the snapshot.
     */
    private static List<Mutation> mutationsOf(LogEntry entry, RocksDbBackend db) {
        if (entry instanceof LogEntry.Batch batch) {
            return batch.mutations();
        }
        List<StorageEntry> entries = ((LogEntry.ReplaceStore) entry).entries();
        List<String> existing = StoreKeys.all(db);
        List<Mutation> out = new ArrayList<>(existing.size() + entries.size());
        existing.forEach(k -> out.add(Mutation.delete(k)));
        entries.forEach(e -> out.add(Mutation.put(e.key(), e.value())));
        return out;
    }

    /** Tells Ratis nothing of a listener failure: logs it. */
    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, getId() + ": a state machine listener failed", e);
        }
    }

    @Override
    public void notifyLeaderChanged(RaftGroupMemberId groupMemberId, RaftPeerId newLeaderId) {
        notifyListener(listener::leadershipChanged);
    }

    @Override
    public void notifyLeaderReady() {
        notifyListener(listener::leadershipChanged);
    }

    @Override
    public void notifyNotLeader(Collection<TransactionContext> pendingEntries) {
        notifyListener(listener::leadershipChanged);
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
                notifyListener(() -> listener.storeReplaced(applied.index()));
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

    /**
     * Writes a consistent point-in-time copy of this node's store (data and applied index
     * together, a RocksDB checkpoint) to {@code target}, which must not exist; it opens with
     * {@code new RocksDbBackend(target)}. Applying goes on meanwhile.
     *
     * @return {@code target}, absolute
     */
    public Path checkpointTo(Path target) {
        return store.read(db -> db.checkpoint(target));
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

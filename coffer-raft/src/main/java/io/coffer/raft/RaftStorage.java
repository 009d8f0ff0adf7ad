package io.coffer.raft;

import io.coffer.core.ha.ClusterConfiguration;
import io.coffer.core.ha.ClusterMembership;
import io.coffer.core.ha.HaBackend;
import io.coffer.core.ha.Peer;
import io.coffer.core.ha.PeerProgress;
import io.coffer.core.ha.Snapshot;
import io.coffer.raft.log.MutationBatchCodec;
import io.coffer.raft.snapshot.SnapshotArchive;
import io.coffer.raft.snapshot.StateFile;
import io.coffer.raft.statemachine.StateMachineListener;
import io.coffer.sdk.logical.StorageChange;
import io.coffer.sdk.logical.StorageEntry;
import org.apache.ratis.protocol.RaftClientReply;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Integrated Raft storage ({@code storage "raft"}) as the core sees it: a {@link HaBackend} on
 * Apache Ratis. The object the server constructs for {@code storage "raft"}; it owns at most one
 * {@link RaftNode} at a time.
 *
 * <ul>
 *   <li><b>Membership.</b> A node belongs to a cluster once it bootstrapped one or joined one;
 *       that is recorded in {@code <path>/cluster.json} ({@link MembershipFile}: format version,
 *       group id, node id). Constructed on a directory that has it, the node restarts as a member
 *       at once, recovering its log, store and Raft configuration — including members added after
 *       it joined, from Ratis's stored configuration, also after the log was purged behind a
 *       snapshot. Without it, reads see an empty store and writes fail with
 *       {@link IllegalStateException}.</li>
 *   <li><b>Joining.</b> The leader's {@link #addPeer} returns at once; the joining node then
 *       {@link #join}s with the membership it got back, starting with an empty Raft group so it
 *       waits — never starting an election — until the leader has brought it up to date and
 *       committed it into the configuration ({@link MembershipChanges}). Pre-vote keeps any
 *       node that is behind from disturbing the leader.</li>
 *   <li><b>Writes</b> go through {@link RaftPhysicalBackend}: on the ready leader only, acknowledged
 *       once committed on a majority and applied here; followers refuse them with
 *       {@link NotLeaderException}.</li>
 *   <li><b>Events.</b> Leadership and store-replaced listeners run on one dedicated daemon thread of
 *       this object, never on Ratis's threads; what they throw is logged and goes no further.</li>
 *   <li><b>Snapshots</b> are saved from a consistent checkpoint of the store
 *       ({@link SnapshotExport}), read with full verification ({@link SnapshotArchive}), and
 *       restored through the log as one replace-store entry, applied atomically on every member.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} stops the node; the membership file stays.
 */
public final class RaftStorage implements HaBackend {
    private static final System.Logger LOG = System.getLogger(RaftStorage.class.getName());
    static final String NO_CLUSTER = "raft storage has no cluster yet: initialize this node or join it to a cluster";
    private static final Duration MIN_RESTORE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MIN_CHANGE_TIMEOUT = Duration.ofSeconds(10);

    private final RaftStorageConfig config;
    private final Path directory;
    private final Clock clock;
    private final ExecutorService events;
    private final List<Runnable> leadershipListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> storeReplacedListeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<CompletableFuture<Void>> lastStoreReplaced =
            new AtomicReference<>(CompletableFuture.completedFuture(null));
    private final Object lifecycle = new Object();
    private volatile Member member;
    private volatile boolean closed;

    /** The running node of a member and the changes it makes as leader. */
    private record Member(RaftNode node, UUID groupId, MembershipChanges changes) {
    }

    /**
     * Opens the storage: creates its directory (0700) and, when the directory records a
     * membership, restarts the node as a member of that cluster.
     *
     * @throws IllegalStateException when the membership file is invalid or names another node
     * @throws RaftException         when the member node cannot start (for example its port is taken)
     */
    public RaftStorage(RaftStorageConfig config) {
        this(config, Clock.systemUTC());
    }

    RaftStorage(RaftStorageConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = clock;
        this.directory = config.node().directory().toAbsolutePath().normalize();
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "coffer-raft-events-" + config.nodeId());
            t.setDaemon(true);
            return t;
        });
        try {
            RaftNode.createPrivateDirectories(directory);
            SnapshotExport.deleteLeftovers(directory);
            Optional<MembershipFile> recorded = MembershipFile.read(directory);
            if (recorded.isPresent()) {
                if (!recorded.get().nodeId().equals(config.nodeId())) {
                    throw new IllegalStateException("the Raft directory " + directory + " belongs to node "
                            + recorded.get().nodeId() + ", not to node " + config.nodeId());
                }
                synchronized (lifecycle) {
                    member = startMember(recorded.get().groupId(), List.of());
                }
                fireLeadershipChanged();
            }
        } catch (IOException e) {
            events.shutdownNow();
            throw new RaftException("cannot create the Raft directory " + directory + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            events.shutdownNow();
            throw e;
        }
    }

    private Member startMember(UUID groupId, List<RaftPeerAddress> initialGroup) {
        RaftNode node = RaftNode.start(config.node().withGroupId(groupId), initialGroup, new Events());
        Duration changeTimeout = config.node().writeTimeout().compareTo(MIN_CHANGE_TIMEOUT) > 0
                ? config.node().writeTimeout() : MIN_CHANGE_TIMEOUT;
        return new Member(node, groupId, new MembershipChanges(node, config.joinTimeout(), changeTimeout));
    }

    // ---- PhysicalBackend

    @Override
    public String type() {
        return "raft";
    }

    @Override
    public StorageEntry get(String key) {
        Member m = member;
        return m == null ? null : m.node().storage().get(key);
    }

    @Override
    public List<String> list(String prefix) {
        Member m = member;
        return m == null ? List.of() : m.node().storage().list(prefix);
    }

    @Override
    public void put(StorageEntry entry) {
        requireMember().node().storage().put(entry);
    }

    @Override
    public void delete(String key) {
        requireMember().node().storage().delete(key);
    }

    @Override
    public void applyBatch(List<StorageChange> changes) {
        requireMember().node().storage().applyBatch(changes);
    }

    // ---- membership

    @Override
    public String nodeId() {
        return config.nodeId();
    }

    @Override
    public String clusterAddress() {
        return config.clusterAddress();
    }

    @Override
    public boolean isMember() {
        return member != null;
    }

    /**
     * Forms a new one-member cluster (with a new random group id) and waits up to the bootstrap
     * timeout until this node leads it and is ready; only then is the membership file written.
     * A node that is already a member is left as it is.
     *
     * @throws IllegalStateException when the node cannot start (its port is taken, its TLS files
     *                               are unreadable) or does not lead in time; it stays no member
     */
    @Override
    public void bootstrap() {
        synchronized (lifecycle) {
            requireOpen();
            if (member != null) {
                return;
            }
            UUID groupId = UUID.randomUUID();
            RaftNode.clearLeftovers(directory);
            Member m;
            try {
                m = startMember(groupId, List.of(config.node().self()));
            } catch (RuntimeException e) {
                RaftNode.clearLeftovers(directory);
                throw new IllegalStateException("node " + nodeId() + " cannot start to bootstrap a Raft cluster: "
                        + e.getMessage(), e);
            }
            long deadline = System.nanoTime() + config.bootstrapTimeout().toNanos();
            while (!m.node().isLeader()) {
                if (System.nanoTime() >= deadline || !m.node().isRunning()) {
                    stop(m);
                    RaftNode.clearLeftovers(directory);
                    throw new IllegalStateException("node " + nodeId() + " could not form a one-member Raft cluster"
                            + " and lead it within " + config.bootstrapTimeout().toMillis() + " ms");
                }
                sleep(20);
            }
            try {
                new MembershipFile(groupId, nodeId()).write(directory);
            } catch (RuntimeException e) {
                stop(m);
                throw e;
            }
            member = m;
            LOG.log(System.Logger.Level.INFO, () -> "node " + nodeId() + " bootstrapped the Raft cluster " + groupId);
        }
        fireLeadershipChanged();
    }

    /**
     * Starts this node as a member of {@code membership}'s cluster: records the membership, then
     * starts the Raft node with an empty group, so it waits for the leader (which already added
     * it) instead of starting an election. Returns once the node runs.
     *
     * @throws IllegalStateException    when this node is already a member or cannot start
     * @throws IllegalArgumentException when the membership does not name this node at its address
     */
    @Override
    public void join(ClusterMembership membership) {
        Objects.requireNonNull(membership, "membership");
        synchronized (lifecycle) {
            requireOpen();
            if (member != null) {
                throw new IllegalStateException("node " + nodeId() + " is already a member of the Raft cluster "
                        + member.groupId());
            }
            UUID groupId;
            try {
                groupId = UUID.fromString(membership.groupId());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the cluster's group id is not a UUID");
            }
            Peer self = membership.peers().stream().filter(p -> p.id().equals(nodeId())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the membership to join does not include node " + nodeId()));
            if (!RaftPeerAddress.parse(self.id(), self.address()).address().equals(clusterAddress())) {
                throw new IllegalArgumentException("the membership names node " + nodeId() + " at " + self.address()
                        + ", but its Raft address is " + clusterAddress());
            }
            RaftNode.clearLeftovers(directory);
            new MembershipFile(groupId, nodeId()).write(directory);
            try {
                member = startMember(groupId, List.of());
            } catch (RuntimeException e) {
                MembershipFile.delete(directory);
                throw new IllegalStateException("node " + nodeId() + " cannot start to join the Raft cluster "
                        + groupId + ": " + e.getMessage(), e);
            }
            LOG.log(System.Logger.Level.INFO, () -> "node " + nodeId() + " joins the Raft cluster " + groupId);
        }
        fireLeadershipChanged();
    }

    @Override
    public Optional<String> clusterGroupId() {
        Member m = member;
        return m == null ? Optional.empty() : Optional.of(m.groupId().toString());
    }

    @Override
    public boolean isLeader() {
        Member m = member;
        return m != null && m.node().isRunning() && m.node().isLeader();
    }

    @Override
    public Optional<Peer> leader() {
        Member m = member;
        if (m == null) {
            return Optional.empty();
        }
        return m.node().leader().map(p -> new Peer(p.id(), p.address(), true));
    }

    @Override
    public void addLeadershipListener(Runnable listener) {
        leadershipListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void addStoreReplacedListener(Runnable listener) {
        storeReplacedListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Hands leadership to the other voter with the highest match index and waits until another
     * node leads, at most {@code timeout}.
     */
    @Override
    public boolean transferLeadership(Duration timeout) {
        Member m = member;
        if (m == null || !m.node().isLeader()) {
            return false;
        }
        RaftNode node = m.node();
        Optional<String> target = ClusterView.progress(node).stream()
                .filter(p -> !p.leader() && p.peer().voter())
                .max(Comparator.comparingLong(PeerProgress::matchIndex).thenComparing(p -> p.peer().id(), Comparator.reverseOrder()))
                .map(p -> p.peer().id());
        if (target.isEmpty()) {
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            RaftClientReply reply = node.transferLeadership(target.get(), timeout).get();
            if (!reply.isSuccess()) {
                LOG.log(System.Logger.Level.INFO, () -> "node " + nodeId() + " could not hand leadership to node "
                        + target.get() + ": " + reply.getException());
            }
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.INFO, () -> "node " + nodeId() + " could not hand leadership to node "
                    + target.get() + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        while (true) {
            Optional<String> leader = node.leaderId();
            if (leader.isPresent() && !leader.get().equals(nodeId())) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            sleep(20);
        }
    }

    @Override
    public ClusterConfiguration configuration() {
        Member m = member;
        return m == null ? new ClusterConfiguration(0, List.of()) : ClusterView.configuration(m.node());
    }

    /**
     * Adds {@code peer} on the leader and returns at once with the membership the new node starts
     * with (the current members, those still being added, and {@code peer}); the change commits
     * once the node runs and has caught up, or is abandoned after the join timeout.
     */
    @Override
    public ClusterMembership addPeer(Peer peer) {
        Objects.requireNonNull(peer, "peer");
        return requireMember().changes().add(peer);
    }

    @Override
    public void removePeer(String nodeId) {
        Objects.requireNonNull(nodeId, "nodeId");
        requireMember().changes().remove(nodeId);
    }

    @Override
    public List<PeerProgress> progress() {
        Member m = member;
        return m == null ? List.of() : ClusterView.progress(m.node());
    }

    @Override
    public long committedIndex() {
        Member m = member;
        return m == null ? 0 : Math.max(0, m.node().committedIndex());
    }

    @Override
    public long appliedIndex() {
        Member m = member;
        return m == null ? 0 : Math.max(0, m.node().appliedIndex());
    }

    @Override
    public long term() {
        Member m = member;
        return m == null ? 0 : m.node().currentTerm();
    }

    // ---- snapshots

    /** Streams a snapshot of this node's store; {@code out} stays open. */
    @Override
    public void saveSnapshot(OutputStream out) {
        Objects.requireNonNull(out, "out");
        SnapshotExport.write(requireMember().node(), directory, clock, out);
    }

    /**
     * Reads and verifies a snapshot; refuses one whose state exceeds {@code max_restore_size},
     * since it could not be restored.
     */
    @Override
    public Snapshot readSnapshot(InputStream in) {
        Objects.requireNonNull(in, "in");
        return SnapshotArchive.read(in, (long) config.node().maxRestoreSize() + StateFile.HEADER_SIZE);
    }

    /**
     * Replaces the store of every member with {@code snapshot} through one replace-store log
     * entry, and returns once it is committed, applied here, and this node's store-replaced
     * listeners have run.
     *
     * @throws EntryTooLargeException when the entry would exceed {@code max_restore_size}
     * @throws IllegalStateException  when this node is not the leader or the entry does not commit
     */
    @Override
    public void restore(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        Member m = requireMember();
        RaftNode node = m.node();
        long size = MutationBatchCodec.replaceStoreSize(snapshot.entries());
        if (size > config.node().maxRestoreSize()) {
            throw EntryTooLargeException.restore(size, config.node().maxRestoreSize());
        }
        if (!node.isLeader()) {
            throw new IllegalStateException("cannot restore a snapshot: "
                    + new NotLeaderException(node.id(), node.leader().orElse(null)).getMessage());
        }
        byte[] payload = MutationBatchCodec.encodeReplaceStore(snapshot.entries());
        Duration timeout = config.node().writeTimeout().compareTo(MIN_RESTORE_TIMEOUT) > 0
                ? config.node().writeTimeout() : MIN_RESTORE_TIMEOUT;
        long start = System.nanoTime();
        RaftClientReply reply;
        CompletableFuture<RaftClientReply> submitted = node.submit(payload);
        try {
            reply = submitted.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the restore did not commit within " + timeout.toMillis()
                    + " ms (outcome unknown)");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the restore failed: " + RatisFailures.translate(node, "restore", e.getCause()).getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the restore (outcome unknown)", e);
        }
        if (!reply.isSuccess()) {
            throw new IllegalStateException("the restore failed: "
                    + RatisFailures.translate(node, "restore", reply.getException()).getMessage());
        }
        long remaining = Math.max(1, timeout.toNanos() - (System.nanoTime() - start));
        try {
            lastStoreReplaced.get().get(remaining, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "node " + nodeId() + " restored a snapshot but its store-replaced"
                    + " listeners did not finish in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.log(System.Logger.Level.INFO, () -> "node " + nodeId() + " restored a snapshot of " + snapshot.entries().size()
                + " entries saved by node " + snapshot.nodeId() + " at index " + snapshot.appliedIndex()
                + "; it is log entry " + reply.getLogIndex());
    }

    // ---- lifecycle and internals

    /** The running node, for tests in this package; null before membership. */
    RaftNode nodeForTesting() {
        Member m = member;
        return m == null ? null : m.node();
    }

    private Member requireMember() {
        Member m = member;
        if (m == null) {
            requireOpen();
            throw new IllegalStateException(NO_CLUSTER);
        }
        return m;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the raft storage of node " + nodeId() + " is closed");
        }
    }

    private void fireLeadershipChanged() {
        dispatch(leadershipListeners, "leadership");
    }

    private CompletableFuture<Void> dispatch(List<Runnable> listeners, String kind) {
        try {
            return CompletableFuture.runAsync(() -> {
                for (Runnable listener : listeners) {
                    try {
                        listener.run();
                    } catch (RuntimeException | Error e) {
                        LOG.log(System.Logger.Level.WARNING, "a " + kind + " listener of node " + nodeId() + " failed", e);
                    }
                }
            }, events);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Ratis's events, handed over to this storage's own thread at once. */
    private final class Events implements StateMachineListener {
        @Override
        public void leadershipChanged() {
            fireLeadershipChanged();
        }

        @Override
        public void storeReplaced(long index) {
            lastStoreReplaced.set(dispatch(storeReplacedListeners, "store-replaced"));
        }
    }

    private static void stop(Member m) {
        m.changes().close();
        m.node().close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the node (it stays a member: the membership file remains) and the listener thread. Idempotent. */
    @Override
    public void close() {
        Member m;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            m = member;
        }
        if (m != null) {
            stop(m);
        }
        events.shutdown();
    }
}

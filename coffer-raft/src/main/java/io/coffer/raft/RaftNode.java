package io.coffer.raft;

import io.coffer.raft.statemachine.CofferStateMachine;
import io.coffer.raft.statemachine.StateMachineListener;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.protocol.SnapshotManagementRequest;
import org.apache.ratis.protocol.TransferLeadershipRequest;
import org.apache.ratis.server.RaftConfiguration;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One running member of a Coffer Raft cluster: an Apache Ratis server (gRPC on the node's Raft
 * address) whose state machine is a {@link CofferStateMachine} over the node's RocksDB store,
 * plus the {@link RaftPhysicalBackend} that the node's core uses as its storage.
 *
 * <p>Directory layout under {@link RaftNodeConfig#directory()} (created 0700): {@code raft/}
 * holds Ratis's log, metadata and snapshots, {@code store/} the RocksDB store. Restarting a node
 * on the same directory recovers its log, store and configuration; it catches up from the
 * leader (by log entries, or by a snapshot when the leader purged them).
 *
 * <p>With {@link RaftNodeConfig#tls()} set, every gRPC channel of the Raft port uses mutual TLS
 * ({@link RaftTls}). Started with an empty initial group, a node waits for a leader to add it
 * (joining) or for its stored configuration (restarting) instead of electing itself.
 *
 * <p>Thread-safe. {@link #close()} stops the server and closes the store; closing the node's
 * {@link #storage()} does the same.
 */
public final class RaftNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RaftNode.class.getName());

    private final RaftNodeConfig config;
    private final RaftServer server;
    private final RaftServer.Division division;
    private final CofferStateMachine stateMachine;
    private final RaftGroupId groupId;
    private final RaftPeerId selfId;
    private final ClientId clientId = ClientId.randomId();
    private final AtomicLong callIds = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final RaftPhysicalBackend storage;

    private RaftNode(RaftNodeConfig config, RaftServer server, CofferStateMachine stateMachine, RaftGroupId groupId)
            throws IOException {
        this.config = config;
        this.server = server;
        this.stateMachine = stateMachine;
        this.groupId = groupId;
        this.selfId = server.getId();
        this.division = server.getDivision(groupId);
        this.storage = new RaftPhysicalBackend(this, stateMachine, config.writeTimeout(), config.maxEntrySize());
    }

    /**
     * Starts the node: opens (or creates) its directory, recovers its log and store, and starts
     * the Ratis server, which then joins or triggers a leader election. Returns without waiting
     * for a leader.
     *
     * @throws RaftException when the directory, store or server cannot be opened or started (for
     *                       example when the Raft port is taken)
     */
    public static RaftNode start(RaftNodeConfig config) {
        return start(config, config.peers(), StateMachineListener.NONE);
    }

    /**
     * Starts the node as {@link #start(RaftNodeConfig)} does, with {@code initialGroup} as the
     * Raft configuration it assumes until its log or snapshot tells it better. An empty
     * {@code initialGroup} starts a node that waits, without ever starting an election, until a
     * leader adds it (a joining node) or its stored configuration names it (a restarted member).
     */
    static RaftNode start(RaftNodeConfig config, List<RaftPeerAddress> initialGroup, StateMachineListener listener) {
        RatisProcessGuard.apply();
        Path root = config.directory().toAbsolutePath().normalize();
        CofferStateMachine stateMachine = new CofferStateMachine(root.resolve("store"), config.failStop(), listener,
                config.snapshotThreshold());
        RaftServer server = null;
        try {
            createPrivateDirectories(root);
            Path raftDirectory = root.resolve("raft");
            createPrivateDirectories(raftDirectory);
            List<RaftPeer> peers = new ArrayList<>();
            for (RaftPeerAddress peer : initialGroup) {
                peers.add(toRaftPeer(peer));
            }
            RaftGroupId groupId = RaftGroupId.valueOf(config.groupId());
            RaftServer.Builder builder = RaftServer.newBuilder()
                    .setServerId(RaftPeerId.valueOf(config.nodeId()))
                    .setGroup(RaftGroup.valueOf(groupId, peers))
                    .setStateMachine(stateMachine)
                    .setProperties(RatisProperties.of(config, raftDirectory.toFile()))
                    .setOption(org.apache.ratis.server.storage.RaftStorage.StartupOption.RECOVER);
            if (config.tls().isPresent()) {
                builder.setParameters(RaftTls.parameters(config.tls().get()));
            }
            server = builder.build();
            server.start();
            return new RaftNode(config, server, stateMachine, groupId);
        } catch (IOException | RuntimeException e) {
            closeQuietly(server, stateMachine);
            throw new RaftException("cannot start Raft node " + config.nodeId() + " at "
                    + config.self().address() + " on " + root + ": " + rootCause(e), e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    /**
     * Deletes what an interrupted bootstrap or join left in a node directory that belongs to no
     * cluster (it has no membership file): the Raft log and the store, which would otherwise be
     * recovered as a second Raft group. Logs a warning when there was something to delete.
     */
    static void clearLeftovers(Path directory) {
        for (String name : new String[] {"raft", "store", "store.installing", "store.installed", "store.old"}) {
            Path p = directory.resolve(name);
            if (!Files.exists(p)) {
                continue;
            }
            LOG.log(System.Logger.Level.WARNING, () -> "deleting " + p + ", left by an interrupted bootstrap or join"
                    + " of a node that belongs to no cluster");
            try (java.util.stream.Stream<Path> walk = Files.walk(p)) {
                for (Path f : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(f);
                }
            } catch (IOException e) {
                throw new RaftException("cannot delete " + p + " left by an interrupted bootstrap or join: " + e.getMessage(), e);
            }
        }
    }

    /** This node's id. */
    public String id() {
        return config.nodeId();
    }

    /** The configuration this node was started with. */
    public RaftNodeConfig config() {
        return config;
    }

    /**
     * Whether this node is the leader and ready to serve as the active node: it has committed and
     * applied an entry of its own term, so every write acknowledged by an earlier leader is in
     * its store.
     */
    public boolean isLeader() {
        return division.getInfo().isLeader() && division.getInfo().isLeaderReady();
    }

    /** The id of the leader this node knows of, if any (this node's own id when it leads). */
    public Optional<String> leaderId() {
        return Optional.ofNullable(division.getInfo().getLeaderId()).map(RaftPeerId::toString);
    }

    /** The leader this node knows of, with its Raft address, if any. */
    public Optional<RaftPeerAddress> leader() {
        RaftPeerId leader = division.getInfo().getLeaderId();
        if (leader == null) {
            return Optional.empty();
        }
        return peers().stream().filter(p -> p.id().equals(leader.toString())).findFirst();
    }

    /** The voters of the current Raft configuration, sorted by id. */
    public List<RaftPeerAddress> peers() {
        List<RaftPeerAddress> out = new ArrayList<>();
        for (RaftPeer peer : division.getRaftConf().getCurrentPeers()) {
            toAddress(peer).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(RaftPeerAddress::id));
        return out;
    }

    /** The current Raft term as this node knows it. */
    public long currentTerm() {
        return division.getInfo().getCurrentTerm();
    }

    /**
     * The index of the first entry still in this node's Raft log; entries before it were purged
     * and exist only in snapshots, so a follower that lacks them receives a snapshot.
     */
    public long logStartIndex() {
        return division.getRaftLog().getStartIndex();
    }

    /** Whether the Raft server is running (not closed, not stopped by a failure). */
    public boolean isRunning() {
        return !closed.get() && division.getInfo().isAlive();
    }

    /** The node's state machine: applied index and failure status. */
    public CofferStateMachine stateMachine() {
        return stateMachine;
    }

    /** The physical backend over this node ({@code storage "raft"}). */
    public RaftPhysicalBackend storage() {
        return storage;
    }

    /**
     * Takes a snapshot now (a checkpoint of the store at its applied index) and lets Ratis purge
     * the log behind it, keeping {@link RaftNodeConfig#trailingLogs()} entries.
     *
     * @return the log index the newest snapshot covers
     * @throws RaftException when the snapshot fails or does not finish within {@code timeout}
     */
    public long takeSnapshot(Duration timeout) {
        SnapshotManagementRequest request = SnapshotManagementRequest.newCreate(clientId, selfId, groupId,
                callIds.incrementAndGet(), timeout.toMillis(), 1);
        RaftClientReply reply;
        try {
            reply = server.snapshotManagementAsync(request).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new RaftException("node " + id() + " could not take a snapshot: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RaftException("interrupted while node " + id() + " took a snapshot", e);
        }
        if (!reply.isSuccess()) {
            throw new RaftException("node " + id() + " could not take a snapshot: " + reply.getException());
        }
        return reply.getLogIndex();
    }

    /**
     * Waits until this node's store holds every write that was committed anywhere in the
     * cluster before the call (Raft ReadIndex): the leader confirms with a majority that it still
     * leads and returns its commit index, then this node waits until it has applied that index.
     * Afterwards local reads on this node are linearizable — on a follower too — so a deposed
     * leader that has not noticed yet cannot serve a stale read.
     *
     * @throws NotLeaderException when no leader can confirm the read index (no majority)
     * @throws RaftException      when it does not complete within {@code timeout}
     */
    public void awaitReadIndex(Duration timeout) {
        RaftClientRequest request = RaftClientRequest.newBuilder()
                .setClientId(clientId)
                .setServerId(selfId)
                .setGroupId(groupId)
                .setCallId(callIds.incrementAndGet())
                .setMessage(Message.EMPTY)
                .setType(RaftClientRequest.readRequestType())
                .build();
        RaftClientReply reply;
        try {
            reply = server.submitClientRequestAsync(request).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw RatisFailures.translate(this, "read barrier", e);
        } catch (ExecutionException e) {
            throw RatisFailures.translate(this, "read barrier", e.getCause());
        } catch (TimeoutException e) {
            throw new RaftException("node " + id() + " could not confirm the read index within "
                    + timeout.toMillis() + " ms; it may be cut off from the majority");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RaftException("interrupted while node " + id() + " waited for the read index", e);
        }
        if (!reply.isSuccess()) {
            throw RatisFailures.translate(this, "read barrier", reply.getException());
        }
    }

    /**
     * Submits one encoded mutation batch to this node's own Ratis server, in process. Only a
     * ready leader accepts it; the reply completes once the entry is committed on a majority and
     * applied to this node's store.
     */
    CompletableFuture<RaftClientReply> submit(byte[] payload) {
        RaftClientRequest request = RaftClientRequest.newBuilder()
                .setClientId(clientId)
                .setServerId(selfId)
                .setGroupId(groupId)
                .setCallId(callIds.incrementAndGet())
                .setMessage(Message.valueOf(UnsafeByteOperations.unsafeWrap(payload)))
                .setType(RaftClientRequest.writeRequestType())
                .build();
        try {
            return server.submitClientRequestAsync(request);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static RaftPeer toRaftPeer(RaftPeerAddress peer) {
        return RaftPeer.newBuilder().setId(peer.id()).setAddress(peer.address()).build();
    }

    /** The Raft group id this node belongs to. */
    RaftGroupId groupId() {
        return groupId;
    }

    /** This node's current Raft configuration (the new one while a change is in flight). */
    RaftConfiguration raftConfiguration() {
        return division.getRaftConf();
    }

    /** The voters ({@code FOLLOWER} role) and non-voters ({@code LISTENER}) of the current configuration. */
    List<RaftPeer> members(RaftPeerRole role) {
        return new ArrayList<>(division.getRaftConf().getCurrentPeers(role));
    }

    /** Ratis's view of this node's role; for a leader, its followers with the time since each last answered. */
    RoleInfoProto roleInfo() {
        return division.getInfo().getRoleInfoProto();
    }

    /** For a leader, the match index of each follower, in the order of {@link #roleInfo()}'s followers; else null. */
    long[] followerMatchIndices() {
        return division.getInfo().getFollowerMatchIndices();
    }

    /** The highest log index known committed here. */
    long committedIndex() {
        return division.getRaftLog().getLastCommittedIndex();
    }

    /** The highest log index applied here (mutation entries and Raft's own entries alike). */
    long appliedIndex() {
        return division.getInfo().getLastAppliedIndex();
    }

    /** The index of the last entry in this node's log. */
    long lastLogIndex() {
        return Optional.ofNullable(division.getRaftLog().getLastEntryTermIndex())
                .map(org.apache.ratis.server.protocol.TermIndex::getIndex).orElse(-1L);
    }

    /** Whether this node is the leader (ready or not). */
    boolean isLeaderRole() {
        return division.getInfo().isLeader();
    }

    /** Asks this (leader) node to change the configuration; the reply comes once the change committed or failed. */
    CompletableFuture<RaftClientReply> setConfiguration(SetConfigurationRequest.Arguments arguments, Duration timeout) {
        SetConfigurationRequest request = new SetConfigurationRequest(clientId, selfId, groupId, callIds.incrementAndGet(),
                arguments);
        try {
            return server.setConfigurationAsync(request).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Asks this (leader) node to hand leadership to {@code target}; completes when {@code target} leads or it failed. */
    CompletableFuture<RaftClientReply> transferLeadership(String target, Duration timeout) {
        TransferLeadershipRequest request = new TransferLeadershipRequest(clientId, selfId, groupId, callIds.incrementAndGet(),
                RaftPeerId.valueOf(target), timeout.toMillis());
        try {
            return server.transferLeadershipAsync(request).orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static Optional<RaftPeerAddress> toAddress(RaftPeer peer) {
        if (peer == null || peer.getAddress() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RaftPeerAddress.parse(peer.getId().toString(), peer.getAddress()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Stops the Ratis server (leaving the cluster until restarted) and closes the store. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        storage.closeWrites();
        for (Exception e : closeQuietly(server, stateMachine)) {
            LOG.log(System.Logger.Level.WARNING, "closing Raft node " + id() + " failed", e);
        }
    }

    /** Closes both, returning what failed. */
    private static List<Exception> closeQuietly(RaftServer server, CofferStateMachine stateMachine) {
        List<Exception> failures = new ArrayList<>();
        if (server != null) {
            try {
                server.close();
            } catch (IOException | RuntimeException e) {
                failures.add(e);
            }
        }
        try {
            stateMachine.close();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        return failures;
    }
}

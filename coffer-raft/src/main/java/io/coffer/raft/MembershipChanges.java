package io.coffer.raft;

import io.coffer.core.ha.ClusterMembership;
import io.coffer.core.ha.Peer;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.SetConfigurationRequest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Changes the membership of a cluster from its leader, through Ratis's {@code setConfiguration}.
 *
 * <ul>
 *   <li><b>Adding</b> returns at once with the membership the new node starts with; it does not
 *       wait for the node. A background task (one daemon thread per pending node) waits until
 *       the node's Raft port answers, then asks Ratis to add it: Ratis first brings the node
 *       up to date as a non-voting "staging" member (log entries or a snapshot) and commits the
 *       new configuration only then, so the cluster keeps its majority and keeps committing
 *       writes throughout. The task retries failed attempts (a staging node that stops answering
 *       fails the attempt after the staging timeout) until the join timeout; then it gives up,
 *       logs why, and the cluster is as before. Adding a member that is already there (or
 *       pending) with the same address changes nothing.</li>
 *   <li><b>Removing</b> waits until the configuration without the member is committed; it
 *       compares-and-sets the configuration, so it never undoes a concurrent change.</li>
 * </ul>
 *
 * Both refuse with {@link IllegalStateException} on a node that is not the leader. Thread-safe.
 */
final class MembershipChanges implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MembershipChanges.class.getName());
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
    private static final long RETRY_PAUSE_MILLIS = 250;

    private final RaftNode node;
    private final Duration joinTimeout;
    private final Duration changeTimeout;
    private final ExecutorService joins;
    private final Map<String, PendingJoin> pending = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** A node added but not yet in the configuration. */
    private record PendingJoin(Peer peer, RaftPeerAddress address, long deadlineNanos, AtomicBoolean cancelled) {
    }

    MembershipChanges(RaftNode node, Duration joinTimeout, Duration changeTimeout) {
        this.node = node;
        this.joinTimeout = joinTimeout;
        this.changeTimeout = changeTimeout;
        this.joins = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "coffer-raft-join-" + node.id());
            t.setDaemon(true);
            return t;
        });
    }

    /** See {@link RaftStorage#addPeer}. */
    synchronized ClusterMembership add(Peer peer) {
        requireLeader("add a member");
        RaftPeerAddress address = RaftPeerAddress.parse(peer.id(), peer.address());
        List<Peer> members = members();
        for (Peer m : members) {
            if (m.id().equals(peer.id())) {
                if (m.address().equals(address.address())) {
                    return membership();
                }
                throw new IllegalStateException("node " + peer.id() + " is already a member with Raft address "
                        + m.address() + "; remove it before adding it at " + address.address());
            }
            if (m.address().equals(address.address())) {
                throw new IllegalStateException("member " + m.id() + " already has the Raft address " + address.address());
            }
        }
        PendingJoin existing = pending.get(peer.id());
        if (existing != null) {
            if (existing.address().address().equals(address.address())) {
                return membership();
            }
            throw new IllegalStateException("node " + peer.id() + " is already being added at "
                    + existing.address().address());
        }
        PendingJoin join = new PendingJoin(new Peer(peer.id(), address.address(), peer.voter()), address,
                System.nanoTime() + joinTimeout.toNanos(), new AtomicBoolean());
        pending.put(peer.id(), join);
        joins.execute(() -> bringIn(join));
        return membership();
    }

    /** See {@link RaftStorage#removePeer}. */
    void remove(String nodeId) {
        requireLeader("remove a member");
        PendingJoin join = pending.remove(nodeId);
        if (join != null) {
            join.cancelled().set(true);
        }
        if (nodeId.equals(node.id())) {
            throw new IllegalStateException("node " + nodeId + " is the leader and cannot remove itself;"
                    + " transfer leadership first");
        }
        long deadline = System.nanoTime() + changeTimeout.toNanos();
        String lastFailure = "no answer";
        boolean first = true;
        while (true) {
            List<RaftPeer> voters = node.members(RaftPeerRole.FOLLOWER);
            List<RaftPeer> listeners = node.members(RaftPeerRole.LISTENER);
            List<RaftPeer> newVoters = without(voters, nodeId);
            List<RaftPeer> newListeners = without(listeners, nodeId);
            if (newVoters.size() == voters.size() && newListeners.size() == listeners.size()) {
                if (first && join == null) {
                    throw new IllegalArgumentException("no member of the Raft cluster has the id " + nodeId);
                }
                return;
            }
            first = false;
            SetConfigurationRequest.Arguments change = SetConfigurationRequest.Arguments.newBuilder()
                    .setMode(SetConfigurationRequest.Mode.COMPARE_AND_SET)
                    .setServersInCurrentConf(voters)
                    .setListenersInCurrentConf(listeners)
                    .setServersInNewConf(newVoters)
                    .setListenersInNewConf(newListeners)
                    .build();
            Optional<String> failure = attempt(change, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (failure.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, () -> "node " + node.id() + " removed node " + nodeId + " from the Raft cluster");
                return;
            }
            lastFailure = failure.get();
            if (!node.isLeaderRole()) {
                throw new IllegalStateException(new NotLeaderException(node.id(), node.leader().orElse(null)).getMessage());
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("removing node " + nodeId + " from the Raft cluster did not commit within "
                        + changeTimeout.toMillis() + " ms: " + lastFailure);
            }
            pause();
        }
    }

    /** The current members, and the ones being added, sorted by id. */
    ClusterMembership membership() {
        List<Peer> peers = new ArrayList<>(members());
        for (PendingJoin p : pending.values()) {
            if (peers.stream().noneMatch(m -> m.id().equals(p.peer().id()))) {
                peers.add(p.peer());
            }
        }
        peers.sort(Comparator.comparing(Peer::id));
        return new ClusterMembership(node.groupId().getUuid().toString(), peers);
    }

    /** The members of the current configuration, voters and non-voters. */
    private List<Peer> members() {
        return ClusterView.members(node);
    }

    private void bringIn(PendingJoin join) {
        boolean joined = false;
        String lastFailure = "its Raft address " + join.address().address() + " never answered";
        try {
            while (!closed && !join.cancelled().get() && System.nanoTime() < join.deadlineNanos()) {
                if (!node.isRunning() || !node.isLeaderRole()) {
                    lastFailure = "node " + node.id() + " stopped leading";
                    break;
                }
                if (members().stream().anyMatch(m -> m.id().equals(join.peer().id()))) {
                    joined = true;
                    break;
                }
                if (!reachable(join.address())) {
                    pause();
                    continue;
                }
                RaftPeer peer = RaftNode.toRaftPeer(join.address());
                SetConfigurationRequest.Arguments change = SetConfigurationRequest.Arguments.newBuilder()
                        .setMode(SetConfigurationRequest.Mode.ADD)
                        .setServersInNewConf(join.peer().voter() ? List.of(peer) : List.of())
                        .setListenersInNewConf(join.peer().voter() ? List.of() : List.of(peer))
                        .build();
                Optional<String> failure = attempt(change,
                        Duration.ofNanos(Math.max(1, join.deadlineNanos() - System.nanoTime())));
                if (failure.isEmpty()) {
                    joined = true;
                    break;
                }
                lastFailure = failure.get();
                pause();
            }
        } finally {
            pending.remove(join.peer().id(), join);
        }
        String id = join.peer().id();
        if (joined) {
            LOG.log(System.Logger.Level.INFO, () -> "node " + id + " joined the Raft cluster at " + join.address().address());
        } else if (!closed && !join.cancelled().get()) {
            String reason = lastFailure;
            LOG.log(System.Logger.Level.WARNING, () -> "node " + id + " was added at " + join.address().address()
                    + " but did not join within " + joinTimeout.toMillis() + " ms (" + reason
                    + "); the change was abandoned and the cluster is unchanged");
        }
    }

    /** Runs one configuration change; empty when it committed, else why not. */
    private Optional<String> attempt(SetConfigurationRequest.Arguments change, Duration timeout) {
        try {
            RaftClientReply reply = node.setConfiguration(change, timeout).get();
            if (reply.isSuccess()) {
                return Optional.empty();
            }
            return Optional.of(describe(reply.getException()));
        } catch (ExecutionException | CompletionException e) {
            return Optional.of(describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "timed out";
        }
        if (failure == null) {
            return "unknown failure";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static boolean reachable(RaftPeerAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    private static List<RaftPeer> without(List<RaftPeer> peers, String id) {
        List<RaftPeer> out = new ArrayList<>(peers);
        out.removeIf(p -> p.getId().toString().equals(id));
        return out;
    }

    private void requireLeader(String what) {
        if (!node.isLeader()) {
            throw new IllegalStateException("cannot " + what + ": "
                    + new NotLeaderException(node.id(), node.leader().orElse(null)).getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops bringing in pending nodes (a change already handed to Ratis finishes or fails there). */
    @Override
    public void close() {
        closed = true;
        joins.shutdownNow();
    }
}

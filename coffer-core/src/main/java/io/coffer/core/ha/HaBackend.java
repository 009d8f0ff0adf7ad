package io.coffer.core.ha;

import io.coffer.core.physical.PhysicalBackend;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A physical backend that is also a cluster: it elects one leader among its members, changes
 * its membership, and saves and restores the whole store. Integrated Raft storage implements
 * it; the core uses it to decide which node is active (the leader, while unsealed), to let
 * nodes join, and to serve {@code sys/storage/raft/*}.
 *
 * <p>Before {@link #bootstrap()} or {@link #join} the node belongs to no cluster: reads see an
 * empty store and writes fail. A node restarted on a directory that belongs to a cluster is a
 * member again at once. All methods are thread-safe.
 */
public interface HaBackend extends PhysicalBackend {

    /** This node's id in the cluster ({@code node_id}). */
    String nodeId();

    /** This node's Raft address as other members reach it ({@code cluster_addr}, {@code host:port}). */
    String clusterAddress();

    /** Whether this node belongs to a cluster (bootstrapped, joined, or restarted as a member). */
    boolean isMember();

    /**
     * Makes this node a new one-member cluster and waits until it leads, so the writes of
     * {@code sys/init} can commit. A node already a member is left as it is.
     *
     * @throws IllegalStateException when the cluster cannot be formed or elect this node in time
     */
    void bootstrap();

    /**
     * Starts this node as a member of an existing cluster, which the leader has already been
     * asked to add it to ({@link #addPeer} there). Returns once the node runs; its store then
     * fills from the leader by log entries or a snapshot.
     *
     * @throws IllegalStateException when this node is already a member or cannot start
     */
    void join(ClusterMembership membership);

    /** The id of the cluster this node belongs to; empty before bootstrap or join. */
    Optional<String> clusterGroupId();

    /**
     * Whether this node is the leader and ready: every write acknowledged under an earlier
     * leader is in its store.
     */
    boolean isLeader();

    /** The leader this node knows of, if any. */
    Optional<Peer> leader();

    /** Registers a callback run (on some background thread) whenever leadership may have changed. */
    void addLeadershipListener(Runnable listener);

    /**
     * Registers a callback run after a restored snapshot replaced this node's whole store
     * (every derived cache is stale then).
     */
    void addStoreReplacedListener(Runnable listener);

    /**
     * Asks this leader to hand leadership to another voter (the most up to date one) and waits
     * up to {@code timeout}. Returns whether another node leads afterwards; false on a follower or
     * a one-member cluster.
     */
    boolean transferLeadership(Duration timeout);

    /**
     * Asks this leader to hand leadership to the voter {@code nodeId} and waits up to
     * {@code timeout}. Returns whether that node leads afterwards. The default falls back to
     * {@link #transferLeadership(Duration)}.
     */
    default boolean transferLeadership(String nodeId, Duration timeout) {
        return transferLeadership(timeout);
    }

    /** The current membership: configuration index and servers. */
    ClusterConfiguration configuration();

    /**
     * Adds a member (on the leader) and returns the membership the new node starts with. Adding
     * a member that already belongs with the same address is a no-op.
     *
     * @throws IllegalStateException when this node is not the leader or the change does not commit
     */
    ClusterMembership addPeer(Peer peer);

    /**
     * Removes a member (on the leader).
     *
     * @throws IllegalArgumentException when no member has that id
     * @throws IllegalStateException    when this node is not the leader or the change does not commit
     */
    void removePeer(String nodeId);

    /** How each member is doing as the leader sees it (for autopilot); empty on a follower. */
    List<PeerProgress> progress();

    /** The highest log index known committed on this node. */
    long committedIndex();

    /** The highest log index applied to this node's store. */
    long appliedIndex();

    /** The current term as this node knows it. */
    long term();

    /**
     * Streams a snapshot of this node's store (values as stored, that is encrypted by the
     * barrier) in the format of {@code docs/storage-formats/raft-snapshot.md}.
     */
    void saveSnapshot(OutputStream out);

    /**
     * Reads and verifies a snapshot written by {@link #saveSnapshot}; nothing is changed.
     *
     * @throws IllegalArgumentException when it is not a complete, intact snapshot
     */
    Snapshot readSnapshot(InputStream in);

    /**
     * Replaces the whole store of every member with {@code snapshot}, atomically, through the
     * log (on the leader). Afterwards the store-replaced listeners run on every member.
     *
     * @throws IllegalStateException when this node is not the leader or the change does not commit
     */
    void restore(Snapshot snapshot);
}

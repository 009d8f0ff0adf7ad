package io.coffer.raft;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RaftStorage} node starts: its node settings — id, directory, advertised Raft
 * address ({@code cluster_addr}), listen address, TLS, timing, sizes — and how long cluster
 * formation may take. Immutable and validated at construction.
 *
 * <p>The node settings name only this node as a peer ({@link RaftNodeConfig.Builder#clusterAddress}):
 * a Raft storage node learns its cluster from {@code bootstrap}, {@code join} or its own
 * directory, never from configuration. The group id in {@code node} is ignored for the same reason.
 *
 * @param node             the node's settings
 * @param bootstrapTimeout how long {@link RaftStorage#bootstrap()} waits for the new one-member
 *                         cluster to elect this node and be ready
 * @param joinTimeout      how long a leader keeps trying to bring a node it added
 *                         ({@link RaftStorage#addPeer}) into the configuration before it gives
 *                         up; the cluster is unchanged then
 */
public record RaftStorageConfig(RaftNodeConfig node, Duration bootstrapTimeout, Duration joinTimeout) {
    /** The default {@link #bootstrapTimeout}: 30 s. */
    public static final Duration DEFAULT_BOOTSTRAP_TIMEOUT = Duration.ofSeconds(30);
    /** The default {@link #joinTimeout}: 2 min. */
    public static final Duration DEFAULT_JOIN_TIMEOUT = Duration.ofMinutes(2);

    public RaftStorageConfig {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(bootstrapTimeout, "bootstrapTimeout");
        Objects.requireNonNull(joinTimeout, "joinTimeout");
        if (node.peers().size() != 1) {
            throw new IllegalArgumentException("a raft storage node is configured with its own address only"
                    + " (cluster_addr); its peers come from bootstrap or join");
        }
        if (bootstrapTimeout.isNegative() || bootstrapTimeout.isZero() || joinTimeout.isNegative() || joinTimeout.isZero()) {
            throw new IllegalArgumentException("the bootstrap and join timeouts must be positive");
        }
    }

    /** {@code node} with the default timeouts. */
    public static RaftStorageConfig of(RaftNodeConfig node) {
        return new RaftStorageConfig(node, DEFAULT_BOOTSTRAP_TIMEOUT, DEFAULT_JOIN_TIMEOUT);
    }

    /** This configuration with another bootstrap timeout. */
    public RaftStorageConfig withBootstrapTimeout(Duration timeout) {
        return new RaftStorageConfig(node, timeout, joinTimeout);
    }

    /** This configuration with another join timeout. */
    public RaftStorageConfig withJoinTimeout(Duration timeout) {
        return new RaftStorageConfig(node, bootstrapTimeout, timeout);
    }

    /** This node's id. */
    public String nodeId() {
        return node.nodeId();
    }

    /** This node's advertised Raft address, {@code host:port}. */
    public String clusterAddress() {
        return node.self().address();
    }
}

package io.coffer.server.cluster;

import io.coffer.core.ha.LeaderStatus;
import io.coffer.core.ha.NodeRole;

import java.util.Optional;

/**
 * This node's place in its cluster as the HTTP edge needs it: its role, the active node's API
 * address while it is a standby, and what {@code sys/leader} reports. The edge consults it on
 * every request to decide between serving locally, forwarding and redirecting.
 *
 * <p>Implementations are thread-safe and cheap enough to call once per request.
 * {@link CoreClusterView} reads the node's {@code Core}; tests give the edge a view of their own.
 */
public interface ClusterView {

    /** Where this node is in its lifecycle right now. */
    NodeRole role();

    /** The active node's API address (for example {@code https://10.0.0.1:8200}), when known. */
    Optional<String> activeAddress();

    /**
     * What {@code sys/leader} reports.
     *
     * @throws io.coffer.sdk.logical.exception.SealedException on a sealed node with HA storage
     */
    LeaderStatus leaderStatus();
}

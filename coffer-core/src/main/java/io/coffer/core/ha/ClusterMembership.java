package io.coffer.core.ha;

import java.util.List;
import java.util.Objects;

/**
 * What a node needs to start as a member of an existing cluster: the cluster's group id and
 * its members (the new node included).
 */
public record ClusterMembership(String groupId, List<Peer> peers) {
    public ClusterMembership {
        Objects.requireNonNull(groupId, "groupId");
        peers = List.copyOf(peers);
    }
}

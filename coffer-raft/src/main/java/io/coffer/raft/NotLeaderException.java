package io.coffer.raft;

import java.util.Optional;

/**
 * A write was refused because this node is not the Raft leader (or was elected but is not ready
 * yet, or is stepping down). Nothing was written. It carries the leader this node knows of, if
 * any, so that the HTTP layer can forward the request to the active node or answer 307.
 */
public class NotLeaderException extends RaftException {
    private final RaftPeerAddress leader;

    /**
     * @param self   the id of the node that refused the write
     * @param leader the current leader as this node knows it, or {@code null} when none is known
     */
    public NotLeaderException(String self, RaftPeerAddress leader) {
        super("node " + self + " is not the Raft leader; "
                + (leader == null ? "no leader is known right now" : "the leader is node " + leader.id() + " at " + leader.address()));
        this.leader = leader;
    }

    /** The leader this node knows of, when one is known. */
    public Optional<RaftPeerAddress> leader() {
        return Optional.ofNullable(leader);
    }
}

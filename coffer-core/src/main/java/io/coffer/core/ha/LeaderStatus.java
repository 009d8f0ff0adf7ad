package io.coffer.core.ha;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code sys/leader} reports.
 *
 * @param haEnabled            whether the storage is clustered
 * @param isSelf               whether this node is the active node
 * @param activeTime           when the active node became active, if known
 * @param leaderAddress        the active node's API address ({@code ""} if unknown)
 * @param leaderClusterAddress the active node's cluster address ({@code ""} if unknown)
 * @param committedIndex       the Raft commit index on this node (0 without Raft)
 * @param appliedIndex         the Raft applied index on this node (0 without Raft)
 */
public record LeaderStatus(boolean haEnabled, boolean isSelf, Optional<Instant> activeTime, String leaderAddress,
                           String leaderClusterAddress, long committedIndex, long appliedIndex) {

    /** The status of a node without HA storage. */
    public static LeaderStatus disabled() {
        return new LeaderStatus(false, false, Optional.empty(), "", "", 0, 0);
    }
}

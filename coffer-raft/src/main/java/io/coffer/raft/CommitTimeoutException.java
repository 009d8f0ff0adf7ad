package io.coffer.raft;

import java.time.Duration;

/**
 * A write was accepted into this leader's log but not committed (and applied) within the write
 * timeout: this node cannot reach a majority of the cluster, as on the minority side of a
 * partition. The outcome is unknown — the entry may still commit if the partition heals before a
 * new leader overwrites it — so callers must treat the write as possibly applied.
 */
public class CommitTimeoutException extends RaftException {

    public CommitTimeoutException(String self, Duration timeout) {
        super("node " + self + " could not commit the write on a majority of the Raft cluster within "
                + timeout.toMillis() + " ms; it may be cut off from the other nodes (outcome unknown)");
    }
}

package io.coffer.raft;

import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.protocol.exceptions.LeaderNotReadyException;
import org.apache.ratis.protocol.exceptions.LeaderSteppingDownException;
import org.apache.ratis.protocol.exceptions.ReadException;
import org.apache.ratis.protocol.exceptions.ReadIndexException;
import org.apache.ratis.protocol.exceptions.StateMachineException;

/** Turns a failure reported by Ratis into Coffer's exceptions; messages carry no stored value. */
final class RatisFailures {

    private RatisFailures() {
    }

    static RuntimeException translate(RaftNode node, String what, Throwable failure) {
        if (failure instanceof org.apache.ratis.protocol.exceptions.NotLeaderException nle) {
            return new NotLeaderException(node.id(), RaftNode.toAddress(nle.getSuggestedLeader()).orElse(null));
        }
        if (failure instanceof LeaderNotReadyException || failure instanceof LeaderSteppingDownException) {
            return new NotLeaderException(node.id(), null);
        }
        if (failure instanceof ReadIndexException || failure instanceof ReadException) {
            return new NotLeaderException(node.id(), node.leader().orElse(null));
        }
        if (failure instanceof AlreadyClosedException) {
            return new RaftException("the Raft server of node " + node.id() + " is closed", failure);
        }
        if (failure instanceof StateMachineException) {
            return new RaftException("node " + node.id() + " refused the " + what + ": " + failure.getMessage(), failure);
        }
        String kind = failure == null ? "unknown error" : failure.getClass().getSimpleName();
        return new RaftException("the Raft " + what + " on node " + node.id() + " failed (" + kind + "; outcome unknown)",
                failure);
    }
}

package io.coffer.core.ha;

/**
 * How a joining node talks to the leader's API ({@code sys/storage/raft/bootstrap/*}). The
 * server provides it over HTTP(S).
 */
public interface JoinTransport {

    /**
     * Asks the leader for a join challenge for {@code nodeId}.
     *
     * @throws JoinException when the leader cannot be reached or refuses
     */
    JoinChallenge challenge(LeaderTarget leader, String nodeId);

    /**
     * Sends the opened challenge with this node's cluster address ({@code host:port}) and API
     * address; the leader adds this node and answers with the membership to start with.
     *
     * @throws JoinException when the leader cannot be reached or refuses
     */
    ClusterMembership answer(LeaderTarget leader, String nodeId, byte[] answer, String clusterAddress,
                             String apiAddress, boolean nonVoter);

    /** A failed exchange with the leader; the message names the leader and the reason, never secrets. */
    final class JoinException extends RuntimeException {
        public JoinException(String message) {
            super(message);
        }

        public JoinException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package io.coffer.core.ha;

import java.time.Duration;

/**
 * One member as the leader sees it.
 *
 * @param peer        the member
 * @param leader      whether it is the leader (this node)
 * @param lastContact time since the leader last heard from it ({@code Duration.ZERO} for the leader itself)
 * @param matchIndex  the highest log index known replicated to it
 * @param term        the term of the leader's view
 */
public record PeerProgress(Peer peer, boolean leader, Duration lastContact, long matchIndex, long term) {
}

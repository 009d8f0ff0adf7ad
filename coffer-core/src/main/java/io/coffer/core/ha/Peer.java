package io.coffer.core.ha;

import java.util.Objects;

/**
 * One member of a cluster.
 *
 * @param id      its node id
 * @param address its Raft address, {@code host:port}
 * @param voter   whether it votes (non-voters only replicate)
 */
public record Peer(String id, String address, boolean voter) {
    public Peer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
    }
}

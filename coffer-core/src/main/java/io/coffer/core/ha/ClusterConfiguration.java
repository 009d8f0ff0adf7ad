package io.coffer.core.ha;

import java.util.List;

/**
 * The membership of a cluster as {@code sys/storage/raft/configuration} reports it.
 *
 * @param index   the log index of the configuration
 * @param servers every member, sorted by id
 */
public record ClusterConfiguration(long index, List<Server> servers) {
    public ClusterConfiguration {
        servers = List.copyOf(servers);
    }

    /** One member: id, Raft address, whether it leads and whether it votes. */
    public record Server(String nodeId, String address, boolean leader, boolean voter) {
    }
}

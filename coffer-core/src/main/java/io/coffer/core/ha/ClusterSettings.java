package io.coffer.core.ha;

import java.util.List;
import java.util.Objects;

/**
 * How a node presents itself to its cluster: the API address clients and standbys use
 * ({@code api_addr}), the cluster address ({@code cluster_addr}), how it reaches a leader to
 * join, and the {@code retry_join} leaders it tries on its own.
 */
public record ClusterSettings(String apiAddress, String clusterAddress, JoinTransport transport,
                              List<LeaderTarget> retryJoin) {
    public ClusterSettings {
        Objects.requireNonNull(apiAddress, "apiAddress");
        Objects.requireNonNull(clusterAddress, "clusterAddress");
        retryJoin = List.copyOf(retryJoin);
    }

    /** Settings for a node without clustering (or a test that does not join). */
    public static ClusterSettings none() {
        return new ClusterSettings("", "", null, List.of());
    }
}

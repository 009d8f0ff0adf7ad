package io.coffer.core.ha;

/**
 * What the active node stores (through the barrier, at {@value #PATH}) when it becomes active,
 * so standbys know where to forward requests and what {@code sys/leader} reports. Format
 * version {@value #FORMAT_VERSION}, JSON.
 *
 * @param nodeId         the active node's Raft node id; a standby trusts the record only while
 *                       that node is the Raft leader it knows
 * @param apiAddress     its API address ({@code api_addr})
 * @param clusterAddress its cluster address ({@code cluster_addr})
 * @param activeTime     when it became active, RFC 3339
 */
public record LeaderAdvertisement(int formatVersion, String nodeId, String apiAddress, String clusterAddress,
                                  String activeTime) {
    public static final int FORMAT_VERSION = 1;
    public static final String PATH = "core/leader";

    public static LeaderAdvertisement of(String nodeId, String apiAddress, String clusterAddress, String activeTime) {
        return new LeaderAdvertisement(FORMAT_VERSION, nodeId, apiAddress, clusterAddress, activeTime);
    }
}

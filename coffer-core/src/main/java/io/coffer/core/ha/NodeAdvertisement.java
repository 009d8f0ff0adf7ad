package io.coffer.core.ha;

/**
 * One member's addresses as the cluster records them (through the barrier, under
 * {@value #PREFIX}{@code <node_id>}): written by the active node for itself when it becomes
 * active and for each node it admits, so {@code sys/ha-status} can list every member. Format
 * version {@value #FORMAT_VERSION}, JSON.
 */
public record NodeAdvertisement(int formatVersion, String nodeId, String apiAddress, String clusterAddress,
                                String version) {
    public static final int FORMAT_VERSION = 1;
    public static final String PREFIX = "core/nodes/";

    public static NodeAdvertisement of(String nodeId, String apiAddress, String clusterAddress, String version) {
        return new NodeAdvertisement(FORMAT_VERSION, nodeId, apiAddress, clusterAddress, version);
    }
}

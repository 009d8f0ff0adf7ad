package io.coffer.raft;

import java.util.Objects;

/**
 * One voter of a Raft cluster: its node id and the host and port its Raft (gRPC) server
 * listens on — Vault's {@code node_id} and {@code cluster_addr}.
 *
 * @param id   the node id, unique in the cluster, non-blank
 * @param host a host name or IP address
 * @param port the Raft port, 1–65535
 */
public record RaftPeerAddress(String id, String host, int port) {

    public RaftPeerAddress {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a Raft node id must not be blank");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("the Raft address of node " + id + " has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the Raft port of node " + id + " must be 1-65535, was " + port);
        }
    }

    /**
     * Parses {@code host:port} ({@code [v6-address]:port} for IPv6).
     *
     * @throws IllegalArgumentException when {@code address} is not of that form
     */
    public static RaftPeerAddress parse(String id, String address) {
        Objects.requireNonNull(address, "address");
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("the Raft address of node " + id + " must be host:port");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new RaftPeerAddress(id, host, Integer.parseInt(address.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the Raft port of node " + id + " is not a number");
        }
    }

    /** {@code host:port}, with brackets around an IPv6 address. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}

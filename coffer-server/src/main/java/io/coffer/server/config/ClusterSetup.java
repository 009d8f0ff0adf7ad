package io.coffer.server.config;

import io.coffer.core.ha.ClusterSettings;
import io.coffer.core.ha.LeaderTarget;
import io.coffer.server.cluster.ClusterTls;
import io.coffer.server.cluster.HttpJoinTransport;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a configured node presents itself to its cluster, derived from the server configuration:
 * its API address ({@code api_addr}, else its first listener), its Raft address (the
 * {@code host:port} of {@code cluster_addr}), the {@code retry_join} leaders with their PEM
 * files read, and the trust its standby forwarding uses for other nodes' HTTPS listeners (the
 * first {@code leader_ca_cert_file}, else the JVM's defaults).
 *
 * @param settings      what the core needs
 * @param raftAddress   {@code host:port} for Raft, {@code ""} without Raft storage
 * @param forwardingTls trust for forwarding to the active node
 */
record ClusterSetup(ClusterSettings settings, String raftAddress, ClusterTls forwardingTls) {

    static ClusterSetup of(ServerConfig config) {
        if (!(config.storage() instanceof StorageConfig.Raft raft)) {
            return new ClusterSetup(ClusterSettings.none(), "", ClusterTls.jvmDefault());
        }
        String clusterUrl = config.clusterAddr().orElseThrow();
        URI cluster = URI.create(clusterUrl);
        String raftAddress = cluster.getHost() + ":" + (cluster.getPort() > 0 ? cluster.getPort() : 8201);
        String apiAddress = config.apiAddr().orElseGet(() -> listenerAddress(config.listeners().get(0)));
        List<LeaderTarget> targets = new ArrayList<>();
        Optional<String> firstCa = Optional.empty();
        for (StorageConfig.RetryJoin join : raft.retryJoin()) {
            String ca = read(join.leaderCaCertFile());
            if (firstCa.isEmpty() && !ca.isEmpty()) {
                firstCa = Optional.of(ca);
            }
            targets.add(new LeaderTarget(join.leaderApiAddr(), ca, read(join.leaderClientCertFile()),
                    read(join.leaderClientKeyFile()), join.leaderTlsServername().orElse("")));
        }
        ClusterTls tls = firstCa.map(ClusterTls::trustingPem).orElseGet(ClusterTls::jvmDefault);
        return new ClusterSetup(new ClusterSettings(apiAddress, clusterUrl, new HttpJoinTransport(), targets),
                raftAddress, tls);
    }

    private static String listenerAddress(TcpListener l) {
        String host = l.host().equals("0.0.0.0") || l.host().isEmpty() ? "127.0.0.1" : l.host();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return (l.tlsDisable() ? "http://" : "https://") + host + ":" + l.port();
    }

    private static String read(Optional<Path> file) {
        if (file.isEmpty()) {
            return "";
        }
        try {
            return Files.readString(file.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.get() + " (retry_join): " + e.getMessage(), e);
        }
    }
}

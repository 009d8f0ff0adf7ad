package io.coffer.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated server configuration, as read from Vault's HCL (or JSON) server config by
 * {@link ServerConfigParser}: exactly one storage, one or more TCP listeners, and the top-level
 * settings with Vault's defaults applied. Immutable; every value is typed.
 *
 * @param storage         the physical storage
 * @param listeners       the TCP listeners, at least one, in file order
 * @param apiAddr         {@code api_addr}: the URL other nodes and clients are told to use
 * @param clusterAddr     {@code cluster_addr}: the cluster (and later Raft) address
 * @param clusterName     {@code cluster_name}, if configured
 * @param disableMlock    {@code disable_mlock} (accepted for compatibility; the JVM cannot mlock)
 * @param logLevel        {@code log_level}, default {@link LogLevel#INFO}
 * @param ui              {@code ui} (accepted for compatibility; Coffer has no web UI)
 * @param defaultLeaseTtl {@code default_lease_ttl}, default {@link #SYSTEM_TTL}
 * @param maxLeaseTtl     {@code max_lease_ttl}, default {@link #SYSTEM_TTL}
 */
public record ServerConfig(StorageConfig storage, List<TcpListener> listeners, Optional<String> apiAddr,
                           Optional<String> clusterAddr, Optional<String> clusterName, boolean disableMlock,
                           LogLevel logLevel, boolean ui, Duration defaultLeaseTtl, Duration maxLeaseTtl) {

    /** Vault's system-wide default and maximum lease TTL: 768 hours (32 days). */
    public static final Duration SYSTEM_TTL = Duration.ofHours(768);

    public ServerConfig {
        Objects.requireNonNull(storage, "storage");
        listeners = List.copyOf(listeners);
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("at least one listener is required");
        }
        Objects.requireNonNull(apiAddr, "apiAddr");
        Objects.requireNonNull(clusterAddr, "clusterAddr");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(defaultLeaseTtl, "defaultLeaseTtl");
        Objects.requireNonNull(maxLeaseTtl, "maxLeaseTtl");
    }
}

package io.coffer.server.config;

import io.coffer.builtin.BuiltinRegistry;
import io.coffer.core.Core;
import io.coffer.core.physical.PhysicalBackend;
import io.coffer.server.CofferHttpServer;
import io.coffer.server.ListenerConfig;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A node started from a {@link ServerConfig}: the configured physical backend, a {@link Core}
 * on it, and one {@link CofferHttpServer} per listener.
 *
 * <p>Guarantees: the node is never initialised or unsealed here — it comes up sealed (and
 * uninitialised on first start) and waits for {@code sys/init} and {@code sys/unseal}; when
 * start-up fails part-way, whatever was opened is closed again; {@link #close()} stops the
 * listeners, seals the core (dropping key material) and closes the backend, once.
 */
public final class ConfiguredNode implements AutoCloseable {

    private final ServerConfig config;
    private final PhysicalBackend backend;
    private final Core core;
    private final List<CofferHttpServer> servers;
    private final String clusterName;
    private boolean closed;

    private ConfiguredNode(ServerConfig config, PhysicalBackend backend, Core core, List<CofferHttpServer> servers,
                           String clusterName) {
        this.config = config;
        this.backend = backend;
        this.core = core;
        this.servers = List.copyOf(servers);
        this.clusterName = clusterName;
    }

    /**
     * Opens the storage and starts every listener.
     *
     * @throws UnsupportedOperationException if the configuration asks for something this version
     *                                       cannot serve (TLS 1.3 minimum)
     * @throws IllegalStateException         if storage or a listener cannot be started
     */
    public static ConfiguredNode start(ServerConfig config, StorageBackends backends, Clock clock, SecureRandom random) {
        Objects.requireNonNull(config, "config");
        for (TcpListener l : config.listeners()) {
            if (l.tlsMinVersion() == TlsVersion.TLS13) {
                throw new UnsupportedOperationException("listener " + l.address() + ": tls_min_version \"tls13\" is not "
                        + "supported yet; Coffer serves TLS 1.2 and 1.3 (leave tls_min_version unset or use tls12)");
            }
        }
        String clusterName = config.clusterName().orElseGet(() -> generatedClusterName(random));
        ClusterSetup cluster = ClusterSetup.of(config);
        PhysicalBackend backend = openBackend(config, backends, cluster);
        List<CofferHttpServer> started = new ArrayList<>();
        Core core = null;
        try {
            core = new Core(backend, BuiltinRegistry.standard(), clock, random, cluster.settings());
            for (TcpListener l : config.listeners()) {
                started.add(startListener(core, l, clock, clusterName, cluster));
            }
            core.start();
            return new ConfiguredNode(config, backend, core, started, clusterName);
        } catch (RuntimeException e) {
            stopAll(started);
            if (core != null) {
                core.close();
            }
            backend.close();
            throw e;
        }
    }

    private static PhysicalBackend openBackend(ServerConfig config, StorageBackends backends, ClusterSetup cluster) {
        try {
            return backends.open(config.storage(), cluster.raftAddress());
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open storage \"" + config.storage().type() + "\": " + e.getMessage(), e);
        }
    }

    private static CofferHttpServer startListener(Core core, TcpListener l, Clock clock, String clusterName,
                                                  ClusterSetup cluster) {
        ListenerConfig listener = new ListenerConfig(l.host(), l.port(), l.tlsCertFile().orElse(null),
                l.tlsKeyFile().orElse(null), l.maxRequestSize(), l.forwardedFor());
        CofferHttpServer server = null;
        try {
            server = new CofferHttpServer(core, listener, clock, clusterName, cluster.forwardingTls());
            server.start();
            return server;
        } catch (Exception e) {
            if (server != null) {
                stopAll(List.of(server));
            }
            String what = l.tlsDisable() ? "" : " (check tls_cert_file and tls_key_file)";
            throw new IllegalStateException("cannot start listener " + l.address() + what + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    private static String generatedClusterName(SecureRandom random) {
        byte[] id = new byte[4];
        random.nextBytes(id);
        return "coffer-cluster-" + HexFormat.of().formatHex(id);
    }

    private static void stopAll(List<CofferHttpServer> servers) {
        for (CofferHttpServer s : servers) {
            try {
                s.close();
            } catch (Exception ignored) {
                // best effort while failing or shutting down; the process is going away
            }
        }
    }

    /** The configuration this node runs. */
    public ServerConfig config() {
        return config;
    }

    /** The core; sealed until an operator initialises and unseals it. */
    public Core core() {
        return core;
    }

    /** The cluster name health responses report: configured, or generated at start. */
    public String clusterName() {
        return clusterName;
    }

    /** The API address of each listener, in configuration order, with the bound port (e.g. {@code http://127.0.0.1:8200}). */
    public List<String> addresses() {
        return servers.stream().map(CofferHttpServer::address).toList();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopAll(servers);
            core.close();
        } finally {
            backend.close();
        }
    }
}

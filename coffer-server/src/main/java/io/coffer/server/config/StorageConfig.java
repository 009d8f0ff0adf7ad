package io.coffer.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code storage "TYPE" { … }} stanza of a server configuration: one of the storage types
 * Coffer knows, with its settings typed and validated.
 */
public sealed interface StorageConfig permits StorageConfig.Inmem, StorageConfig.File, StorageConfig.Raft {

    /** The storage type as written in the configuration, e.g. {@code file}. */
    String type();

    /** {@code storage "inmem" {}}: non-durable, in-memory storage (testing only). */
    record Inmem() implements StorageConfig {
        @Override
        public String type() {
            return "inmem";
        }
    }

    /**
     * {@code storage "file" { path = "…" }}: durable single-node storage in a directory.
     *
     * @param path the data directory
     */
    record File(Path path) implements StorageConfig {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String type() {
            return "file";
        }
    }

    /**
     * {@code storage "raft" { … }}: integrated Raft storage on Apache Ratis.
     *
     * @param path                  the data directory
     * @param nodeId                {@code node_id}, if configured (else one is generated once and kept
     *                              in {@code <path>/node-id})
     * @param performanceMultiplier {@code performance_multiplier}, 1–10 ({@code 0} in the file means
     *                              Vault's default, {@value #DEFAULT_PERFORMANCE_MULTIPLIER})
     * @param retryJoin             the {@code retry_join} stanzas in file order
     * @param tls                   Coffer's {@code tls_cert_file}/{@code tls_key_file}/{@code tls_ca_file}:
     *                              mutual TLS on the Raft port, if configured
     */
    record Raft(Path path, Optional<String> nodeId, int performanceMultiplier, List<RetryJoin> retryJoin,
                Optional<RaftTls> tls) implements StorageConfig {

        /** The multiplier Vault uses when none (or 0) is configured. */
        public static final int DEFAULT_PERFORMANCE_MULTIPLIER = 5;

        public Raft {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(tls, "tls");
            if (performanceMultiplier < 1 || performanceMultiplier > 10) {
                throw new IllegalArgumentException("performance multiplier must be 1-10");
            }
            retryJoin = List.copyOf(retryJoin);
        }

        @Override
        public String type() {
            return "raft";
        }
    }

    /**
     * Mutual TLS for Raft traffic: this node's certificate and key, and the CA that signs every
     * member's certificate (only holders of such a certificate can take part).
     */
    record RaftTls(Path certFile, Path keyFile, Path caFile) {
        public RaftTls {
            Objects.requireNonNull(certFile, "certFile");
            Objects.requireNonNull(keyFile, "keyFile");
            Objects.requireNonNull(caFile, "caFile");
        }
    }

    /**
     * One {@code retry_join { … }} stanza of Raft storage: a leader to join and how to reach it.
     *
     * @param leaderApiAddr         {@code leader_api_addr}, the leader's API URL
     * @param leaderCaCertFile      {@code leader_ca_cert_file}
     * @param leaderClientCertFile  {@code leader_client_cert_file}
     * @param leaderClientKeyFile   {@code leader_client_key_file}
     * @param leaderTlsServername   {@code leader_tls_servername}
     */
    record RetryJoin(String leaderApiAddr, Optional<Path> leaderCaCertFile, Optional<Path> leaderClientCertFile,
                     Optional<Path> leaderClientKeyFile, Optional<String> leaderTlsServername) {
        public RetryJoin {
            Objects.requireNonNull(leaderApiAddr, "leaderApiAddr");
            Objects.requireNonNull(leaderCaCertFile, "leaderCaCertFile");
            Objects.requireNonNull(leaderClientCertFile, "leaderClientCertFile");
            Objects.requireNonNull(leaderClientKeyFile, "leaderClientKeyFile");
            Objects.requireNonNull(leaderTlsServername, "leaderTlsServername");
        }
    }
}

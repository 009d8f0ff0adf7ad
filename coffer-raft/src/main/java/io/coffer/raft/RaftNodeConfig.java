package io.coffer.raft;

import io.coffer.raft.statemachine.FailStop;
import io.coffer.raft.statemachine.HaltProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How one node of a Raft cluster starts: its id, the cluster's voters (itself included), its
 * directory, and the timing and log-compaction settings, named after Vault's {@code storage
 * "raft"} parameters. Immutable and validated at construction; build it with
 * {@link #builder(String, Path)}.
 *
 * @param nodeId                Vault's {@code node_id}: this node's id, one of {@code peers}
 * @param peers                 the voters of the cluster, this node included, ids unique
 * @param directory             Vault's {@code path}: holds {@code raft/} (Ratis's log and
 *                              snapshots) and {@code store/} (the RocksDB store)
 * @param groupId               the Raft group id every node of the cluster shares
 * @param performanceMultiplier Vault's {@code performance_multiplier}, 1–10: election timeouts
 *                              are 150–300 ms times this; higher tolerates slower networks
 * @param writeTimeout          how long a write waits to be committed and applied before it
 *                              fails with {@link CommitTimeoutException}
 * @param snapshotThreshold     Vault's {@code snapshot_threshold}: applied entries between two
 *                              automatic snapshots
 * @param trailingLogs          Vault's {@code trailing_logs}: entries kept in the log behind a
 *                              snapshot, so a briefly lagging follower catches up from the log
 *                              rather than by a full snapshot transfer
 * @param logSegmentSize        the size of one Raft log segment file in bytes; the log is purged
 *                              whole segments at a time
 * @param maxEntrySize          Vault's {@code max_entry_size}: the largest encoded write in bytes
 * @param failStop              what the node does when it cannot apply a committed entry
 * @param bindAddress           the {@code host:port} the Raft (gRPC) server listens on, or
 *                              {@code ""} to listen on this node's own address among
 *                              {@code peers} (its advertised {@code cluster_addr})
 * @param tls                   PEM files for mutual TLS on the Raft port; empty for plain text
 * @param maxRestoreSize        the largest replace-store log entry (a snapshot restore) in bytes;
 *                              Ratis's buffers are sized to carry it (see {@code raft.md})
 */
public record RaftNodeConfig(
        String nodeId,
        List<RaftPeerAddress> peers,
        Path directory,
        UUID groupId,
        int performanceMultiplier,
        Duration writeTimeout,
        long snapshotThreshold,
        long trailingLogs,
        long logSegmentSize,
        int maxEntrySize,
        FailStop failStop,
        String bindAddress,
        Optional<RaftTlsFiles> tls,
        int maxRestoreSize) {

    /** The group id of a cluster that does not set one. */
    public static final UUID DEFAULT_GROUP_ID = UUID.fromString("c0ffe700-0000-4000-8000-000000000001");
    /** Ratis's replication buffer limit; an entry must fit in it. */
    static final int MAX_ENTRY_SIZE_LIMIT = 4 * 1024 * 1024 - 64 * 1024;
    /** The default {@link #maxRestoreSize}: 64 MiB. */
    public static final int DEFAULT_MAX_RESTORE_SIZE = 64 * 1024 * 1024;
    /** The largest {@link #maxRestoreSize} accepted: 512 MiB. */
    static final int MAX_RESTORE_SIZE_LIMIT = 512 * 1024 * 1024;

    public RaftNodeConfig {
        Objects.requireNonNull(nodeId, "nodeId");
        peers = List.copyOf(peers);
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(failStop, "failStop");
        bindAddress = bindAddress == null ? "" : bindAddress;
        tls = tls == null ? Optional.empty() : tls;
        if (!bindAddress.isEmpty()) {
            RaftPeerAddress.parse(nodeId, bindAddress);
        }
        Set<String> ids = new HashSet<>();
        for (RaftPeerAddress peer : peers) {
            if (!ids.add(peer.id())) {
                throw new IllegalArgumentException("Raft node id " + peer.id() + " appears twice among the peers");
            }
        }
        if (!ids.contains(nodeId)) {
            throw new IllegalArgumentException("node " + nodeId + " is not among the Raft peers " + ids);
        }
        if (performanceMultiplier < 1 || performanceMultiplier > 10) {
            throw new IllegalArgumentException("performance_multiplier must be 1-10, was " + performanceMultiplier);
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("the Raft write timeout must be positive");
        }
        if (snapshotThreshold < 1) {
            throw new IllegalArgumentException("snapshot_threshold must be at least 1, was " + snapshotThreshold);
        }
        if (trailingLogs < 0) {
            throw new IllegalArgumentException("trailing_logs must not be negative, was " + trailingLogs);
        }
        if (logSegmentSize < 64 * 1024) {
            throw new IllegalArgumentException("the Raft log segment size must be at least 64 KiB, was " + logSegmentSize);
        }
        if (maxEntrySize < 1024 || maxEntrySize > MAX_ENTRY_SIZE_LIMIT) {
            throw new IllegalArgumentException("max_entry_size must be 1024-" + MAX_ENTRY_SIZE_LIMIT + " bytes, was " + maxEntrySize);
        }
        if (maxRestoreSize < maxEntrySize || maxRestoreSize > MAX_RESTORE_SIZE_LIMIT) {
            throw new IllegalArgumentException("max_restore_size must be between max_entry_size (" + maxEntrySize + ") and "
                    + MAX_RESTORE_SIZE_LIMIT + " bytes, was " + maxRestoreSize);
        }
    }

    /** This configuration with another Raft group id. */
    public RaftNodeConfig withGroupId(UUID id) {
        return new RaftNodeConfig(nodeId, peers, directory, id, performanceMultiplier, writeTimeout, snapshotThreshold,
                trailingLogs, logSegmentSize, maxEntrySize, failStop, bindAddress, tls, maxRestoreSize);
    }

    /** The address the Raft server listens on: {@link #bindAddress}, or this node's own address. */
    public RaftPeerAddress listenAddress() {
        return bindAddress.isEmpty() ? self() : RaftPeerAddress.parse(nodeId, bindAddress);
    }

    /** A builder with Vault's defaults, for node {@code nodeId} storing under {@code directory}. */
    public static Builder builder(String nodeId, Path directory) {
        return new Builder(nodeId, directory);
    }

    /** This node's own entry among {@link #peers}. */
    public RaftPeerAddress self() {
        return peers.stream().filter(p -> p.id().equals(nodeId)).findFirst().orElseThrow();
    }

    /** The smallest election timeout: 150 ms times the performance multiplier. */
    public Duration electionTimeoutMin() {
        return Duration.ofMillis(150L * performanceMultiplier);
    }

    /** The largest election timeout: 300 ms times the performance multiplier. */
    public Duration electionTimeoutMax() {
        return Duration.ofMillis(300L * performanceMultiplier);
    }

    /** Builds a {@link RaftNodeConfig}; every setting but the id and directory has a default. */
    public static final class Builder {
        private final String nodeId;
        private final Path directory;
        private List<RaftPeerAddress> peers = List.of();
        private UUID groupId = DEFAULT_GROUP_ID;
        private int performanceMultiplier = 1;
        private Duration writeTimeout = Duration.ofSeconds(10);
        private long snapshotThreshold = 8192;
        private long trailingLogs = 10240;
        private long logSegmentSize = 8L * 1024 * 1024;
        private int maxEntrySize = 1024 * 1024;
        private FailStop failStop = new HaltProcess();
        private String bindAddress = "";
        private RaftTlsFiles tls;
        private int maxRestoreSize = DEFAULT_MAX_RESTORE_SIZE;

        private Builder(String nodeId, Path directory) {
            this.nodeId = nodeId;
            this.directory = directory;
        }

        /** The voters of the cluster, this node included (default: none — set them). */
        public Builder peers(List<RaftPeerAddress> peers) {
            this.peers = peers;
            return this;
        }

        /** Default {@link RaftNodeConfig#DEFAULT_GROUP_ID}. */
        public Builder groupId(UUID groupId) {
            this.groupId = groupId;
            return this;
        }

        /** Default 1 (election timeouts 150–300 ms). */
        public Builder performanceMultiplier(int performanceMultiplier) {
            this.performanceMultiplier = performanceMultiplier;
            return this;
        }

        /** Default 10 s. */
        public Builder writeTimeout(Duration writeTimeout) {
            this.writeTimeout = writeTimeout;
            return this;
        }

        /** Default 8192 entries (Vault's). */
        public Builder snapshotThreshold(long snapshotThreshold) {
            this.snapshotThreshold = snapshotThreshold;
            return this;
        }

        /** Default 10240 entries (Vault's). */
        public Builder trailingLogs(long trailingLogs) {
            this.trailingLogs = trailingLogs;
            return this;
        }

        /** Default 8 MiB. */
        public Builder logSegmentSize(long logSegmentSize) {
            this.logSegmentSize = logSegmentSize;
            return this;
        }

        /** Default 1 MiB (Vault's). */
        public Builder maxEntrySize(int maxEntrySize) {
            this.maxEntrySize = maxEntrySize;
            return this;
        }

        /** Default {@link HaltProcess}. */
        public Builder failStop(FailStop failStop) {
            this.failStop = failStop;
            return this;
        }

        /**
         * Makes this node the only peer, at {@code hostPort} (Vault's {@code cluster_addr}): the
         * configuration of a node whose membership Raft itself keeps ({@link RaftStorage}).
         */
        public Builder clusterAddress(String hostPort) {
            this.peers = List.of(RaftPeerAddress.parse(nodeId, hostPort));
            return this;
        }

        /** Default {@code ""}: listen on this node's own address. */
        public Builder bindAddress(String hostPort) {
            this.bindAddress = hostPort;
            return this;
        }

        /** Default none: the Raft port speaks plain text. */
        public Builder tls(RaftTlsFiles tls) {
            this.tls = tls;
            return this;
        }

        /** Default {@value RaftNodeConfig#DEFAULT_MAX_RESTORE_SIZE} bytes (64 MiB). */
        public Builder maxRestoreSize(int maxRestoreSize) {
            this.maxRestoreSize = maxRestoreSize;
            return this;
        }

        public RaftNodeConfig build() {
            return new RaftNodeConfig(nodeId, peers, directory, groupId, performanceMultiplier, writeTimeout,
                    snapshotThreshold, trailingLogs, logSegmentSize, maxEntrySize, failStop, bindAddress,
                    Optional.ofNullable(tls), maxRestoreSize);
        }
    }
}

package io.coffer.server.config;

import io.coffer.core.physical.InmemBackend;
import io.coffer.core.physical.PhysicalBackend;
import io.coffer.raft.RaftNodeConfig;
import io.coffer.raft.RaftStorage;
import io.coffer.raft.RaftStorageConfig;
import io.coffer.raft.RaftTlsFiles;
import io.coffer.storage.file.RocksDbBackend;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Opens the physical backend a {@link StorageConfig} names: {@code inmem} →
 * {@link InmemBackend}, {@code file} → {@link RocksDbBackend} on the configured directory,
 * {@code raft} → {@link RaftStorage} (Apache Ratis) on the configured directory, speaking Raft
 * on {@code cluster_addr}.
 */
public final class StorageBackends {

    private final Function<Path, PhysicalBackend> fileBackend;

    /** Opens {@code storage "file"} with RocksDB. */
    public StorageBackends() {
        this(RocksDbBackend::new);
    }

    /** Opens {@code storage "file"} with {@code fileBackend} (tests). */
    public StorageBackends(Function<Path, PhysicalBackend> fileBackend) {
        this.fileBackend = Objects.requireNonNull(fileBackend, "fileBackend");
    }

    /**
     * A new, open backend for {@code storage}; the caller closes it. {@code clusterAddress} is
     * the Raft address ({@code host:port} of {@code cluster_addr}), used by {@code raft} only.
     */
    public PhysicalBackend open(StorageConfig storage, String clusterAddress) {
        if (storage instanceof StorageConfig.Inmem) {
            return new InmemBackend();
        }
        if (storage instanceof StorageConfig.File file) {
            return fileBackend.apply(file.path());
        }
        StorageConfig.Raft raft = (StorageConfig.Raft) storage;
        String nodeId = raft.nodeId().orElseGet(() -> NodeIdFile.readOrCreate(raft.path()));
        RaftNodeConfig.Builder node = RaftNodeConfig.builder(nodeId, raft.path())
                .clusterAddress(clusterAddress)
                .performanceMultiplier(raft.performanceMultiplier());
        raft.tls().ifPresent(t -> node.tls(new RaftTlsFiles(t.certFile(), t.keyFile(), t.caFile())));
        return new RaftStorage(RaftStorageConfig.of(node.build()));
    }
}

package io.coffer.server.config;

import io.coffer.core.physical.InmemBackend;
import io.coffer.core.physical.PhysicalBackend;
import io.coffer.storage.file.RocksDbBackend;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Opens the physical backend a {@link StorageConfig} names: {@code inmem} →
 * {@link InmemBackend}, {@code file} → {@link RocksDbBackend} on the configured directory.
 * {@code raft} is refused with an {@link UnsupportedOperationException} saying so: it is parsed
 * and validated, but not served yet.
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

    /** A new, open backend for {@code storage}; the caller closes it. */
    public PhysicalBackend open(StorageConfig storage) {
        if (storage instanceof StorageConfig.Inmem) {
            return new InmemBackend();
        }
        if (storage instanceof StorageConfig.File file) {
            return fileBackend.apply(file.path());
        }
        throw new UnsupportedOperationException("storage \"" + storage.type() + "\" is not available yet in this "
                + "version of Coffer (the configuration is valid); use storage \"file\" for a single node");
    }
}

package io.coffer.storage.file;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Creates the {@code storage "file"} physical backend from the server configuration's
 * {@code path}: the directory is created (mode 0700) when missing and opened otherwise.
 */
public final class FileBackendFactory {

    /** The storage type this factory serves, as written in the server config. */
    public String type() {
        return "file";
    }

    /**
     * Opens the store under {@code path}.
     *
     * @throws IllegalArgumentException when {@code path} is blank
     * @throws FileStorageException     when the store cannot be created or opened
     */
    public RocksDbBackend open(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("storage \"file\" needs a non-empty path");
        }
        return new RocksDbBackend(Path.of(path));
    }
}

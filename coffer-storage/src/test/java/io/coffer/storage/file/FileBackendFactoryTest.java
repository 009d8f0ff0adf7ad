package io.coffer.storage.file;

import io.coffer.sdk.logical.StorageEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileBackendFactoryTest {
    @TempDir
    Path temp;

    @Test
    void open_path_returnsWorkingFileBackend() {
        FileBackendFactory factory = new FileBackendFactory();
        try (RocksDbBackend backend = factory.open(temp.resolve("vault-data").toString())) {
            backend.put(new StorageEntry("k", new byte[]{7}));
            assertThat(backend.type()).isEqualTo(factory.type()).isEqualTo("file");
            assertThat(backend.directory()).isEqualTo(temp.resolve("vault-data").toAbsolutePath());
        }
    }

    @Test
    void open_blankPath_isRefused() {
        assertThatThrownBy(() -> new FileBackendFactory().open("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path");
    }
}

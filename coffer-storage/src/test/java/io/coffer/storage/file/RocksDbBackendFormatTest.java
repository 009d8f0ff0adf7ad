package io.coffer.storage.file;

import io.coffer.sdk.logical.StorageEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the store refuses to open: a newer on-disk format, a RocksDB that is not ours. */
class RocksDbBackendFormatTest {
    @TempDir
    Path temp;

    @Test
    void constructor_newerFormatVersion_isRefused() throws Exception {
        Path dir = temp.resolve("store");
        new RocksDbBackend(dir).close();
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions();
             RocksDB db = RocksDB.open(options, dir.toString(), List.of(
                     new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
                     new ColumnFamilyDescriptor("meta".getBytes(StandardCharsets.US_ASCII))), handles)) {
            db.put(handles.get(1), "format_version".getBytes(StandardCharsets.US_ASCII),
                    "2".getBytes(StandardCharsets.US_ASCII));
            handles.forEach(ColumnFamilyHandle::close);
        }

        assertThatThrownBy(() -> new RocksDbBackend(dir))
                .isInstanceOf(FileStorageException.class)
                .hasMessageContaining("format version 2");
    }

    @Test
    void constructor_foreignRocksDbWithData_isRefused() throws Exception {
        Path dir = temp.resolve("foreign");
        try (Options options = new Options().setCreateIfMissing(true);
             RocksDB db = RocksDB.open(options, dir.toString())) {
            db.put("someone".getBytes(StandardCharsets.UTF_8), "else".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> new RocksDbBackend(dir))
                .isInstanceOf(FileStorageException.class)
                .hasMessageContaining("not a Coffer file storage");
    }

    @Test
    void constructor_emptyRocksDbWithoutMarker_isAdopted() throws Exception {
        Path dir = temp.resolve("empty");
        try (Options options = new Options().setCreateIfMissing(true);
             RocksDB ignored = RocksDB.open(options, dir.toString())) {
            assertThat(ignored).isNotNull();
        }

        try (RocksDbBackend store = new RocksDbBackend(dir)) {
            store.put(new StorageEntry("k", new byte[]{1}));
        }
        try (RocksDbBackend store = new RocksDbBackend(dir)) {
            assertThat(store.get("k").value()).containsExactly(1);
        }
    }

    @Test
    void constructor_pathIsAFile_failsWithFileStorageException() throws Exception {
        Path file = java.nio.file.Files.writeString(temp.resolve("plain-file"), "x");
        assertThatThrownBy(() -> new RocksDbBackend(file)).isInstanceOf(FileStorageException.class);
    }
}

package io.coffer.raft.statemachine;

import io.coffer.storage.file.AppliedIndex;
import io.coffer.storage.file.Mutation;
import io.coffer.storage.file.RocksDbBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoreInstallerTest {
    @TempDir
    Path temp;

    private Path checkpointWith(String key, long index) {
        Path source = temp.resolve("source-" + index);
        try (RocksDbBackend db = new RocksDbBackend(source)) {
            db.apply(List.of(Mutation.put(key, bytes(key))), new AppliedIndex(1, index));
            return db.checkpoint(temp.resolve("snapshot.1_" + index));
        }
    }

    @Test
    void install_overAnExistingStore_replacesItWithTheSnapshot() throws IOException {
        Path store = temp.resolve("store");
        try (RocksDbBackend db = new RocksDbBackend(store)) {
            db.apply(List.of(Mutation.put("old", bytes("old"))), new AppliedIndex(1, 3));
        }
        Path snapshot = checkpointWith("new", 10);
        Files.write(snapshot.resolve("CURRENT.md5"), bytes("ratis side file"));

        StoreInstaller.install(snapshot, store);

        try (RocksDbBackend db = new RocksDbBackend(store)) {
            assertThat(db.appliedIndex()).isEqualTo(new AppliedIndex(1, 10));
            assertThat(db.get("new")).isNotNull();
            assertThat(db.get("old")).isNull();
        }
        assertThat(store.resolve("CURRENT.md5")).doesNotExist();
        assertThat(StoreInstaller.sibling(store, "installing")).doesNotExist();
        assertThat(StoreInstaller.sibling(store, "installed")).doesNotExist();
        assertThat(StoreInstaller.sibling(store, "old")).doesNotExist();
        // the snapshot stays intact for sending to other followers
        try (RocksDbBackend copy = new RocksDbBackend(snapshot)) {
            assertThat(copy.appliedIndex()).isEqualTo(new AppliedIndex(1, 10));
        }
    }

    @Test
    void install_withoutAStore_createsIt() throws IOException {
        Path store = temp.resolve("store");
        StoreInstaller.install(checkpointWith("k", 4), store);
        try (RocksDbBackend db = new RocksDbBackend(store)) {
            assertThat(db.get("k")).isNotNull();
        }
    }

    @Test
    void recover_crashAfterTheCopyWasComplete_finishesTheInstallation() throws IOException {
        Path store = temp.resolve("store");
        try (RocksDbBackend db = new RocksDbBackend(store)) {
            db.apply(List.of(Mutation.put("old", bytes("old"))), new AppliedIndex(1, 3));
        }
        Files.move(checkpointWith("new", 8), StoreInstaller.sibling(store, "installed"));

        StoreInstaller.recover(store);

        try (RocksDbBackend db = new RocksDbBackend(store)) {
            assertThat(db.appliedIndex().index()).isEqualTo(8);
        }
        assertThat(StoreInstaller.sibling(store, "old")).doesNotExist();
    }

    @Test
    void recover_crashDuringTheCopy_keepsTheOldStore() throws IOException {
        Path store = temp.resolve("store");
        try (RocksDbBackend db = new RocksDbBackend(store)) {
            db.apply(List.of(Mutation.put("old", bytes("old"))), new AppliedIndex(1, 3));
        }
        Path partial = StoreInstaller.sibling(store, "installing");
        Files.createDirectory(partial);
        Files.write(partial.resolve("000001.sst"), new byte[10]);

        StoreInstaller.recover(store);

        assertThat(partial).doesNotExist();
        try (RocksDbBackend db = new RocksDbBackend(store)) {
            assertThat(db.appliedIndex().index()).isEqualTo(3);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

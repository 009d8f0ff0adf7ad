package io.coffer.storage.file;

import io.coffer.sdk.logical.StorageEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Raft state machine's side of the store: atomic batches, applied index, checkpoints. */
class RocksDbBackendApplyTest {
    @TempDir
    Path temp;

    private Path dir;
    private RocksDbBackend store;

    @BeforeEach
    void open() {
        dir = temp.resolve("data");
        store = new RocksDbBackend(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String value(RocksDbBackend backend, String key) {
        StorageEntry entry = backend.get(key);
        return entry == null ? null : new String(entry.value(), StandardCharsets.UTF_8);
    }

    @Test
    void appliedIndex_newStore_isNone() {
        assertThat(store.appliedIndex()).isEqualTo(AppliedIndex.NONE);
        assertThat(AppliedIndex.NONE.index()).isEqualTo(-1);
    }

    @Test
    void apply_putsAndDeletes_landTogetherWithIndex() {
        store.put(new StorageEntry("old", bytes("x")));
        store.apply(List.of(
                Mutation.put("a", bytes("1")),
                Mutation.put("b/c", bytes("2")),
                Mutation.delete("old")), new AppliedIndex(1, 0));

        assertThat(value(store, "a")).isEqualTo("1");
        assertThat(value(store, "b/c")).isEqualTo("2");
        assertThat(store.get("old")).isNull();
        assertThat(store.appliedIndex()).isEqualTo(new AppliedIndex(1, 0));
    }

    @Test
    void apply_sameKeyTwiceInBatch_lastMutationWins() {
        store.apply(List.of(
                Mutation.put("k", bytes("first")),
                Mutation.delete("k"),
                Mutation.put("k", bytes("last"))), new AppliedIndex(1, 1));
        assertThat(value(store, "k")).isEqualTo("last");
    }

    @Test
    void apply_emptyBatch_onlyRecordsIndex() {
        store.apply(List.of(), new AppliedIndex(2, 5));
        assertThat(store.appliedIndex()).isEqualTo(new AppliedIndex(2, 5));
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void apply_indexNotAdvancing_isRefusedAndWritesNothing() {
        store.apply(List.of(Mutation.put("k", bytes("v1"))), new AppliedIndex(3, 10));

        assertThatThrownBy(() -> store.apply(List.of(Mutation.put("k", bytes("v2"))), new AppliedIndex(3, 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 10");
        assertThatThrownBy(() -> store.apply(List.of(Mutation.put("k", bytes("v3"))), new AppliedIndex(2, 11)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(value(store, "k")).isEqualTo("v1");
        assertThat(store.appliedIndex()).isEqualTo(new AppliedIndex(3, 10));
    }

    @Test
    void apply_invalidKeyInBatch_writesNothing() {
        assertThatThrownBy(() -> store.apply(List.of(
                Mutation.put("fine", bytes("1")),
                Mutation.put("bad\uDC00", bytes("2"))), new AppliedIndex(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get("fine")).isNull();
        assertThat(store.appliedIndex()).isEqualTo(AppliedIndex.NONE);
    }

    @Test
    void apply_thenReopen_keepsDataAndAppliedIndex() {
        for (int i = 0; i < 20; i++) {
            store.apply(List.of(Mutation.put("e/" + i, bytes("v" + i))), new AppliedIndex(1 + i / 10, i));
        }
        store.close();
        store = new RocksDbBackend(dir);

        assertThat(store.appliedIndex()).isEqualTo(new AppliedIndex(2, 19));
        assertThat(store.list("e/")).hasSize(20);
        assertThat(value(store, "e/13")).isEqualTo("v13");
        store.apply(List.of(), new AppliedIndex(2, 20));
        assertThat(store.appliedIndex().index()).isEqualTo(20);
    }

    @Test
    void applyUnsynced_isVisibleAtOnce_andKeptByCloseAndReopen() {
        for (int i = 0; i < 20; i++) {
            store.applyUnsynced(List.of(Mutation.put("u/" + i, bytes("v" + i)), Mutation.delete("u/" + (i - 1) + "/x")),
                    new AppliedIndex(1, i));
            assertThat(value(store, "u/" + i)).isEqualTo("v" + i);
            assertThat(store.appliedIndex()).isEqualTo(new AppliedIndex(1, i));
        }
        store.close();
        store = new RocksDbBackend(dir);

        assertThat(store.appliedIndex()).isEqualTo(new AppliedIndex(1, 19));
        assertThat(store.list("u/")).hasSize(20);
        assertThat(value(store, "u/7")).isEqualTo("v7");
    }

    @Test
    void applyUnsynced_indexNotAdvancing_isRefusedAndWritesNothing() {
        store.applyUnsynced(List.of(Mutation.put("k", bytes("v1"))), new AppliedIndex(3, 10));

        assertThatThrownBy(() -> store.applyUnsynced(List.of(Mutation.put("k", bytes("v2"))), new AppliedIndex(3, 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 10");
        assertThat(value(store, "k")).isEqualTo("v1");
        assertThat(store.appliedIndex()).isEqualTo(new AppliedIndex(3, 10));
    }

    @Test
    void checkpoint_afterUnsyncedApplies_holdsThemWithTheirIndex() {
        store.applyUnsynced(List.of(Mutation.put("raft/a", bytes("1"))), new AppliedIndex(4, 40));
        store.applyUnsynced(List.of(Mutation.put("raft/b", bytes("2"))), new AppliedIndex(4, 41));

        Path copy = store.checkpoint(temp.resolve("snapshots/cp-41"));
        try (RocksDbBackend restored = new RocksDbBackend(copy)) {
            assertThat(restored.appliedIndex()).isEqualTo(new AppliedIndex(4, 41));
            assertThat(restored.list("raft/")).containsExactly("a", "b");
            restored.verifyChecksums();
        }
    }

    @Test
    void largeValues_goToBlobFiles_andSurviveCheckpointReopenAndOverwrite() throws Exception {
        // 1 KiB values (>= MIN_BLOB_SIZE) are separated at flush; 10-byte values stay in the tables
        byte[] large = new byte[1024];
        List<Mutation> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            large[0] = (byte) i;
            batch.add(Mutation.put("big/" + i, large.clone()));
            batch.add(Mutation.put("small/" + i, bytes("s" + i)));
        }
        store.applyUnsynced(batch, new AppliedIndex(2, 20));
        store.applyUnsynced(List.of(Mutation.put("big/7", bytes("overwritten small")), Mutation.delete("big/8")),
                new AppliedIndex(2, 21));

        Path copy = store.checkpoint(temp.resolve("snapshots/blobs"));
        try (var files = Files.list(copy)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.endsWith(".blob"));
        }
        store.close();
        for (Path path : List.of(copy, dir)) {
            try (RocksDbBackend reopened = new RocksDbBackend(path)) {
                assertThat(reopened.appliedIndex()).isEqualTo(new AppliedIndex(2, 21));
                assertThat(reopened.get("big/0").value()).hasSize(1024).startsWith(0);
                assertThat(reopened.get("big/199").value()).hasSize(1024).startsWith((byte) 199);
                assertThat(value(reopened, "big/7")).isEqualTo("overwritten small");
                assertThat(reopened.get("big/8")).isNull();
                assertThat(value(reopened, "small/42")).isEqualTo("s42");
                assertThat(reopened.list("big/")).hasSize(199);
                reopened.verifyChecksums();
            }
        }
        store = new RocksDbBackend(dir);
    }

    @Test
    void appliedIndex_isOutsideLogicalKeyspace() {
        store.apply(List.of(Mutation.put("k", bytes("v"))), new AppliedIndex(1, 1));
        assertThat(store.list("")).containsExactly("k");
        assertThat(store.get("applied_index")).isNull();
        assertThat(store.get("format_version")).isNull();
    }

    @Test
    void checkpoint_opensAsStoreWithSameDataAndIndex() {
        store.put(new StorageEntry("plain", bytes("p")));
        store.apply(List.of(Mutation.put("raft/a", bytes("1")), Mutation.put("raft/b", bytes("2"))),
                new AppliedIndex(4, 40));

        Path copy = store.checkpoint(temp.resolve("snapshots/cp-40"));
        store.put(new StorageEntry("after", bytes("not in the checkpoint")));

        assertThat(copy).isEqualTo(temp.resolve("snapshots/cp-40").toAbsolutePath());
        try (RocksDbBackend restored = new RocksDbBackend(copy)) {
            assertThat(restored.appliedIndex()).isEqualTo(new AppliedIndex(4, 40));
            assertThat(restored.list("")).containsExactly("plain", "raft/");
            assertThat(value(restored, "raft/b")).isEqualTo("2");
            assertThat(restored.get("after")).isNull();
            restored.verifyChecksums();
        }
        assertThat(value(store, "after")).isEqualTo("not in the checkpoint");
    }

    @Test
    void checkpoint_leavesNoStagingDirectoryBehind() throws Exception {
        store.put(new StorageEntry("k", bytes("v")));
        store.checkpoint(temp.resolve("snaps/one"));
        try (var entries = Files.list(temp.resolve("snaps"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("one");
        }
    }

    @Test
    void checkpoint_existingTarget_isRefused() throws Exception {
        Path target = Files.createDirectory(temp.resolve("taken"));
        assertThatThrownBy(() -> store.checkpoint(target))
                .isInstanceOf(FileStorageException.class)
                .hasMessageContaining("already exists");
    }
}

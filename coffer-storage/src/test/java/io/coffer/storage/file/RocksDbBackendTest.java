package io.coffer.storage.file;

import io.coffer.sdk.logical.StorageEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file storage beyond the common contract: reopen, listing details, closing, locking. */
class RocksDbBackendTest {
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

    private void put(String key, String value) {
        store.put(new StorageEntry(key, bytes(value)));
    }

    private RocksDbBackend reopen() {
        store.close();
        store = new RocksDbBackend(dir);
        return store;
    }

    @Test
    void type_always_isFile() {
        assertThat(store.type()).isEqualTo("file");
    }

    @Test
    void constructor_missingDirectory_createsItWithParents() {
        Path nested = temp.resolve("a/b/c");
        try (RocksDbBackend other = new RocksDbBackend(nested)) {
            assertThat(Files.isDirectory(nested)).isTrue();
            assertThat(other.directory()).isEqualTo(nested.toAbsolutePath());
        }
    }

    @Test
    void reopen_afterClose_keepsEveryEntryAndDeletion() {
        for (int i = 0; i < 100; i++) {
            put("app/k" + i, "v" + i);
        }
        put("gone", "soon");
        store.delete("gone");
        store.delete("app/k7");

        reopen();

        assertThat(store.get("gone")).isNull();
        assertThat(store.get("app/k7")).isNull();
        assertThat(store.get("app/k42").value()).isEqualTo(bytes("v42"));
        assertThat(store.list("app/")).hasSize(99);
        assertThat(store.list("")).containsExactly("app/");
    }

    @Test
    void reopen_twice_keepsOverwrittenValue() {
        put("k", "one");
        reopen();
        put("k", "two");
        reopen();
        assertThat(store.get("k").value()).isEqualTo(bytes("two"));
    }

    @Test
    void list_largeFolder_returnsItOnce() {
        for (int i = 0; i < 500; i++) {
            put("big/" + i + "/leaf", "x");
        }
        put("big0", "sibling");
        put("a", "first");
        assertThat(store.list("")).containsExactly("a", "big/", "big0");
        assertThat(store.list("big/")).hasSize(500).allMatch(child -> child.endsWith("/"));
    }

    @Test
    void list_emptySegments_treatsThemAsChildren() {
        put("f//x", "1");
        put("f/", "2");
        assertThat(store.list("f/")).containsExactly("/");
    }

    @Test
    void list_prefixWithoutSlash_matchesStorageKeysSemantics() {
        put("abc", "1");
        put("abd/e", "2");
        put("b", "3");
        assertThat(store.list("ab")).containsExactly("c", "d/");
    }

    @Test
    void list_nonAsciiKeys_sortedAsJavaStrings() {
        put("u/\uFF21", "fullwidth A");
        put("u/\uD83D\uDE00", "emoji, a surrogate pair");
        put("u/z", "ascii");
        put("u/\u00E9/x", "folder with accent");
        assertThat(store.list("u/")).containsExactly("z", "\u00E9/", "\uD83D\uDE00", "\uFF21");
        assertThat(store.get("u/\uD83D\uDE00").value()).isEqualTo(bytes("emoji, a surrogate pair"));
    }

    @Test
    void put_keyThatIsNotUnicode_isRefused() {
        assertThatThrownBy(() -> put("bad/\uD800", "lone surrogate"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.list("bad/")).isEmpty();
    }

    @Test
    void constructor_directoryAlreadyOpen_failsWithoutHarm() {
        put("k", "v");
        assertThatThrownBy(() -> new RocksDbBackend(dir))
                .isInstanceOf(FileStorageException.class)
                .hasMessageContaining(dir.toString());
        assertThat(store.get("k").value()).isEqualTo(bytes("v"));
    }

    @Test
    void get_afterClose_throwsFileStorageException() {
        store.close();
        assertThatThrownBy(() -> store.get("k"))
                .isInstanceOf(FileStorageException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> put("k", "v")).isInstanceOf(FileStorageException.class);
    }

    @Test
    void close_twice_isNoOp() {
        store.close();
        store.close();
    }

    @Test
    void put_sixteenConcurrentWriters_everyWriteLandsAndSurvivesReopen() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        put("c/" + thread + "/" + i, thread + ":" + i);
                        if (i % 10 == 9) {
                            store.delete("c/" + thread + "/" + (i - 1));
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        reopen();
        assertThat(store.list("c/")).hasSize(16);
        for (int t = 0; t < 16; t++) {
            assertThat(store.list("c/" + t + "/")).hasSize(45);
            assertThat(store.get("c/" + t + "/49").value()).isEqualTo(bytes(t + ":49"));
            assertThat(store.get("c/" + t + "/48")).isNull();
        }
    }

    @Test
    void verifyChecksums_healthyStore_passes() {
        put("k", "v");
        store.checkpoint(temp.resolve("cp"));
        store.verifyChecksums();
    }
}

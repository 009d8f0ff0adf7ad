package io.coffer.core.storage;

import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link Storage} — physical backend, barrier, view — must pass: round
 * trips, overwrite, delete, and Vault's list-immediate-children semantics.
 */
public abstract class StorageContractTest {
    protected Storage storage;

    /** A fresh, empty storage for each test. */
    protected abstract Storage newStorage();

    @BeforeEach
    void setUp() {
        storage = newStorage();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void put(String key, String value) {
        storage.put(new StorageEntry(key, bytes(value)));
    }

    @Test
    void get_absentKey_returnsNull() {
        assertThat(storage.get("nothing/here")).isNull();
    }

    @Test
    void put_thenGet_returnsSameBytes() {
        put("a/b", "value");
        assertThat(storage.get("a/b").value()).isEqualTo(bytes("value"));
        assertThat(storage.get("a/b").key()).isEqualTo("a/b");
    }

    @Test
    void put_emptyValue_roundTrips() {
        storage.put(new StorageEntry("empty", new byte[0]));
        assertThat(storage.get("empty").value()).isEmpty();
    }

    @Test
    void put_binaryValue_roundTrips() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        storage.put(new StorageEntry("bin", all));
        assertThat(storage.get("bin").value()).isEqualTo(all);
    }

    @Test
    void put_existingKey_overwrites() {
        put("k", "one");
        put("k", "two");
        assertThat(storage.get("k").value()).isEqualTo(bytes("two"));
    }

    @Test
    void delete_existingKey_removesIt() {
        put("k", "v");
        storage.delete("k");
        assertThat(storage.get("k")).isNull();
    }

    @Test
    void delete_absentKey_isNoOp() {
        storage.delete("never/was");
        assertThat(storage.get("never/was")).isNull();
    }

    @Test
    void list_mixedLeavesAndFolders_returnsImmediateChildrenSorted() {
        put("app/db", "1");
        put("app/web/config", "2");
        put("app/web/tls/cert", "3");
        put("app/api", "4");
        put("other", "5");
        assertThat(storage.list("app/")).containsExactly("api", "db", "web/");
        assertThat(storage.list("app/web/")).containsExactly("config", "tls/");
        assertThat(storage.list("")).containsExactly("app/", "other");
    }

    @Test
    void list_keyAndFolderOfSameName_returnsBoth() {
        put("x", "leaf");
        put("x/y", "child");
        assertThat(storage.list("")).containsExactly("x", "x/");
    }

    @Test
    void list_prefixSharingCharacters_doesNotLeakSiblings() {
        put("ab/c", "1");
        put("abc/d", "2");
        assertThat(storage.list("ab/")).containsExactly("c");
    }

    @Test
    void list_emptyPrefixWithNothing_returnsEmpty() {
        assertThat(storage.list("missing/")).isEmpty();
    }

    @Test
    void list_afterDeletingLastChild_dropsFolder() {
        put("f/only", "1");
        storage.delete("f/only");
        assertThat(storage.list("")).doesNotContain("f/");
    }

    @Test
    void put_concurrentWritersOnDistinctKeys_allLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        put("c/" + thread + "-" + i, "v" + i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(storage.list("c/")).hasSize(400);
        assertThat(storage.get("c/3-99").value()).isEqualTo(bytes("v99"));
    }

    @Test
    void applyBatch_putsAndDeletes_allApplyInOrder() {
        put("b/gone", "old");
        put("b/kept", "old");
        storage.applyBatch(List.of(
                io.coffer.sdk.logical.StorageChange.put(new StorageEntry("b/new", bytes("1"))),
                io.coffer.sdk.logical.StorageChange.delete("b/gone"),
                io.coffer.sdk.logical.StorageChange.put(new StorageEntry("b/kept", bytes("2"))),
                io.coffer.sdk.logical.StorageChange.put(new StorageEntry("b/new", bytes("3")))));
        assertThat(storage.get("b/gone")).isNull();
        assertThat(storage.get("b/kept").value()).isEqualTo(bytes("2"));
        assertThat(storage.get("b/new").value()).isEqualTo(bytes("3"));
        assertThat(storage.list("b/")).containsExactly("kept", "new");
    }

    @Test
    void applyBatch_empty_changesNothing() {
        put("e/k", "v");
        storage.applyBatch(List.of());
        assertThat(storage.get("e/k").value()).isEqualTo(bytes("v"));
    }
}

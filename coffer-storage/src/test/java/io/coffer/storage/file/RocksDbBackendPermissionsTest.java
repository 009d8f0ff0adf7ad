package io.coffer.storage.file;

import io.coffer.sdk.logical.StorageEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Directories 0700 and files 0600, at every moment a test can observe. */
class RocksDbBackendPermissionsTest {
    @TempDir
    Path temp;

    /**
     * Every path under {@code root} (itself included) whose mode is not owner-only: 0700 for
     * directories, 0600 for files. A file RocksDB deletes while we look is skipped.
     */
    private static List<String> notOwnerOnly(Path root) throws IOException {
        List<String> wrong = new ArrayList<>();
        collect(root, root, wrong);
        return wrong;
    }

    private static void collect(Path root, Path path, List<String> wrong) throws IOException {
        boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        try {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
            if (!mode.equals(directory ? "rwx------" : "rw-------")) {
                wrong.add(root.relativize(path) + " " + mode);
            }
        } catch (NoSuchFileException e) {
            return;
        }
        if (directory) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    collect(root, child, wrong);
                }
            }
        }
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void open_newStore_directoryAndEveryFileOwnerOnly() throws Exception {
        Path dir = temp.resolve("store");
        try (RocksDbBackend store = new RocksDbBackend(dir)) {
            assertThat(fileNames(dir)).contains("CURRENT", "LOCK", "IDENTITY", "LOG")
                    .anyMatch(name -> name.startsWith("MANIFEST-"))
                    .anyMatch(name -> name.endsWith(".log"));
            assertThat(notOwnerOnly(dir)).isEmpty();
            for (int i = 0; i < 50; i++) {
                store.put(new StorageEntry("k" + i, new byte[100]));
            }
            assertThat(notOwnerOnly(dir)).isEmpty();
        }
        assertThat(notOwnerOnly(dir)).isEmpty();
    }

    @Test
    void blobFiles_ofLargeValues_areOwnerOnly() throws Exception {
        Path dir = temp.resolve("store");
        try (RocksDbBackend store = new RocksDbBackend(dir)) {
            for (int i = 0; i < 50; i++) {
                store.put(new StorageEntry("k" + i, new byte[2048]));
            }
            store.checkpoint(temp.resolve("checkpoint"));
            assertThat(fileNames(dir)).anyMatch(name -> name.endsWith(".blob"));
            assertThat(notOwnerOnly(dir)).isEmpty();
            assertThat(notOwnerOnly(temp.resolve("checkpoint"))).isEmpty();
        }
    }

    @Test
    void open_afterReopen_everyFileOwnerOnly() throws Exception {
        Path dir = temp.resolve("store");
        for (int round = 0; round < 3; round++) {
            try (RocksDbBackend store = new RocksDbBackend(dir)) {
                store.put(new StorageEntry("round" + round, new byte[]{(byte) round}));
                assertThat(notOwnerOnly(dir)).isEmpty();
            }
        }
        assertThat(fileNames(dir)).anyMatch(name -> name.startsWith("LOG.old"));
        assertThat(notOwnerOnly(dir)).isEmpty();
    }

    @Test
    void open_existingLooseDirectory_tightensIt() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("loose"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (RocksDbBackend store = new RocksDbBackend(dir)) {
            assertThat(store.directory()).isEqualTo(dir.toAbsolutePath());
            assertThat(notOwnerOnly(dir)).isEmpty();
        }
    }

    @Test
    void open_missingParents_createsThemOwnerOnlyAndLeavesExistingParentAlone() throws Exception {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (RocksDbBackend store = new RocksDbBackend(temp.resolve("x/y/store"))) {
            assertThat(store.directory()).startsWith(temp.resolve("x").toAbsolutePath());
            assertThat(notOwnerOnly(temp.resolve("x"))).isEmpty();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void checkpoint_storeAndCopy_everyFileOwnerOnly() throws Exception {
        Path dir = temp.resolve("store");
        try (RocksDbBackend store = new RocksDbBackend(dir)) {
            store.put(new StorageEntry("k", new byte[]{1}));
            Path copy = store.checkpoint(temp.resolve("snapshots/cp"));
            assertThat(fileNames(dir)).anyMatch(name -> name.endsWith(".sst"));
            assertThat(notOwnerOnly(dir)).isEmpty();
            assertThat(notOwnerOnly(temp.resolve("snapshots"))).isEmpty();
            assertThat(fileNames(copy)).contains("CURRENT");
        }
    }

    @Test
    void flush_triggeredByVolume_newFilesBecomeOwnerOnly() throws Exception {
        Path dir = temp.resolve("store");
        try (RocksDbBackend store = new RocksDbBackend(dir)) {
            // a memtable holds 64 MiB by default: overfill it in one batch, then write once more
            // so RocksDB switches to a new memtable and write-ahead log and flushes the old one
            byte[] big = new byte[1 << 20];
            List<Mutation> batch = new ArrayList<>();
            for (int i = 0; i < 66; i++) {
                batch.add(Mutation.put("big/" + i, big));
            }
            store.apply(batch, new AppliedIndex(1, 1));
            store.put(new StorageEntry("after", new byte[]{1}));

            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
                assertThat(fileNames(dir)).anyMatch(name -> name.endsWith(".sst"));
                assertThat(notOwnerOnly(dir)).isEmpty();
            });
            assertThat(store.get("big/65").size()).isEqualTo(1 << 20);
        }
    }
}

package io.coffer.raft;

import io.coffer.raft.snapshot.SnapshotArchive;
import io.coffer.raft.snapshot.SnapshotMeta;
import io.coffer.raft.snapshot.StateFile;
import io.coffer.raft.statemachine.StoreKeys;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.storage.file.AppliedIndex;
import io.coffer.storage.file.RocksDbBackend;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Saves a snapshot of a running node's store: a RocksDB checkpoint of the store (a consistent
 * point-in-time copy, hard links, cheap) is made in a private working directory
 * {@code <path>/snapshot-export-<uuid>/} next to the store, every entry of the copy is written to
 * a {@code state.bin} there, then the archive (see {@link SnapshotArchive}) is streamed to the
 * caller and the working directory deleted. The node applies entries all the while. A working
 * directory left by a crash is deleted when the node next starts.
 */
final class SnapshotExport {
    static final String WORK_PREFIX = "snapshot-export-";

    private SnapshotExport() {
    }

    /** Streams a snapshot of {@code node}'s store to {@code out}, which stays open. */
    static void write(RaftNode node, Path directory, Clock clock, OutputStream out) {
        Path work = directory.resolve(WORK_PREFIX + UUID.randomUUID());
        try {
            RaftNode.createPrivateDirectories(work);
            Path copy = node.stateMachine().checkpointTo(work.resolve("store"));
            Path state = work.resolve("state.bin");
            MessageDigest digest = SnapshotArchive.sha256();
            SnapshotMeta meta;
            try (RocksDbBackend db = new RocksDbBackend(copy)) {
                AppliedIndex applied = db.appliedIndex();
                List<String> keys = StoreKeys.all(db);
                try (OutputStream file = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(state,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 64 * 1024), digest)) {
                    StateFile.Writer writer = new StateFile.Writer(file, keys.size());
                    for (String key : keys) {
                        StorageEntry e = db.get(key);
                        writer.write(key, e.value());
                    }
                    writer.finish();
                }
                meta = new SnapshotMeta(node.id(), applied.index(), applied.term(), keys.size(), clock.instant());
            }
            Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-------"));
            SnapshotArchive.write(out, meta, state, digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("saving a Raft snapshot of node " + node.id() + " failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(work);
        }
    }

    /** Deletes working directories a crash left under {@code directory}. */
    static void deleteLeftovers(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, WORK_PREFIX + "*")) {
            for (Path p : entries) {
                deleteQuietly(p);
            }
        } catch (IOException e) {
            // best effort: a leftover only costs disk space
        }
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort
        }
    }
}

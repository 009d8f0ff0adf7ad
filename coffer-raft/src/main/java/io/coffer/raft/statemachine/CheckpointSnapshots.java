package io.coffer.raft.statemachine;

import io.coffer.storage.file.AppliedIndex;
import io.coffer.storage.file.RocksDbBackend;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The snapshots of one node, as Ratis sees them: each is a RocksDB checkpoint of the store in
 * its own directory {@code sm/snapshot.<term>_<index>} of the Ratis group directory, complete
 * from the moment it has that name (a checkpoint is renamed into place; an installed snapshot
 * is renamed into place by Ratis once every file arrived and its MD5 matched). A snapshot is
 * described to Ratis as the list of its files, which is what the leader streams to a follower
 * (Ratis's {@code .md5} side files are not part of it).
 */
final class CheckpointSnapshots implements StateMachineStorage {
    static final Pattern NAME = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");
    private static final String MD5_SUFFIX = ".md5";

    private volatile Path dir;
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();

    /** One complete snapshot directory and what Ratis is told about it. */
    record Snapshot(Path directory, AppliedIndex index, FileListSnapshotInfo info) {
    }

    @Override
    public void init(RaftStorage raftStorage) throws IOException {
        dir = raftStorage.getStorageDir().getStateMachineDir().toPath();
        Files.createDirectories(dir);
        reload();
    }

    @Override
    public FileListSnapshotInfo getLatestSnapshot() {
        Snapshot s = latest.get();
        return s == null ? null : s.info();
    }

    /** The newest complete snapshot, if any. */
    Optional<Snapshot> latest() {
        return Optional.ofNullable(latest.get());
    }

    @Override
    public void format() {
        // nothing to format: the directory is created by init
    }

    @Override
    public File getSnapshotDir() {
        return directory().toFile();
    }

    /** Rescans the directory (after Ratis replaced it with an installed snapshot). */
    void reload() throws IOException {
        List<Path> all = snapshotDirectories();
        latest.set(all.isEmpty() ? null : describe(all.get(0)));
    }

    /**
     * Checkpoints {@code store}, which is at {@code index}, into a new snapshot directory and
     * makes it the latest snapshot.
     */
    Snapshot create(RocksDbBackend store, AppliedIndex index) throws IOException {
        Path target = directory().resolve("snapshot." + index.term() + "_" + index.index());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Directories.deleteTree(target);
        }
        store.checkpoint(target);
        Snapshot s = describe(target);
        latest.set(s);
        return s;
    }

    @Override
    public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
        int keep = policy == null ? SnapshotRetentionPolicy.DEFAULT_ALL_SNAPSHOTS_RETAINED
                : policy.getNumSnapshotsRetained();
        if (keep <= 0) {
            return;
        }
        List<Path> all = snapshotDirectories();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            Directories.deleteTree(old);
        }
    }

    private Path directory() {
        return Objects.requireNonNull(dir, "the snapshot storage is not initialised");
    }

    /** Complete snapshot directories, newest (highest index) first. */
    private List<Path> snapshotDirectories() throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory())) {
            for (Path p : stream) {
                if (NAME.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        }
        Comparator<AppliedIndex> byIndex = Comparator.comparingLong(AppliedIndex::index)
                .thenComparingLong(AppliedIndex::term);
        out.sort(Comparator.comparing(CheckpointSnapshots::indexOf, byIndex.reversed()));
        return out;
    }

    static AppliedIndex indexOf(Path snapshotDir) {
        Matcher m = NAME.matcher(snapshotDir.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a snapshot directory name: " + snapshotDir.getFileName());
        }
        return new AppliedIndex(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    private static Snapshot describe(Path snapshotDir) throws IOException {
        AppliedIndex index = indexOf(snapshotDir);
        List<FileInfo> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(snapshotDir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !p.getFileName().toString().endsWith(MD5_SUFFIX)) {
                    // no digest: the leader computes it while streaming each file
                    files.add(new FileInfo(p, null));
                }
            }
        }
        if (files.isEmpty()) {
            throw new IOException("snapshot directory " + snapshotDir + " holds no files");
        }
        return new Snapshot(snapshotDir, index, new FileListSnapshotInfo(files, index.term(), index.index()));
    }
}

package io.coffer.raft.statemachine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Replaces a node's RocksDB store directory with a copy of a snapshot (a RocksDB checkpoint),
 * crash-safely. The copy is built in {@code <store>.installing}, synced, and renamed to
 * {@code <store>.installed} once complete; then the old store is renamed to
 * {@code <store>.old}, the new one to {@code <store>}, and the old one deleted. After a crash at
 * any step, {@link #recover} finishes or discards the installation: the store directory always
 * ends up holding either the old store or the complete new one, never a mix.
 *
 * <p>Table and blob files ({@code .sst}, {@code .blob}: never modified by RocksDB once
 * written) are hard-linked when the snapshot is on the same file system; everything else is
 * copied, because RocksDB rewrites or appends to it. Ratis's {@code .md5} side files are left
 * out. The store must be closed.
 */
final class StoreInstaller {
    private static final String MD5_SUFFIX = ".md5";

    private StoreInstaller() {
    }

    /** Completes an installation that was fully copied before a crash, or discards a partial one. */
    static void recover(Path store) throws IOException {
        Directories.deleteTree(sibling(store, "installing"));
        Path installed = sibling(store, "installed");
        if (Files.exists(installed, LinkOption.NOFOLLOW_LINKS)) {
            swapIn(store, installed);
        }
        Directories.deleteTree(sibling(store, "old"));
    }

    /** Replaces the (closed) store under {@code store} with a copy of {@code snapshot}. */
    static void install(Path snapshot, Path store) throws IOException {
        recover(store);
        Path staging = sibling(store, "installing");
        Directories.createPrivate(staging);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(snapshot)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || name.endsWith(MD5_SUFFIX)) {
                    continue;
                }
                Path target = staging.resolve(name);
                if (!isImmutable(name) || !tryLink(target, file)) {
                    Files.copy(file, target);
                }
                Directories.sync(target);
            }
        }
        Directories.sync(staging);
        Path installed = sibling(store, "installed");
        Directories.moveDurably(staging, installed);
        swapIn(store, installed);
        Directories.deleteTree(sibling(store, "old"));
    }

    private static void swapIn(Path store, Path installed) throws IOException {
        if (Files.exists(store, LinkOption.NOFOLLOW_LINKS)) {
            Directories.moveDurably(store, sibling(store, "old"));
        }
        Directories.moveDurably(installed, store);
    }

    private static boolean isImmutable(String name) {
        return name.endsWith(".sst") || name.endsWith(".blob");
    }

    private static boolean tryLink(Path link, Path existing) {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static Path sibling(Path store, String suffix) {
        return store.resolveSibling(store.getFileName() + "." + suffix);
    }
}

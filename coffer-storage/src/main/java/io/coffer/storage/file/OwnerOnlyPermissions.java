package io.coffer.storage.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps a store directory readable by its owner only: directories 0700, files 0600.
 *
 * <p>RocksDB creates its files with mode 0644 (less the process umask) and its Java API
 * offers no way to change that, nor can Java set the umask. The directory's 0700 mode is
 * what keeps other users out (they cannot traverse into it, whatever the files' modes);
 * tightening the files as well keeps them private when they are copied or archived with
 * their modes, or when the directory's mode is later loosened. On a file system without
 * POSIX permissions every method is a no-op.
 */
final class OwnerOnlyPermissions {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyPermissions() {
    }

    private static boolean supported(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code dir} with mode 0700 (missing parents too), or sets an existing
     * {@code dir} to 0700; the modes of existing parents are left alone.
     */
    static void prepareDirectory(Path dir) throws IOException {
        if (!supported(dir)) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.isDirectory(dir)) {
            createMissing(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        }
        set(dir, DIRECTORY);
    }

    /** Creates {@code dir} and its missing parents with mode 0700; an existing one is left as is. */
    static void createMissing(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        if (!supported(dir)) {
            Files.createDirectories(dir);
            return;
        }
        createMissing(dir.getParent());
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        set(dir, DIRECTORY);
    }

    /**
     * Creates an empty 0700 directory next to {@code target} (same parent, so a rename from
     * it to {@code target} is atomic), with a hidden, unique name.
     */
    static Path createStagingDirectory(Path target) throws IOException {
        Path parent = target.getParent();
        String name = "." + target.getFileName() + ".staging-";
        if (!supported(target)) {
            return Files.createTempDirectory(parent, name);
        }
        Path staging = Files.createTempDirectory(parent, name, PosixFilePermissions.asFileAttribute(DIRECTORY));
        set(staging, DIRECTORY);
        return staging;
    }

    /** Deletes {@code root} and everything under it, ignoring failures; {@code null} is a no-op. */
    static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // best effort: a leftover hidden staging directory holds only owner-only files
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort, as above
        }
    }

    /**
     * Sets every directory under {@code root} (itself included) to 0700 and every regular
     * file to 0600, without following symbolic links; a file deleted meanwhile (RocksDB
     * removes obsolete files in the background) is skipped.
     */
    static void tighten(Path root) throws IOException {
        if (!supported(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                set(dir, DIRECTORY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    set(file, FILE);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void set(Path path, Set<PosixFilePermission> wanted) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
            }
        } catch (NoSuchFileException e) {
            // removed by RocksDB between listing and chmod: nothing left to protect
        }
    }
}

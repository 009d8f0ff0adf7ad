package io.coffer.core.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Appends audit lines to one file. Every line opens the file in append mode, writes the whole line
 * and closes it, under this sink's lock: lines never interleave, each is handed to the OS (no
 * fsync) before {@link #write} returns, a file removed or rotated away is simply created again,
 * and a path that became unwritable (directory gone, permissions) fails the very next line. A new file is created with the configured mode (0600 by default).
 */
final class FileSink implements AuditSink {
    private static final Set<OpenOption> APPEND_OPTIONS =
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);

    private final Path path;
    private final int mode;
    private final boolean posix;

    /** A sink for {@code path} with the file mode {@code mode} (0: leave an existing file's mode alone). */
    FileSink(Path path, int mode) {
        this.path = path;
        this.mode = mode;
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Prepares the file as Vault does on open: with a non-zero mode an existing file gets that
     * mode; with mode 0 the file must already exist.
     *
     * @throws IOException when the mode cannot be set, or mode 0 and no file
     */
    void open() throws IOException {
        if (mode == 0) {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString(), null, "mode 0000 needs an existing file");
            }
        } else if (posix && Files.exists(path)) {
            Files.setPosixFilePermissions(path, permissions(mode));
        }
    }

    @Override
    public synchronized void write(byte[] line) throws IOException {
        boolean existed = Files.exists(path);
        try (FileChannel out = FileChannel.open(path, APPEND_OPTIONS, createAttributes())) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }
        if (!existed && posix) {
            // created with the mode already (the umask can only narrow it); set it exactly, but the
            // line is written, so failing to do so must not count as a failed write
            try {
                Files.setPosixFilePermissions(path, permissions(effectiveMode()));
            } catch (IOException | UnsupportedOperationException e) {
                // keep the mode the creation gave
            }
        }
    }

    private int effectiveMode() {
        return mode == 0 ? FileAuditOptions.DEFAULT_MODE : mode;
    }

    private FileAttribute<?>[] createAttributes() {
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions(effectiveMode()))};
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    @Override
    public String toString() {
        return "FileSink[" + path + "]";
    }
}

package io.coffer.cli.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The token file {@code ~/.vault-token} that {@code login} writes and every command reads when
 * {@code VAULT_TOKEN} is not set (vault's default token helper).
 *
 * <p>The file is created with mode 0600 and holds the bare token; reads trim surrounding
 * whitespace.
 */
public final class TokenStore {
    private final Path file;

    /** Creates a store for the given file. */
    public TokenStore(Path file) {
        this.file = file;
    }

    /** Returns the store for {@code <home>/.vault-token}. */
    public static TokenStore inHome(Path home) {
        return new TokenStore(home.resolve(".vault-token"));
    }

    public Path file() {
        return file;
    }

    /** Returns the stored token, or {@code ""} when there is no file. */
    public String read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** Stores the token, replacing any previous one; the file ends up with mode 0600. */
    public void store(String token) throws IOException {
        Set<PosixFilePermission> owner =
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            if (!Files.exists(file)) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
            } else {
                Files.setPosixFilePermissions(file, owner);
            }
        }
        Files.writeString(file, token, StandardCharsets.UTF_8);
    }

    /** Removes the stored token if there is one. */
    public void erase() throws IOException {
        Files.deleteIfExists(file);
    }
}

package io.coffer.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * The Raft node id of a node whose configuration sets no {@code node_id}: generated once (a
 * UUID, as Vault does) and kept in {@code <path>/node-id} (0600), so the node keeps its
 * identity across restarts.
 */
final class NodeIdFile {
    static final String NAME = "node-id";

    private NodeIdFile() {
    }

    static String readOrCreate(Path raftDirectory) {
        Path file = raftDirectory.resolve(NAME);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (id.isEmpty()) {
                    throw new IllegalStateException(file + " is empty; set node_id or remove the file");
                }
                return id;
            }
            Files.createDirectories(raftDirectory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            String id = UUID.randomUUID().toString();
            Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))), id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }
}

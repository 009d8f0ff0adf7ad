package io.coffer.raft;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The membership file {@code cluster.json} in a Raft node's directory: which cluster (Raft group)
 * the directory belongs to and as which node. Written once, when the node bootstraps a cluster or
 * joins one; its presence is what makes a restarted node a member at once. Format version 1
 * (documented in {@code docs/storage-formats/raft.md}):
 *
 * <pre>{"format_version":1,"group_id":"&lt;uuid&gt;","node_id":"&lt;id&gt;"}</pre>
 *
 * Written atomically (a 0600 temporary file, synced, renamed over the target, directory synced),
 * so the file is always absent or complete. Reading is strict: unknown versions, missing or extra
 * fields and malformed JSON are refused with {@link IllegalStateException} naming the file.
 *
 * @param groupId the cluster's Raft group id
 * @param nodeId  this node's id in it
 */
record MembershipFile(UUID groupId, String nodeId) {
    static final String NAME = "cluster.json";
    static final int FORMAT_VERSION = 1;
    private static final Set<String> FIELDS = Set.of("format_version", "group_id", "node_id");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();
    private static final int MAX_BYTES = 64 * 1024;

    MembershipFile {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(nodeId, "nodeId");
    }

    /** The membership recorded in {@code directory}, if the file exists. */
    static Optional<MembershipFile> read(Path directory) {
        Path file = directory.resolve(NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw invalid(file, "it is larger than " + MAX_BYTES + " bytes");
            }
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                throw invalid(file, "it is not a JSON object");
            }
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw invalid(file, "unknown field " + name);
                }
            }
            JsonNode version = root.get("format_version");
            if (version == null || !version.isIntegralNumber()) {
                throw invalid(file, "format_version is missing or not an integer");
            }
            if (version.asLong() != FORMAT_VERSION) {
                throw invalid(file, "format_version " + version.asText() + " is not supported; this build reads "
                        + FORMAT_VERSION);
            }
            JsonNode group = root.get("group_id");
            JsonNode node = root.get("node_id");
            if (group == null || !group.isTextual() || node == null || !node.isTextual() || node.asText().isBlank()) {
                throw invalid(file, "group_id and node_id must be non-empty strings");
            }
            UUID groupId;
            try {
                groupId = UUID.fromString(group.asText());
            } catch (IllegalArgumentException e) {
                throw invalid(file, "group_id is not a UUID");
            }
            return Optional.of(new MembershipFile(groupId, node.asText()));
        } catch (IOException e) {
            throw invalid(file, "it cannot be read as JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Writes this membership to {@code directory} atomically and durably, mode 0600. */
    void write(Path directory) {
        Path file = directory.resolve(NAME);
        Path temp = directory.resolve(NAME + ".tmp");
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("group_id", groupId.toString());
        root.put("node_id", nodeId);
        try {
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            Files.deleteIfExists(temp);
            try {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(temp);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException e) {
                // some file systems cannot sync a directory; the rename itself is atomic
            }
        } catch (IOException e) {
            throw new RaftException("cannot write the Raft membership file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the membership file of {@code directory}, if any. */
    static void delete(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve(NAME));
        } catch (IOException e) {
            throw new RaftException("cannot remove the Raft membership file in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static IllegalStateException invalid(Path file, String why) {
        return new IllegalStateException("the Raft membership file " + file + " is not valid: " + why
                + "; it records which cluster this node belongs to, so it must be restored or the node re-joined");
    }
}

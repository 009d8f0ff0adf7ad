package io.coffer.raft.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code meta.json} of a snapshot (format version {@value #FORMAT_VERSION}): which node saved
 * it, the log index and term its store had applied, how many entries {@code state.bin} holds,
 * and when it was made. Parsing is strict: exactly these fields, of these types.
 *
 * @param nodeId       the node that saved the snapshot
 * @param appliedIndex the Raft log index of the last entry in the saved store ({@code -1}: none)
 * @param appliedTerm  the term of that entry
 * @param entryCount   the number of entries in {@code state.bin}
 * @param createdTime  when the snapshot was saved (UTC, millisecond precision)
 */
public record SnapshotMeta(String nodeId, long appliedIndex, long appliedTerm, long entryCount, Instant createdTime) {
    /** The only {@code meta.json} format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;
    private static final Set<String> FIELDS = Set.of(
            "format_version", "node_id", "applied_index", "applied_term", "entry_count", "created_time");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    public SnapshotMeta {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(createdTime, "createdTime");
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("the node id of a snapshot must not be blank");
        }
        if (appliedIndex < -1 || appliedTerm < 0 || entryCount < 0) {
            throw new IllegalArgumentException("a snapshot's applied index, term and entry count must not be negative");
        }
        createdTime = Instant.ofEpochMilli(createdTime.toEpochMilli());
    }

    /** The JSON document, UTF-8, pretty-printed, ending in a newline. */
    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("node_id", nodeId);
        root.put("applied_index", appliedIndex);
        root.put("applied_term", appliedTerm);
        root.put("entry_count", entryCount);
        root.put("created_time", createdTime.toString());
        try {
            byte[] body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            byte[] out = java.util.Arrays.copyOf(body, body.length + 1);
            out[body.length] = '\n';
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode meta.json", e);
        }
    }

    /**
     * Parses {@code meta.json}.
     *
     * @throws IllegalArgumentException when it is not exactly a format-1 document
     */
    static SnapshotMeta parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw SnapshotArchive.invalid("meta.json is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw SnapshotArchive.invalid("meta.json is not a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw SnapshotArchive.invalid("meta.json has an unknown field");
            }
        }
        long version = integer(root, "format_version");
        if (version != FORMAT_VERSION) {
            throw SnapshotArchive.invalid("meta.json has format_version " + version + "; this build reads version "
                    + FORMAT_VERSION);
        }
        String nodeId = text(root, "node_id");
        Instant created;
        try {
            created = Instant.parse(text(root, "created_time"));
        } catch (DateTimeParseException e) {
            throw SnapshotArchive.invalid("meta.json created_time is not an ISO-8601 instant");
        }
        try {
            return new SnapshotMeta(nodeId, integer(root, "applied_index"), integer(root, "applied_term"),
                    integer(root, "entry_count"), created);
        } catch (IllegalArgumentException e) {
            throw SnapshotArchive.invalid("meta.json: " + e.getMessage());
        }
    }

    private static long integer(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw SnapshotArchive.invalid("meta.json " + field + " is missing or not an integer");
        }
        return n.asLong();
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw SnapshotArchive.invalid("meta.json " + field + " is missing or not a non-empty string");
        }
        return n.asText();
    }
}

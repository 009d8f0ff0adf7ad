package io.coffer.builtin.secrets.kv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.sdk.logical.exception.InternalException;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.coffer.builtin.storage.JsonRecords.bool;
import static io.coffer.builtin.storage.JsonRecords.corrupt;
import static io.coffer.builtin.storage.JsonRecords.intValue;
import static io.coffer.builtin.storage.JsonRecords.longValue;
import static io.coffer.builtin.storage.JsonRecords.newRecord;
import static io.coffer.builtin.storage.JsonRecords.readRecord;

/**
 * Encodes and decodes the stored records of the KV engines as explicit, versioned JSON, the
 * format documented in {@code docs/storage-formats/kv.md}. Every KV v2 record carries
 * {@code "format_version": 1}; a record of an unknown format version or a malformed record is
 * refused with an {@link InternalException} whose message names the record kind only (never its
 * content). Thread-safe.
 *
 * <p>Secret data round-trips losslessly: JSON decimals are decoded as {@link java.math.BigDecimal}.
 */
public final class KvCodec {
    /** The format version this codec writes and the highest it reads. */
    public static final int FORMAT_VERSION = 1;

    private final ObjectMapper mapper;
    private final ObjectReader mapReader;
    private final ObjectWriter writer;
    private final KvMetadataReader metadataReader;
    private final KvMetadataWriter metadataWriter;

    public KvCodec() {
        this.mapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        JavaType mapType = mapper.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class);
        this.mapReader = mapper.readerFor(mapType);
        this.writer = mapper.writer();
        this.metadataReader = new KvMetadataReader(mapper.getFactory());
        this.metadataWriter = new KvMetadataWriter(mapper.getFactory());
    }

    // ---- KV v1 ------------------------------------------------------------------------------

    /** A KV v1 secret: the JSON object of its fields, exactly as written. */
    public byte[] encodeSecret(Map<String, Object> secret) {
        return write(secret, "kv secret");
    }

    /** Decodes a KV v1 secret into a mutable, insertion-ordered map. */
    public Map<String, Object> decodeSecret(byte[] bytes) {
        return readMap(bytes, "kv secret");
    }

    // ---- KV v2 version data -----------------------------------------------------------------

    /** A KV v2 version: {@code {"format_version":1,"data":{…}}}. */
    public byte[] encodeVersionData(Map<String, Object> data) {
        Map<String, Object> record = new LinkedHashMap<>(4);
        record.put("format_version", FORMAT_VERSION);
        record.put("data", data);
        return write(record, "kv version");
    }

    /** The secret data of a KV v2 version record. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> decodeVersionData(byte[] bytes) {
        Map<String, Object> record = readMap(bytes, "kv version");
        checkFormat(record.get("format_version"), "kv version");
        if (!(record.get("data") instanceof Map<?, ?> data)) {
            throw corrupt("kv version");
        }
        return (Map<String, Object>) data;
    }

    // ---- KV v2 config -----------------------------------------------------------------------

    /** The {@code config} record. */
    public byte[] encodeConfig(EngineConfig config) {
        ObjectNode node = newRecord(mapper, FORMAT_VERSION);
        node.put("max_versions", config.maxVersions());
        node.put("cas_required", config.casRequired());
        node.put("delete_version_after_nanos", config.deleteVersionAfter().toNanos());
        return write(node, "kv config");
    }

    /** Decodes a {@code config} record. */
    public EngineConfig decodeConfig(byte[] bytes) {
        String kind = "kv config";
        JsonNode node = readRecord(mapper, bytes, FORMAT_VERSION, kind);
        try {
            return new EngineConfig(intValue(node, "max_versions", kind), bool(node, "cas_required", kind),
                    Duration.ofNanos(longValue(node, "delete_version_after_nanos", kind)));
        } catch (IllegalArgumentException e) {
            throw corrupt(kind);
        }
    }

    // ---- KV v2 key metadata -----------------------------------------------------------------

    /** The {@code metadata/<path>} record. */
    public byte[] encodeMetadata(KeyMetadata meta) {
        return metadataWriter.write(meta);
    }

    /** Decodes a {@code metadata/<path>} record. */
    public KeyMetadata decodeMetadata(byte[] bytes) {
        return metadataReader.read(bytes);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private byte[] write(Object value, String kind) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InternalException("failed to encode " + kind + " record");
        }
    }

    private Map<String, Object> readMap(byte[] bytes, String kind) {
        try {
            Map<String, Object> map = mapReader.readValue(bytes);
            if (map == null) {
                throw corrupt(kind);
            }
            return map;
        } catch (IOException e) {
            throw corrupt(kind);
        }
    }

    /** Checks the {@code format_version} of a record decoded as a map. */
    private static void checkFormat(Object value, String kind) {
        if (!(value instanceof Integer || value instanceof Long)) {
            throw corrupt(kind);
        }
        if (((Number) value).longValue() != FORMAT_VERSION) {
            throw new InternalException("unsupported format_version of " + kind + " record");
        }
    }
}

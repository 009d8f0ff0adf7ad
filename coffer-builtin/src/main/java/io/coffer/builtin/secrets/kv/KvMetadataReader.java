package io.coffer.builtin.secrets.kv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.coffer.sdk.logical.exception.InternalException;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a stored {@code metadata/<path>} record with Jackson's streaming parser. Every KV v2
 * read decodes one of these, and streaming it is several times cheaper than building a tree.
 * Unknown fields are skipped (a newer minor format stays readable); a missing or mistyped field
 * or another {@code format_version} is refused with a message that names only the record kind.
 */
final class KvMetadataReader {
    private static final String KIND = "kv metadata";
    private final JsonFactory factory;

    KvMetadataReader(JsonFactory factory) {
        this.factory = factory;
    }

    KeyMetadata read(byte[] bytes) {
        try (JsonParser p = factory.createParser(bytes)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            long format = -1;
            String key = null;
            Instant created = null;
            Instant updated = null;
            Long current = null;
            Long oldest = null;
            Integer maxVersions = null;
            Boolean casRequired = null;
            Long deleteAfterNanos = null;
            Map<String, String> custom = null;
            TreeMap<Long, VersionMetadata> versions = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "format_version" -> format = integral(p, t);
                    case "key" -> key = text(p, t);
                    case "created_time" -> created = GoTime.parse(text(p, t));
                    case "updated_time" -> updated = GoTime.parse(text(p, t));
                    case "current_version" -> current = integral(p, t);
                    case "oldest_version" -> oldest = integral(p, t);
                    case "max_versions" -> maxVersions = Math.toIntExact(integral(p, t));
                    case "cas_required" -> casRequired = bool(t);
                    case "delete_version_after_nanos" -> deleteAfterNanos = integral(p, t);
                    case "custom_metadata" -> custom = t == JsonToken.VALUE_NULL ? null : stringMap(p, t);
                    case "versions" -> versions = versions(p, t);
                    default -> p.skipChildren();
                }
            }
            if (format != KvCodec.FORMAT_VERSION) {
                if (format == -1) {
                    throw corrupt();
                }
                throw new InternalException("unsupported format_version of " + KIND + " record");
            }
            if (key == null || created == null || updated == null || current == null || oldest == null
                    || maxVersions == null || casRequired == null || deleteAfterNanos == null || versions == null) {
                throw corrupt();
            }
            return new KeyMetadata(key, created, updated, current, oldest, maxVersions, casRequired,
                    Duration.ofNanos(deleteAfterNanos), custom, versions);
        } catch (IOException | IllegalArgumentException | ArithmeticException e) {
            throw corrupt();
        }
    }

    private static TreeMap<Long, VersionMetadata> versions(JsonParser p, JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        TreeMap<Long, VersionMetadata> out = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            long number = Long.parseLong(p.currentName());
            expect(p.nextToken(), JsonToken.START_OBJECT);
            Instant created = null;
            Instant deleted = null;
            Boolean destroyed = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "created_time" -> created = GoTime.parse(text(p, v));
                    case "deletion_time" -> deleted = v == JsonToken.VALUE_NULL ? null : GoTime.parse(text(p, v));
                    case "destroyed" -> destroyed = bool(v);
                    default -> p.skipChildren();
                }
            }
            if (created == null || destroyed == null) {
                throw corrupt();
            }
            out.put(number, new VersionMetadata(created, deleted, destroyed));
        }
        return out;
    }

    private static Map<String, String> stringMap(JsonParser p, JsonToken t) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        Map<String, String> out = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            out.put(name, text(p, p.nextToken()));
        }
        return out;
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        expect(t, JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static long integral(JsonParser p, JsonToken t) throws IOException {
        expect(t, JsonToken.VALUE_NUMBER_INT);
        return p.getLongValue();
    }

    private static boolean bool(JsonToken t) {
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw corrupt();
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw corrupt();
        }
    }

    private static InternalException corrupt() {
        return new InternalException("corrupt " + KIND + " record");
    }
}

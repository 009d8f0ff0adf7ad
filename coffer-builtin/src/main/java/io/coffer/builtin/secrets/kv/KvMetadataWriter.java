package io.coffer.builtin.secrets.kv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.coffer.sdk.logical.exception.InternalException;

import java.io.IOException;
import java.util.Map;

/**
 * Writes a {@code metadata/<path>} record with Jackson's streaming generator, the counterpart of
 * {@link KvMetadataReader}. Every KV v2 write encodes one of these (with up to
 * {@code max_versions} version entries); generating it directly costs a fraction of building a
 * tree and serialising that. The bytes are exactly those of the documented layout
 * ({@code docs/storage-formats/kv.md}): the fields in this order, times as
 * {@link GoTime#format}, {@code custom_metadata} and {@code deletion_time} as {@code null} when
 * absent. Thread-safe.
 */
final class KvMetadataWriter {
    private final JsonFactory factory;

    KvMetadataWriter(JsonFactory factory) {
        this.factory = factory;
    }

    byte[] write(KeyMetadata meta) {
        ByteArrayBuilder out = new ByteArrayBuilder(320 + 100 * meta.versions().size());
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("format_version", KvCodec.FORMAT_VERSION);
            g.writeStringField("key", meta.key());
            g.writeStringField("created_time", GoTime.format(meta.createdTime()));
            g.writeStringField("updated_time", GoTime.format(meta.updatedTime()));
            g.writeNumberField("current_version", meta.currentVersion());
            g.writeNumberField("oldest_version", meta.oldestVersion());
            g.writeNumberField("max_versions", meta.maxVersions());
            g.writeBooleanField("cas_required", meta.casRequired());
            g.writeNumberField("delete_version_after_nanos", meta.deleteVersionAfter().toNanos());
            if (meta.customMetadata() == null) {
                g.writeNullField("custom_metadata");
            } else {
                g.writeObjectFieldStart("custom_metadata");
                for (Map.Entry<String, String> e : meta.customMetadata().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeObjectFieldStart("versions");
            for (Map.Entry<Long, VersionMetadata> e : meta.versions().entrySet()) {
                VersionMetadata state = e.getValue();
                g.writeObjectFieldStart(Long.toString(e.getKey()));
                g.writeStringField("created_time", GoTime.format(state.createdTime()));
                if (state.deletionTime() == null) {
                    g.writeNullField("deletion_time");
                } else {
                    g.writeStringField("deletion_time", GoTime.format(state.deletionTime()));
                }
                g.writeBooleanField("destroyed", state.destroyed());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException | IllegalArgumentException e) {
            throw new InternalException("failed to encode kv metadata record");
        }
        return out.toByteArray();
    }
}

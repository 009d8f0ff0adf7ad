package io.coffer.core.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InternalException;

import java.io.IOException;

/**
 * The codec of core's stored records: JSON with snake_case names, every top-level record
 * carrying a {@code format_version}. Unknown fields are ignored so that a newer minor format
 * stays readable; a newer major {@code format_version} is refused by the record's reader.
 */
public final class StoredJson {
    private final ObjectMapper mapper = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Reads the record of type {@code type} at {@code key}, or {@code null} when absent. */
    public <T> T read(Storage storage, String key, Class<T> type) {
        StorageEntry entry = storage.get(key);
        return entry == null ? null : decode(entry.value(), type);
    }

    /** Writes {@code value} as JSON at {@code key}. */
    public void write(Storage storage, String key, Object value) {
        storage.put(new StorageEntry(key, encode(value)));
    }

    public byte[] encode(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new InternalException("failed to encode stored record", e);
        }
    }

    public <T> T decode(byte[] bytes, Class<T> type) {
        try {
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw new InternalException("stored record is unreadable: " + type.getSimpleName());
        }
    }

    /** The underlying mapper, for records that need tree access. */
    public ObjectMapper mapper() {
        return mapper;
    }
}

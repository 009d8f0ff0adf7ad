package io.coffer.sdk.framework;

import java.util.Objects;

/**
 * The declaration of one request field: name, type, default and help text.
 *
 * @param name         the wire name
 * @param type         how it is decoded
 * @param defaultValue the value when absent, already of the decoded type, or {@code null}
 * @param description  one line of help
 */
public record FieldSchema(String name, FieldType type, Object defaultValue, String description) {
    public FieldSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }

    public static FieldSchema of(String name, FieldType type, String description) {
        return new FieldSchema(name, type, null, description);
    }

    public static FieldSchema of(String name, FieldType type, Object defaultValue, String description) {
        return new FieldSchema(name, type, defaultValue, description);
    }
}

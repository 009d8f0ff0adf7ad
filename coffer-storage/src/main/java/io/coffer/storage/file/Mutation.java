package io.coffer.storage.file;

import java.util.Arrays;
import java.util.Objects;

/**
 * One put or delete of a batch applied atomically by {@link RocksDbBackend#apply}: a
 * {@code null} value deletes the key. Immutable: the value is copied in and out.
 *
 * @param key   the storage key (slash-separated path, as for {@code Storage.put})
 * @param value the bytes to store, or {@code null} to delete the key
 */
public record Mutation(String key, byte[] value) {

    public Mutation {
        Objects.requireNonNull(key, "key");
        value = value == null ? null : value.clone();
    }

    /** A mutation writing {@code value} at {@code key}. */
    public static Mutation put(String key, byte[] value) {
        return new Mutation(key, Objects.requireNonNull(value, "value"));
    }

    /** A mutation removing {@code key}. */
    public static Mutation delete(String key) {
        return new Mutation(key, null);
    }

    /** Whether this mutation removes its key. */
    public boolean isDelete() {
        return value == null;
    }

    /** A copy of the value, or {@code null} for a delete. */
    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mutation other && key.equals(other.key) && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    /** Names the key and the value's length, never its bytes. */
    @Override
    public String toString() {
        return isDelete() ? "Mutation[delete " + key + "]" : "Mutation[put " + key + ", " + value.length + " bytes]";
    }
}

package io.coffer.sdk.logical;

import java.util.Objects;

/**
 * One change in a batch written with {@link Storage#applyBatch}: a put of {@code value}, or a
 * delete when {@code value} is {@code null}. The value array is copied in and out.
 */
public final class StorageChange {
    private final String key;
    private final byte[] value;

    private StorageChange(String key, byte[] value) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = value == null ? null : value.clone();
    }

    public static StorageChange put(StorageEntry entry) {
        return new StorageChange(entry.key(), entry.value());
    }

    public static StorageChange delete(String key) {
        return new StorageChange(key, null);
    }

    public String key() {
        return key;
    }

    public boolean isDelete() {
        return value == null;
    }

    /** A copy of the value to put; {@code null} for a delete. */
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    /** The same change on another key (views and barriers map keys). */
    public StorageChange withKey(String newKey) {
        return new StorageChange(newKey, value);
    }

    /** The same key with another value (the barrier encrypts puts). */
    public StorageChange withValue(byte[] newValue) {
        return new StorageChange(key, Objects.requireNonNull(newValue, "value"));
    }

    @Override
    public String toString() {
        return isDelete() ? "StorageChange[delete " + key + "]" : "StorageChange[put " + key + ", " + value.length + " bytes]";
    }
}

package io.coffer.sdk.logical;

import java.util.Arrays;
import java.util.Objects;

/**
 * One stored value: a key and its bytes. The array is copied in and out, so an entry is
 * immutable.
 */
public final class StorageEntry {
    private final String key;
    private final byte[] value;

    public StorageEntry(String key, byte[] value) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = Objects.requireNonNull(value, "value").clone();
    }

    public String key() {
        return key;
    }

    /** A copy of the stored bytes. */
    public byte[] value() {
        return value.clone();
    }

    /** The length of the stored value in bytes. */
    public int size() {
        return value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorageEntry other && key.equals(other.key) && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "StorageEntry[key=" + key + ", " + value.length + " bytes]";
    }
}

package io.coffer.core.routing;

import io.coffer.core.storage.StoredJson;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.exception.InternalException;

import java.util.List;

/**
 * Persists the two mount tables (secret engines at {@code core/mounts}, auth methods at
 * {@code core/auth}) inside the barrier as versioned JSON, so no mount lives only in memory.
 */
public final class MountTableStore {
    static final int FORMAT_VERSION = 1;
    private final Storage barrier;
    private final StoredJson json;

    /** The stored form of one table. */
    public record Table(int formatVersion, List<MountEntry> entries) {
        public Table {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    public MountTableStore(Storage barrier, StoredJson json) {
        this.barrier = barrier;
        this.json = json;
    }

    /** The stored entries of {@code table}; {@code null} when the table was never written. */
    public List<MountEntry> load(String table) {
        Table t = json.read(barrier, key(table), Table.class);
        if (t == null) {
            return null;
        }
        if (t.formatVersion() != FORMAT_VERSION) {
            throw new InternalException("unsupported mount table format version " + t.formatVersion());
        }
        return t.entries();
    }

    public void save(String table, List<MountEntry> entries) {
        json.write(barrier, key(table), new Table(FORMAT_VERSION, entries));
    }

    private static String key(String table) {
        return MountEntry.TABLE_AUTH.equals(table) ? "core/auth" : "core/mounts";
    }
}

package io.coffer.core.audit;

import io.coffer.core.storage.StoredJson;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.exception.InternalException;

import java.util.List;

/**
 * Persists the audit device table inside the barrier at {@value #KEY} as versioned JSON
 * ({@code {"format_version":1,"entries":[…]}}), so an enabled device survives seal, restart and
 * leader change. See {@code docs/storage-formats/audit.md}.
 */
public final class AuditTableStore {
    static final String KEY = "core/audit";
    static final int FORMAT_VERSION = 1;

    private final Storage barrier;
    private final StoredJson json;

    /** The stored form of the table. */
    public record Table(int formatVersion, List<AuditDeviceEntry> entries) {
        public Table {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    public AuditTableStore(Storage barrier, StoredJson json) {
        this.barrier = barrier;
        this.json = json;
    }

    /** The stored entries; empty when the table was never written. */
    public List<AuditDeviceEntry> load() {
        Table t = json.read(barrier, KEY, Table.class);
        if (t == null) {
            return List.of();
        }
        if (t.formatVersion() != FORMAT_VERSION) {
            throw new InternalException("unsupported audit table format version " + t.formatVersion());
        }
        return t.entries();
    }

    public void save(List<AuditDeviceEntry> entries) {
        json.write(barrier, KEY, new Table(FORMAT_VERSION, entries));
    }
}

package io.coffer.raft.log;

import io.coffer.sdk.logical.StorageEntry;
import io.coffer.storage.file.Mutation;

import java.util.List;

/**
 * One decoded Raft log entry of Coffer's own: either a batch of mutations (every ordinary write)
 * or the replacement of the whole store (a snapshot restore). Immutable.
 */
public sealed interface LogEntry permits LogEntry.Batch, LogEntry.ReplaceStore {

    /** Puts and deletes applied in order, all or none. */
    record Batch(List<Mutation> mutations) implements LogEntry {
        public Batch {
            mutations = List.copyOf(mutations);
        }
    }

    /** After it is applied the store holds exactly {@code entries} (keys ascending as UTF-8 bytes, unique). */
    record ReplaceStore(List<StorageEntry> entries) implements LogEntry {
        public ReplaceStore {
            entries = List.copyOf(entries);
        }

        @Override
        public String toString() {
            return "ReplaceStore[" + entries.size() + " entries]";
        }
    }
}

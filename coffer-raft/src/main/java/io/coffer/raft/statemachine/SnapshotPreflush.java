package io.coffer.raft.statemachine;

/**
 * Decides when the state machine flushes its store ahead of Ratis's next automatic snapshot:
 * once per snapshot interval, when the applied index comes within an eighth of the snapshot
 * threshold of it. The snapshot's checkpoint runs on Ratis's apply thread and first flushes
 * the memtables, so no write is answered until that flush is done (100–250 ms under write
 * load); flushed ahead, in the background, less is left for it. Not thread-safe: called
 * under the state machine's lock.
 */
final class SnapshotPreflush {
    private final long threshold;
    private final long lead;
    private long flushedAfter = Long.MIN_VALUE;

    /** {@code snapshotThreshold}: Ratis's auto-trigger threshold in entries; 0 or less disables. */
    SnapshotPreflush(long snapshotThreshold) {
        this.threshold = snapshotThreshold;
        this.lead = Math.max(1, snapshotThreshold / 8);
    }

    /**
     * Whether to flush now that entry {@code appliedIndex} is applied and the newest snapshot is
     * at {@code snapshotIndex} (-1 for none): true once per snapshot index, from
     * {@code threshold - threshold/8} entries past it.
     */
    boolean due(long appliedIndex, long snapshotIndex) {
        if (threshold <= 0 || flushedAfter == snapshotIndex || appliedIndex - snapshotIndex < threshold - lead) {
            return false;
        }
        flushedAfter = snapshotIndex;
        return true;
    }
}

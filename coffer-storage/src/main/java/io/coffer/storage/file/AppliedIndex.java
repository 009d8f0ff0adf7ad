package io.coffer.storage.file;

/**
 * The Raft term and log index of the last entry applied to a store; written in the same
 * atomic batch as the entry's mutations, so the stored data and this index always agree.
 *
 * @param term  the Raft term of the entry, {@code >= 0}
 * @param index the Raft log index of the entry, {@code >= -1} ({@code -1}: nothing applied;
 *              Ratis numbers its log from 0)
 */
public record AppliedIndex(long term, long index) {

    /** The index of a store that has never applied a Raft entry. */
    public static final AppliedIndex NONE = new AppliedIndex(0, -1);

    public AppliedIndex {
        if (term < 0) {
            throw new IllegalArgumentException("term must be >= 0, was " + term);
        }
        if (index < -1) {
            throw new IllegalArgumentException("index must be >= -1, was " + index);
        }
    }

    /** Whether an entry at {@code next} may be applied after this one: a later index, no earlier term. */
    boolean precedes(AppliedIndex next) {
        return next.index > index && next.term >= term;
    }
}

package io.coffer.raft.log;

/**
 * A Raft log entry payload that is not a valid mutation batch (unknown format version,
 * truncated, trailing bytes, unknown operation, key that is not UTF-8). Its message names
 * offsets and lengths only, never a key or a value.
 */
public final class MalformedEntryException extends RuntimeException {

    public MalformedEntryException(String message) {
        super(message);
    }
}

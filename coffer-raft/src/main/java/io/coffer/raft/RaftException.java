package io.coffer.raft;

import io.coffer.sdk.logical.exception.InternalException;

/**
 * A failure of the integrated Raft storage (the node's Raft server is closed, a write was
 * refused or failed): HTTP 500 above the barrier unless a subtype is mapped otherwise. The
 * message names nodes, terms and indexes, never a key's value.
 */
public class RaftException extends InternalException {

    public RaftException(String message) {
        super(message);
    }

    public RaftException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.coffer.server.http;

import io.coffer.sdk.logical.exception.LogicalException;

/**
 * A standby cannot hand a request to an active node: none is known, or the request was already
 * forwarded once (forwarding it again could loop). HTTP 503 {@code no active Vault instance found}.
 */
final class NoActiveNodeException extends LogicalException {
    NoActiveNodeException() {
        super("no active Vault instance found");
    }
}

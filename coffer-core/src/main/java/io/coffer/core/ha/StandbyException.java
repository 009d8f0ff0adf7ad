package io.coffer.core.ha;

import java.util.Optional;

/**
 * Thrown when a request reaches a standby node, which does not serve it: the HTTP edge forwards
 * the request to the active node, or redirects the client there. Carries no request data.
 */
public final class StandbyException extends RuntimeException {
    private final transient Optional<String> activeAddress;

    /** @param activeAddress the active node's API address, if this node knows it */
    public StandbyException(Optional<String> activeAddress) {
        super("this node is a standby", null, false, false);
        this.activeAddress = activeAddress;
    }

    /** The active node's API address (for example {@code https://10.0.0.1:8200}), if known. */
    public Optional<String> activeAddress() {
        return activeAddress;
    }
}

package io.coffer.sdk.logical;

import java.util.Optional;

/**
 * A mounted engine: the thing behind a mount point that answers logical requests on the
 * paths below it. A backend sees only the {@link Storage} it is given.
 */
public interface Backend {

    /**
     * Answers {@code request}, whose {@link Request#relativePath()} is the path below the mount.
     *
     * @throws io.coffer.sdk.logical.exception.LogicalException for every expected failure
     */
    Response handleRequest(Request request);

    /**
     * Tells whether the target of a write exists, so that the router can authorise it as
     * {@link Operation#UPDATE} or {@link Operation#CREATE}; empty when the path has no
     * existence check (the write is then an update, as in Vault).
     */
    default Optional<Boolean> exists(Request request) {
        return Optional.empty();
    }

    /**
     * Paths below the mount that need {@code sudo} in addition to the operation's capability
     * (Vault's root-protected paths); a trailing {@code *} matches any suffix.
     */
    default java.util.List<String> rootPaths() {
        return java.util.List.of();
    }

    /**
     * Paths below the mount that need no token at all, such as login endpoints; a trailing
     * {@code *} matches any suffix.
     */
    default java.util.List<String> unauthenticatedPaths() {
        return java.util.List.of();
    }

    /** Called once after mounting, before the first request; may read its storage. */
    default void initialize() {
    }

    /** Called when the backend is unmounted or the node is sealed. */
    default void cleanup() {
    }
}

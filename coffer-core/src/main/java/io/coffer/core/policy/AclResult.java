package io.coffer.core.policy;

/**
 * The outcome of one {@link Acl#check}: whether the operation is allowed, and whether the matched
 * rule carries {@code sudo} (needed, in addition, on root-protected paths).
 *
 * <p>{@code sudo} is reported even when {@code allowed} is false, as Vault reports root
 * privileges; callers test {@code allowed} first.
 */
public record AclResult(boolean allowed, boolean sudo) {

    private static final AclResult DENIED = new AclResult(false, false);
    private static final AclResult DENIED_SUDO = new AclResult(false, true);
    private static final AclResult ALLOWED = new AclResult(true, false);
    private static final AclResult ALLOWED_SUDO = new AclResult(true, true);

    /** A shared instance for the given outcome, so checks do not allocate. */
    static AclResult of(boolean allowed, boolean sudo) {
        if (allowed) {
            return sudo ? ALLOWED_SUDO : ALLOWED;
        }
        return sudo ? DENIED_SUDO : DENIED;
    }
}

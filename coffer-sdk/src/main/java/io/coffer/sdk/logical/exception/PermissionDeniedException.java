package io.coffer.sdk.logical.exception;

/**
 * The caller may not do this: HTTP 403 with Vault's multi-error {@code permission denied} text.
 */
public class PermissionDeniedException extends LogicalException {

    private final boolean invalidToken;

    private PermissionDeniedException(String message, boolean invalidToken) {
        super(message);
        this.invalidToken = invalidToken;
    }

    /** The policy refused the request for a valid token. */
    public static PermissionDeniedException denied() {
        return new PermissionDeniedException("1 error occurred:\n\t* permission denied\n\n", false);
    }

    /** The token is missing, unknown, expired or revoked. */
    public static PermissionDeniedException invalidToken() {
        return new PermissionDeniedException("2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n", true);
    }

    /** A 403 with a specific message, e.g. the KV preflight refusal. */
    public static PermissionDeniedException withMessage(String message) {
        return new PermissionDeniedException(message, false);
    }

    /** Whether the refusal is for the token itself rather than the policy. */
    public boolean isInvalidToken() {
        return invalidToken;
    }
}

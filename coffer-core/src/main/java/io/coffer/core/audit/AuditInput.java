package io.coffer.core.audit;

import io.coffer.core.routing.MountEntry;
import io.coffer.core.token.TokenEntry;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.LogicalException;

/**
 * What the request pipeline knows about one request when it writes an audit entry: the request,
 * the token it presented and what that token resolved to, the mount it reached, and either the
 * response or the error. Holds clear values; only {@link AuditFormatter} turns it into a line, and
 * {@link #toString()} shows none of them.
 *
 * @param request     the request (routed when routing succeeded)
 * @param clientToken the token presented, empty for none
 * @param caller      the token's entry, or {@code null} when none resolved
 * @param mount       the mount the request reached, or {@code null}
 * @param response    the response, or {@code null} (request entries, failures)
 * @param error       the failure's message, or {@code null}
 */
public record AuditInput(Request request, String clientToken, TokenEntry caller, MountEntry mount, Response response,
                         String error) {

    public AuditInput {
        clientToken = clientToken == null ? "" : clientToken;
    }

    /** A request about to run (or refused) on behalf of {@code clientToken}. */
    public static AuditInput of(Request request, String clientToken, TokenEntry caller, MountEntry mount) {
        return new AuditInput(request, clientToken, caller, mount, null, null);
    }

    /** This input answered by {@code r}. */
    public AuditInput withResponse(Response r) {
        return new AuditInput(request, clientToken, caller, mount, r, null);
    }

    /**
     * This input failed with {@code e}. A {@link LogicalException}'s message is logged (those never
     * carry request values); anything else is logged as {@code internal error}, as the client sees it.
     */
    public AuditInput withError(Throwable e) {
        String message = e instanceof LogicalException && e.getMessage() != null && !e.getMessage().isEmpty()
                ? e.getMessage() : "internal error";
        return new AuditInput(request, clientToken, caller, mount, null, message);
    }

    @Override
    public String toString() {
        return "AuditInput[path=" + request.path() + ", operation=" + request.operation() + "]";
    }
}

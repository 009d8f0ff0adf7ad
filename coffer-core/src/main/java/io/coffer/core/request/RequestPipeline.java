package io.coffer.core.request;

import io.coffer.core.audit.AuditBroker;
import io.coffer.core.audit.AuditInput;
import io.coffer.core.auth.LoginTokens;
import io.coffer.core.identity.EffectivePolicies;
import io.coffer.core.policy.Acl;
import io.coffer.core.policy.AclResult;
import io.coffer.core.policy.PolicyStore;
import io.coffer.core.routing.MountEntry;
import io.coffer.core.routing.Route;
import io.coffer.core.routing.Router;
import io.coffer.core.token.TokenEntry;
import io.coffer.core.token.TokenStore;
import io.coffer.sdk.framework.Cidrs;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.List;
import java.util.Optional;

/**
 * The path of every logical request through an unsealed node: route → token → create/update
 * resolution → ACL of the token's and its entity's policies (plus sudo on root-protected paths) →
 * use counting → audit request entry →
 * backend → audit response entry. Each stage is a method with one job; nothing here knows about
 * HTTP. Auditing fails closed: a request whose entry no enabled audit device could write never
 * reaches its backend, and a response whose entry could not be written is replaced by an error.
 */
public final class RequestPipeline {
    private final Router router;
    private final TokenStore tokens;
    private final PolicyStore policies;
    private final EffectivePolicies effective;
    private final LoginTokens logins;
    private final AuditBroker audit;

    public RequestPipeline(Router router, TokenStore tokens, PolicyStore policies, EffectivePolicies effective,
                           LoginTokens logins, AuditBroker audit) {
        this.router = router;
        this.tokens = tokens;
        this.policies = policies;
        this.effective = effective;
        this.logins = logins;
        this.audit = audit;
    }

    /** A request that passed every check: its route, the routed request with its caller, the token after its use. */
    private record Admitted(Route route, Request request, TokenEntry used) {
    }

    /** Handles {@code request} on behalf of the bearer of {@code token} (may be empty). */
    public Response handle(Request request, String token) {
        TokenEntry presented = null;
        Admitted admitted;
        try {
            presented = presented(token, request.remoteAddress());
            admitted = admit(request, presented);
        } catch (RuntimeException e) {
            // refused before any backend ran: logged with its error, best effort (as Vault does)
            audit.logRejected(AuditInput.of(request, token, presented, null).withError(e));
            throw e;
        }
        AuditInput audited = AuditInput.of(admitted.request(), token, presented, admitted.route().entry());
        try {
            audit.logRequest(audited);
            Response response;
            try {
                response = execute(admitted);
            } catch (RuntimeException e) {
                audit.logResponse(audited.withError(e));
                throw e;
            }
            audit.logResponse(audited.withResponse(response));
            return response;
        } finally {
            TokenEntry used = admitted.used();
            if (used != null && used.numUses() < 0) {
                tokens.revokeTree(used);
            }
        }
    }

    /**
     * The valid token entry behind {@code token} for a client at {@code remoteAddress}, or
     * {@code null}: also what the special routes outside the pipeline check.
     */
    public TokenEntry presented(String token, String remoteAddress) {
        TokenEntry entry = tokens.lookup(token);
        if (entry != null && !Cidrs.allows(entry.boundCidrs(), remoteAddress)) {
            // a token bound to networks is no token at all elsewhere
            return null;
        }
        return entry;
    }

    /** Routes, authenticates, authorises and spends one use of {@code entry}; throws when refused. */
    private Admitted admit(Request request, TokenEntry entry) {
        Route route = route(request.path());
        Request routed = request.routedTo(route.mountPoint(), route.storage());
        String relative = routed.relativePath();
        boolean unauthenticated = PathPatterns.matches(route.backend().unauthenticatedPaths(), relative);
        if (entry == null && !unauthenticated) {
            throw PermissionDeniedException.invalidToken();
        }
        if (entry != null && entry.batch() && route.entry().type().equals("cubbyhole")) {
            // a batch token is stored nowhere, so it has no private storage either
            throw new InvalidRequestException("cubbyhole operations are only supported by \"service\" type tokens");
        }
        routed = resolveCreate(route, routed);
        // computed once: the backend's caller and the ACL see the same effective policies
        List<String> effectivePolicies = entry == null ? List.of() : effective.of(entry);
        Request.Caller caller = caller(entry, effectivePolicies);
        TokenEntry used = entry;
        if (!unauthenticated) {
            AclResult result = authorize(routed, effectivePolicies);
            if (PathPatterns.matches(route.backend().rootPaths(), relative) && !result.sudo()) {
                throw PermissionDeniedException.denied();
            }
            caller = caller.withSudo(result.sudo());
            used = tokens.use(entry);
        }
        return new Admitted(route, routed.withCaller(caller), used);
    }

    /** Runs the backend and completes a login into a token. */
    private Response execute(Admitted admitted) {
        Route route = admitted.route();
        Response response = route.backend().handleRequest(admitted.request());
        if (response.login() != null) {
            if (!MountEntry.TABLE_AUTH.equals(route.entry().table())) {
                throw new IllegalStateException("a login answer from a secrets engine");
            }
            response = logins.complete(route.entry(), response.login(), admitted.request());
        }
        return response.withMountType(route.entry().type());
    }

    /**
     * The ACL decision for a token on a request, without executing it: the token's policies
     * plus the identity policies of its entity (Vault's rule); a disabled entity's tokens are
     * refused.
     */
    public AclResult authorize(Request request, TokenEntry entry) {
        return authorize(request, effective.of(entry));
    }

    private AclResult authorize(Request request, List<String> effectivePolicies) {
        Acl acl = policies.acl(effectivePolicies);
        AclResult result = acl.check(request.operation(), request.path(), request.data());
        if (!result.allowed()) {
            throw PermissionDeniedException.denied();
        }
        return result;
    }

    private Route route(String path) {
        Route route = router.match(path);
        if (route == null) {
            throw new NotFoundException("no handler for route \"" + path + "\". route entry not found.");
        }
        return route;
    }

    private static Request resolveCreate(Route route, Request routed) {
        if (routed.operation() != Operation.UPDATE) {
            return routed;
        }
        Optional<Boolean> exists = route.backend().exists(routed);
        return exists.isPresent() && !exists.get() ? routed.withOperation(Operation.CREATE) : routed;
    }

    /** The caller a backend sees; its policies are the effective ones (identity included). */
    private static Request.Caller caller(TokenEntry e, List<String> effectivePolicies) {
        if (e == null) {
            return Request.Caller.ANONYMOUS;
        }
        return new Request.Caller(e.id(), e.accessor(), effectivePolicies, e.displayName(), e.entityId(), e.isRoot(), false);
    }
}

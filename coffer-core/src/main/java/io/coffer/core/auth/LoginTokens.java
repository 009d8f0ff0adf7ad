package io.coffer.core.auth;

import io.coffer.core.identity.IdentityStore;
import io.coffer.core.routing.MountEntry;
import io.coffer.core.token.TokenCreateRequest;
import io.coffer.core.token.TokenResponses;
import io.coffer.core.token.TokenStore;
import io.coffer.sdk.framework.Cidrs;
import io.coffer.sdk.logical.LoginResult;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.TokenParams;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.List;
import java.util.TreeSet;

/**
 * Turns an auth method's {@link LoginResult} into a token: finds or creates the identity entity
 * for the alias, applies Vault's TTL rules (the user's or role's TTL, else the mount's default;
 * capped by its max TTL, else the mount's), adds the {@code default} policy unless told not to,
 * binds the token to its CIDRs, issues a service or batch token ({@link #tokenType}), and answers
 * with the {@code auth} block.
 */
public final class LoginTokens {
    private final TokenStore tokens;
    private final IdentityStore identity;
    private final long systemTtl;

    public LoginTokens(TokenStore tokens, IdentityStore identity, long systemTtl) {
        this.tokens = tokens;
        this.identity = identity;
        this.systemTtl = systemTtl;
    }

    /** The answer to a login through {@code mount}. */
    public Response complete(MountEntry mount, LoginResult login, Request request) {
        TokenParams t = login.token();
        if (!Cidrs.allows(t.boundCidrs(), request.remoteAddress())) {
            throw new InvalidRequestException("login request originated from invalid CIDR");
        }
        TreeSet<String> policies = new TreeSet<>(t.policies());
        if (!t.noDefaultPolicy()) {
            policies.add("default");
        }
        policies.remove("root");
        long mountDefault = mount.config().defaultLeaseTtl() > 0 ? mount.config().defaultLeaseTtl() : systemTtl;
        long mountMax = mount.config().maxLeaseTtl() > 0 ? mount.config().maxLeaseTtl() : systemTtl;
        long max = t.maxTtl() > 0 ? Math.min(t.maxTtl(), mountMax) : mountMax;
        long ttl = t.ttl() > 0 ? t.ttl() : mountDefault;
        String entityId = identity.resolve(mount.accessor(), mount.type(), login.aliasName(), login.aliasMetadata());
        IdentityStore.EntityPolicies fromIdentity = identity.policiesOf(entityId);
        if (fromIdentity.disabled()) {
            throw PermissionDeniedException.withMessage("entity is disabled");
        }
        String mountName = mount.path().replaceAll("/+$", "").replace('/', '-');
        String display = login.displayName().isEmpty() ? mountName : mountName + "-" + login.displayName();
        TokenStore.Created created = tokens.create(new TokenCreateRequest("", "", List.copyOf(policies), login.metadata(),
                display, t.numUses(), ttl, t.explicitMaxTtl(), t.period(), true,
                request.path(), entityId, "", t.boundCidrs(), max,
                tokenType(mount.config().tokenType(), t.type())));
        Response r = Response.ofAuth(TokenResponses.auth(created.entry(), true)
                .withIdentityPolicies(fromIdentity.policies()));
        for (String w : created.warnings()) {
            r = r.withWarning(w);
        }
        return r;
    }

    /**
     * Vault's rule for a login token's type: a mount tuned to {@code service} or {@code batch}
     * decides; otherwise the role's or user's {@code service}/{@code batch}
     * ({@code default-*} meaning that type); otherwise the mount's default, a service token
     * unless the mount says {@code default-batch}.
     */
    static String tokenType(String mountType, String requested) {
        if (mountType.equals("service") || mountType.equals("batch")) {
            return mountType;
        }
        return switch (requested) {
            case "service", "default-service" -> "service";
            case "batch", "default-batch" -> "batch";
            default -> mountType.equals("default-batch") ? "batch" : "service";
        };
    }
}

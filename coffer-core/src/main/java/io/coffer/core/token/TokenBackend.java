package io.coffer.core.token;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.FrameworkBackend;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The token auth method mounted at {@code auth/token/}: create (directly or against a token
 * role), look up, renew and revoke tokens, by id, by accessor or for the caller itself, and
 * manage the token roles.
 */
public final class TokenBackend extends FrameworkBackend {

    /** @param identityPolicies the identity policies of an entity id (shown by lookups) */
    public TokenBackend(TokenStore tokens, Function<String, List<String>> identityPolicies) {
        super(paths(tokens, identityPolicies));
    }

    @Override
    public List<String> rootPaths() {
        return List.of("revoke-orphan*", "accessors*");
    }

    private static List<Path> paths(TokenStore tokens, Function<String, List<String>> identityPolicies) {
        TokenCreation creation = new TokenCreation(tokens);
        List<Path> paths = new ArrayList<>(List.of(
                creation.path("create-orphan", true),
                creation.path("create", false),
                creation.rolePath(),
                Path.builder("lookup-self")
                        .operation(Operation.READ, (req, data) -> lookup(tokens, req.caller().token(), identityPolicies))
                        .operation(Operation.UPDATE, (req, data) -> lookup(tokens, req.caller().token(), identityPolicies))
                        .build(),
                Path.builder("lookup")
                        .field("token", FieldType.STRING, "Token to look up")
                        .operation(Operation.READ, (req, data) -> lookup(tokens, tokenOrCaller(req, data), identityPolicies))
                        .operation(Operation.UPDATE, (req, data) -> lookup(tokens, tokenOrCaller(req, data), identityPolicies))
                        .build(),
                Path.builder("lookup-accessor")
                        .field("accessor", FieldType.STRING, "Accessor of the token")
                        .operation(Operation.UPDATE, (req, data) -> lookupResponse(tokens, byAccessor(tokens, data),
                                false, identityPolicies))
                        .build(),
                Path.builder("renew-self")
                        .field("increment", FieldType.DURATION, "Requested extension")
                        .operation(Operation.UPDATE, (req, data) -> renew(tokens, valid(tokens, req.caller().token()), data, true))
                        .build(),
                Path.builder("renew")
                        .field("token", FieldType.STRING, "Token to renew")
                        .field("increment", FieldType.DURATION, "Requested extension")
                        .operation(Operation.UPDATE, (req, data) -> renew(tokens, bad(tokens, required(data)), data, true))
                        .build(),
                Path.builder("renew-accessor")
                        .field("accessor", FieldType.STRING, "Accessor of the token")
                        .field("increment", FieldType.DURATION, "Requested extension")
                        .operation(Operation.UPDATE, (req, data) -> renew(tokens, byAccessor(tokens, data), data, false))
                        .build(),
                Path.builder("revoke-self")
                        .operation(Operation.UPDATE, (req, data) -> {
                            TokenEntry e = tokens.lookup(req.caller().token());
                            if (e != null) {
                                tokens.revokeTree(e);
                            }
                            return Response.noContent();
                        })
                        .build(),
                Path.builder("revoke")
                        .field("token", FieldType.STRING, "Token to revoke")
                        .operation(Operation.UPDATE, (req, data) -> {
                            TokenEntry e = tokens.lookup(required(data));
                            if (e != null) {
                                tokens.revokeTree(e);
                            }
                            return Response.noContent();
                        })
                        .build(),
                Path.builder("revoke-accessor")
                        .field("accessor", FieldType.STRING, "Accessor of the token")
                        .operation(Operation.UPDATE, (req, data) -> {
                            tokens.revokeTree(byAccessor(tokens, data));
                            return Response.noContent();
                        })
                        .build(),
                Path.builder("revoke-orphan")
                        .field("token", FieldType.STRING, "Token to revoke")
                        .operation(Operation.UPDATE, (req, data) -> {
                            TokenEntry e = tokens.lookup(required(data));
                            if (e != null) {
                                tokens.revokeOrphan(e);
                            }
                            return Response.noContent();
                        })
                        .build(),
                Path.builder("accessors/?")
                        .operation(Operation.LIST, (req, data) -> Response.ofKeys(List.copyOf(new TreeSet<>(tokens.accessors()))))
                        .build()));
        paths.addAll(new TokenRolePaths(tokens.roles()).paths());
        return paths;
    }

    private static String tokenOrCaller(Request req, FieldData data) {
        String t = data.getString("token");
        return t.isEmpty() ? req.caller().token() : t;
    }

    private static String required(FieldData data) {
        String t = data.getString("token");
        if (t.isEmpty()) {
            throw new InvalidRequestException("missing token ID");
        }
        return t;
    }

    /** A lookup sees a token spending its last use in this very request, as in Vault. */
    private static Response lookup(TokenStore tokens, String id, Function<String, List<String>> identityPolicies) {
        if (id.isEmpty()) {
            throw new InvalidRequestException("missing token ID");
        }
        TokenEntry e = tokens.lookupTainted(id);
        if (e == null) {
            throw PermissionDeniedException.withMessage("bad token");
        }
        return lookupResponse(tokens, e, true, identityPolicies);
    }

    /** A lookup's data, with {@code identity_policies} when the token's entity has any. */
    private static Response lookupResponse(TokenStore tokens, TokenEntry e, boolean includeId,
                                           Function<String, List<String>> identityPolicies) {
        Map<String, Object> d = TokenResponses.lookup(e, includeId, tokens.nowSeconds());
        List<String> fromIdentity = e.entityId().isEmpty() ? List.of() : identityPolicies.apply(e.entityId());
        if (!fromIdentity.isEmpty()) {
            d.put("identity_policies", fromIdentity);
        }
        return Response.of(d);
    }

    private static TokenEntry bad(TokenStore tokens, String id) {
        if (id.isEmpty()) {
            throw new InvalidRequestException("missing token ID");
        }
        TokenEntry e = tokens.lookup(id);
        if (e == null) {
            throw PermissionDeniedException.withMessage("bad token");
        }
        return e;
    }

    private static TokenEntry valid(TokenStore tokens, String id) {
        TokenEntry e = tokens.lookup(id);
        if (e == null) {
            throw PermissionDeniedException.invalidToken();
        }
        return e;
    }

    private static TokenEntry byAccessor(TokenStore tokens, FieldData data) {
        String accessor = data.getString("accessor");
        if (accessor.isEmpty()) {
            throw new InvalidRequestException("missing accessor");
        }
        TokenEntry e = tokens.lookupByAccessor(accessor);
        if (e == null) {
            throw new InvalidRequestException("invalid accessor");
        }
        return e;
    }

    private static Response renew(TokenStore tokens, TokenEntry entry, FieldData data, boolean includeToken) {
        TokenStore.Created renewed = tokens.renew(entry, data.getDuration("increment").getSeconds());
        Response r = Response.ofAuth(TokenResponses.auth(renewed.entry(), includeToken));
        for (String w : renewed.warnings()) {
            r = r.withWarning(w);
        }
        return r;
    }
}

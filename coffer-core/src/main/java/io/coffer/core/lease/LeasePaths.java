package io.coffer.core.lease;

import io.coffer.core.token.TokenEntry;
import io.coffer.core.token.TokenResponses;
import io.coffer.core.token.TokenStore;
import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vault's {@code sys/leases} endpoints over the token leases of {@link TokenLeases}:
 * {@code lookup} (PUT {@code lease_id}), LIST {@code lookup/<prefix>} (sudo),
 * {@code renew[/<lease_id>]}, {@code revoke[/<lease_id>]} and {@code revoke-prefix/<prefix>} /
 * {@code revoke-force/<prefix>} (sudo). Revoking a token lease revokes the token and its
 * children. As in Vault, a token lease cannot be renewed here ({@code auth/token/renew*} renews
 * tokens), so renew answers 400 for every lease Coffer has; errors use Vault's wording.
 * The sudo requirement comes from the system backend's root paths.
 */
public final class LeasePaths {
    private final TokenStore tokens;
    private final TokenLeases leases;

    public LeasePaths(TokenStore tokens) {
        this.tokens = tokens;
        this.leases = new TokenLeases(tokens);
    }

    public List<Path> paths() {
        return List.of(
                Path.builder("leases/lookup")
                        .field("lease_id", FieldType.STRING, "The lease to look up")
                        .operation(Operation.UPDATE, (req, data) -> lookup(data))
                        .build(),
                Path.builder("leases/lookup/{prefix:.*}")
                        .field("prefix", FieldType.STRING, "The lease id prefix to list")
                        .operation(Operation.LIST, (req, data) -> Response.ofKeys(leases.list(dirPrefix(data))))
                        .build(),
                Path.builder("leases/renew(?:/{url_lease_id:.+})?")
                        .field("url_lease_id", FieldType.STRING, "The lease to renew (in the path)")
                        .field("lease_id", FieldType.STRING, "The lease to renew")
                        .field("increment", FieldType.DURATION, "Requested extension")
                        .operation(Operation.UPDATE, (req, data) -> renew(data))
                        .build(),
                Path.builder("leases/revoke(?:/{url_lease_id:.+})?")
                        .field("url_lease_id", FieldType.STRING, "The lease to revoke (in the path)")
                        .field("lease_id", FieldType.STRING, "The lease to revoke")
                        .field("sync", FieldType.BOOL, Boolean.TRUE, "Revoke before answering (false: 202)")
                        .operation(Operation.UPDATE, (req, data) -> revoke(data))
                        .build(),
                Path.builder("leases/revoke-prefix/{prefix:.+}")
                        .field("prefix", FieldType.STRING, "The lease id prefix to revoke")
                        .field("sync", FieldType.BOOL, Boolean.TRUE, "Revoke before answering (false: 202)")
                        .operation(Operation.UPDATE, (req, data) -> revokePrefix(data, data.getBool("sync")))
                        .build(),
                Path.builder("leases/revoke-force/{prefix:.+}")
                        .field("prefix", FieldType.STRING, "The lease id prefix to revoke")
                        .operation(Operation.UPDATE, (req, data) -> revokePrefix(data, true))
                        .build());
    }

    private Response lookup(FieldData data) {
        data.validate();
        String leaseId = data.getString("lease_id");
        if (leaseId.isEmpty()) {
            throw new InvalidRequestException("lease_id must be specified");
        }
        TokenEntry e = leases.find(leaseId);
        if (e == null) {
            throw new InvalidRequestException("invalid lease");
        }
        long now = tokens.nowSeconds();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("expire_time", e.expireTime() > 0 ? TokenResponses.rfc3339(Instant.ofEpochSecond(e.expireTime())) : null);
        d.put("id", leaseId);
        d.put("issue_time", TokenResponses.rfc3339(Instant.ofEpochSecond(e.creationTime())));
        d.put("last_renewal", e.lastRenewalTime() > 0
                ? TokenResponses.rfc3339(Instant.ofEpochSecond(e.lastRenewalTime())) : null);
        d.put("renewable", e.renewable() && e.expireTime() > 0);
        d.put("ttl", e.expireTime() > 0 ? Math.max(0, e.expireTime() - now) : 0L);
        return Response.of(d);
    }

    /** Vault's checks in Vault's order; a lease that passes them is a token's, which is refused. */
    private Response renew(FieldData data) {
        data.validate();
        if (data.getDuration("increment").isNegative()) {
            throw new InvalidRequestException("increment must not be negative");
        }
        TokenEntry e = leases.find(leaseIdOf(data));
        if (e == null) {
            throw new InvalidRequestException("lease not found");
        }
        if (e.expireTime() <= 0 || !e.renewable()) {
            throw new InvalidRequestException("lease is not renewable");
        }
        throw new InvalidRequestException("tokens cannot be renewed through this endpoint");
    }

    private Response revoke(FieldData data) {
        data.validate();
        TokenEntry e = leases.find(leaseIdOf(data));
        if (e != null) {
            tokens.revokeTree(e);
        }
        return data.getBool("sync") ? Response.noContent() : Response.noContent().withStatus(202);
    }

    private Response revokePrefix(FieldData data, boolean sync) {
        data.validate();
        leases.revokePrefix(data.getString("prefix"));
        return sync ? Response.noContent() : Response.noContent().withStatus(202);
    }

    private static String leaseIdOf(FieldData data) {
        String id = data.getString("lease_id");
        if (id.isEmpty()) {
            id = data.getString("url_lease_id");
        }
        if (id.isEmpty()) {
            throw new InvalidRequestException("lease_id must be specified");
        }
        return id;
    }

    /** The listing prefix with a trailing slash, or empty for the top of the tree. */
    private static String dirPrefix(FieldData data) {
        String prefix = data.getString("prefix");
        return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }
}

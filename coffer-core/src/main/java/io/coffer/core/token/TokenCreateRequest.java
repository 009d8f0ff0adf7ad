package io.coffer.core.token;

import java.util.List;
import java.util.Map;

/**
 * What a new token should look like after policy and privilege checks: the token store only
 * applies TTL rules and persists it.
 *
 * @param id              a caller-chosen id, or empty for a generated one
 * @param parent          the parent token id, empty for an orphan
 * @param ttl             requested TTL in seconds, 0 for the default
 * @param explicitMaxTtl  hard cap in seconds, 0 for none
 * @param period          periodic renewal window in seconds, 0 for none
 * @param boundCidrs      networks the token may be used from; empty for any
 * @param maxTtl          the max TTL of the mount that issues the token in seconds, 0 for the
 *                        token store's own
 * @param type            {@code service} (stored) or {@code batch} (an encrypted, unstored token)
 */
public record TokenCreateRequest(String id, String parent, List<String> policies, Map<String, String> meta,
                                 String displayName, int numUses, long ttl, long explicitMaxTtl, long period,
                                 boolean renewable, String path, String entityId, String role,
                                 List<String> boundCidrs, long maxTtl, String type) {
    public TokenCreateRequest {
        boundCidrs = boundCidrs == null ? List.of() : List.copyOf(boundCidrs);
        type = type == null || type.isEmpty() ? "service" : type;
    }

    public boolean batch() {
        return type.equals("batch");
    }

    /** Names no token: a custom id and the parent's id are secrets. */
    @Override
    public String toString() {
        return "TokenCreateRequest[policies=" + policies + ", path=" + path + ", type=" + type + "]";
    }

    /** A service token request without CIDR bindings, capped by the token store's max TTL. */
    public TokenCreateRequest(String id, String parent, List<String> policies, Map<String, String> meta,
                              String displayName, int numUses, long ttl, long explicitMaxTtl, long period,
                              boolean renewable, String path, String entityId, String role) {
        this(id, parent, policies, meta, displayName, numUses, ttl, explicitMaxTtl, period, renewable, path, entityId,
                role, List.of(), 0, "service");
    }
}

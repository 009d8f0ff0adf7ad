package io.coffer.core.token;

import java.util.List;
import java.util.Map;

/**
 * A token (format version {@value #FORMAT_VERSION}): its secret id, accessor,
 * lineage, policies and lifetime. Stored encrypted at {@code sys/token/id/<hmac(id)>}; times are
 * Unix seconds, TTLs seconds, {@code expireTime} 0 for never. {@code maxTtl} is the max TTL of
 * the mount that issued the token (0: the token store's), the bound renewals respect;
 * {@code boundCidrs} the networks it may be used from (empty: any). Records written before these
 * fields existed read them as 0 and empty. A service token's entry is stored; a batch token's
 * ({@code type} {@code batch}, no accessor) is carried encrypted in the token itself
 * ({@link BatchTokens}).
 */
public record TokenEntry(int formatVersion, String id, String accessor, String parent, List<String> policies,
                         String path, Map<String, String> meta, String displayName, int numUses,
                         long creationTime, long creationTtl, long explicitMaxTtl, long period, boolean renewable,
                         String type, String entityId, long lastRenewalTime, long expireTime, String role,
                         List<String> boundCidrs, long maxTtl) {
    public static final int FORMAT_VERSION = 1;

    public TokenEntry {
        policies = policies == null ? List.of() : List.copyOf(policies);
        meta = meta == null ? null : Map.copyOf(meta);
        parent = parent == null ? "" : parent;
        entityId = entityId == null ? "" : entityId;
        role = role == null ? "" : role;
        type = type == null ? "service" : type;
        boundCidrs = boundCidrs == null ? List.of() : List.copyOf(boundCidrs);
    }

    public boolean orphan() {
        return parent.isEmpty();
    }

    /** Whether this is a batch token: its id is its own encrypted record, nothing is stored. */
    public boolean batch() {
        return type.equals("batch");
    }

    public boolean isRoot() {
        return policies.contains("root");
    }

    /** Whether the token has expired at {@code nowSeconds}. */
    public boolean expiredAt(long nowSeconds) {
        return expireTime > 0 && nowSeconds >= expireTime;
    }

    public TokenEntry withNumUses(int uses) {
        return new TokenEntry(formatVersion, id, accessor, parent, policies, path, meta, displayName, uses,
                creationTime, creationTtl, explicitMaxTtl, period, renewable, type, entityId, lastRenewalTime,
                expireTime, role, boundCidrs, maxTtl);
    }

    public TokenEntry renewed(long now, long newExpireTime) {
        return new TokenEntry(formatVersion, id, accessor, parent, policies, path, meta, displayName, numUses,
                creationTime, creationTtl, explicitMaxTtl, period, renewable, type, entityId, now,
                newExpireTime, role, boundCidrs, maxTtl);
    }

    public TokenEntry orphaned() {
        return new TokenEntry(formatVersion, id, accessor, "", policies, path, meta, displayName, numUses,
                creationTime, creationTtl, explicitMaxTtl, period, renewable, type, entityId, lastRenewalTime,
                expireTime, role, boundCidrs, maxTtl);
    }

    @Override
    public String toString() {
        return "TokenEntry[accessor=" + accessor + ", policies=" + policies + ", path=" + path + "]";
    }
}

package io.coffer.core.token;

import io.coffer.sdk.logical.Auth;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders token entries the way Vault's token endpoints answer: the {@code auth} block of a
 * creation or renewal, and the {@code data} of a lookup.
 */
public final class TokenResponses {
    private static final DateTimeFormatter RFC3339_NANO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX")
            .withZone(ZoneOffset.UTC);

    private TokenResponses() {
    }

    /**
     * The {@code auth} block of a token just created or renewed: {@code lease_duration} is the
     * TTL that was granted (expiry minus the creation or renewal time), as Vault answers, so it
     * does not shrink by a second when the clock ticks while the write is replicated.
     */
    public static Auth auth(TokenEntry e, boolean includeToken) {
        long grantedAt = e.lastRenewalTime() > 0 ? e.lastRenewalTime() : e.creationTime();
        long ttl = e.expireTime() > 0 ? Math.max(0, e.expireTime() - grantedAt) : 0;
        return new Auth(includeToken ? e.id() : "", e.accessor(), e.policies(), e.policies(), e.meta(), ttl,
                e.renewable(), e.entityId(), e.type(), e.orphan(), Math.max(0, e.numUses()), List.of());
    }

    static Map<String, Object> lookup(TokenEntry e, boolean includeId, long now) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("accessor", e.accessor());
        d.put("creation_time", e.creationTime());
        d.put("creation_ttl", e.creationTtl());
        d.put("display_name", e.displayName());
        d.put("entity_id", e.entityId());
        d.put("expire_time", e.expireTime() > 0 ? rfc3339(Instant.ofEpochSecond(e.expireTime())) : null);
        d.put("explicit_max_ttl", e.explicitMaxTtl());
        d.put("id", includeId ? e.id() : "");
        if (!e.isRoot() || e.expireTime() > 0) {
            d.put("issue_time", rfc3339(Instant.ofEpochSecond(e.creationTime())));
        }
        if (e.lastRenewalTime() > 0) {
            d.put("last_renewal", rfc3339(Instant.ofEpochSecond(e.lastRenewalTime())));
            d.put("last_renewal_time", e.lastRenewalTime());
        }
        d.put("meta", e.meta());
        d.put("num_uses", Math.max(0, e.numUses()));
        d.put("orphan", e.orphan());
        d.put("path", e.path());
        if (e.period() > 0) {
            d.put("period", e.period());
        }
        d.put("policies", e.policies());
        if (!e.isRoot() || e.expireTime() > 0) {
            d.put("renewable", e.renewable());
        }
        if (!e.role().isEmpty()) {
            d.put("role", e.role());
        }
        d.put("ttl", e.expireTime() > 0 ? Math.max(0, e.expireTime() - now) : 0);
        d.put("type", e.type());
        if (!e.boundCidrs().isEmpty()) {
            d.put("bound_cidrs", List.copyOf(e.boundCidrs()));
        }
        return d;
    }

    /** {@code t} in RFC 3339 with nanoseconds, UTC, as the token endpoints show times. */
    public static String rfc3339(Instant t) {
        return RFC3339_NANO.format(t);
    }
}

package io.coffer.builtin.auth.approle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One secret ID as stored at {@code secret-id/<role>/<hmac>}: never the secret ID itself, only its
 * HMAC, with its accessor, remaining uses, lifetime and bindings. Immutable.
 *
 * @param secretIdHmac    the hex HMAC of the secret ID under the mount's key (also the last key segment)
 * @param accessor        the accessor, a UUID that names the secret ID without revealing it
 * @param roleName        the role the secret ID belongs to
 * @param numUses         logins left, 0 for unlimited
 * @param ttl             the lifetime granted at creation in seconds, 0 for none
 * @param creationTime    when it was created
 * @param expirationTime  when it stops working, {@code null} for never
 * @param lastUpdatedTime when it was created or last used up a login
 * @param metadata        the metadata given at creation, copied onto the tokens it yields
 * @param cidrList        networks it may be used from; empty allows any
 * @param tokenBoundCidrs networks the tokens it yields are bound to; empty keeps the role's
 */
record SecretIdEntry(String secretIdHmac, String accessor, String roleName, int numUses, long ttl,
                     Instant creationTime, Instant expirationTime, Instant lastUpdatedTime,
                     Map<String, String> metadata, List<String> cidrList, List<String> tokenBoundCidrs) {

    SecretIdEntry {
        Objects.requireNonNull(secretIdHmac, "secretIdHmac");
        Objects.requireNonNull(accessor, "accessor");
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(lastUpdatedTime, "lastUpdatedTime");
        metadata = Map.copyOf(metadata);
        cidrList = List.copyOf(cidrList);
        tokenBoundCidrs = List.copyOf(tokenBoundCidrs);
        if (numUses < 0 || ttl < 0) {
            throw new IllegalArgumentException("secret ID limits cannot be negative");
        }
    }

    /** Whether it has expired at {@code now} (an expiry instant is itself already expired). */
    boolean expiredAt(Instant now) {
        return expirationTime != null && !now.isBefore(expirationTime);
    }

    /** The entry after one more login at {@code now}: one use fewer (unlimited stays unlimited). */
    SecretIdEntry usedAt(Instant now) {
        return new SecretIdEntry(secretIdHmac, accessor, roleName, numUses == 0 ? 0 : numUses - 1, ttl,
                creationTime, expirationTime, now, metadata, cidrList, tokenBoundCidrs);
    }

    @Override
    public String toString() {
        return "SecretIdEntry[accessor=" + accessor + ", role=" + roleName + "]";
    }
}

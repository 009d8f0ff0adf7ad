package io.coffer.core.identity;

import io.coffer.core.token.TokenEntry;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The policies a token acts with, as Vault computes them for every ACL decision (requests,
 * {@code sys/capabilities*}, {@code sys/internal/ui/mounts}): the token's own policies plus,
 * when it belongs to an entity, that entity's identity policies. Guarantees: identity never
 * grants {@code root} (only the token's own policies can hold it), and a token of a disabled
 * entity is refused whatever its policies. Thread-safe.
 */
public final class EffectivePolicies {
    private final IdentityStore identity;

    public EffectivePolicies(IdentityStore identity) {
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /**
     * The policies of {@code entry} for an ACL.
     *
     * @throws PermissionDeniedException when the token's entity is disabled
     */
    public List<String> of(TokenEntry entry) {
        if (entry.entityId().isEmpty()) {
            return entry.policies();
        }
        IdentityStore.EntityPolicies fromIdentity = identity.policiesOf(entry.entityId());
        if (fromIdentity.disabled()) {
            throw PermissionDeniedException.withMessage("entity associated with the request token is disabled");
        }
        if (fromIdentity.policies().isEmpty() || entry.isRoot()) {
            return entry.policies();
        }
        TreeSet<String> all = new TreeSet<>(entry.policies());
        all.addAll(fromIdentity.policies());
        return List.copyOf(all);
    }

    /** The identity policies alone of {@code entityId} (empty for none), for lookups and logins. */
    public List<String> identityOnly(String entityId) {
        return identity.policiesOf(entityId).policies();
    }
}

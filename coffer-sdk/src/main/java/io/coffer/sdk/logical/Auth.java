package io.coffer.sdk.logical;

import java.util.List;
import java.util.Map;

/**
 * The {@code auth} block of a login or token-creation response.
 *
 * @param clientToken    the new token; never logged (see {@link #toString()})
 * @param accessor       its accessor
 * @param policies       effective policies, sorted
 * @param tokenPolicies  the token's own policies, sorted
 * @param metadata       string metadata, or {@code null}
 * @param leaseDuration  the token TTL in seconds, 0 for none
 * @param renewable      whether the token can be renewed
 * @param entityId       the identity entity, empty for token-store tokens
 * @param tokenType      {@code service} or {@code batch}
 * @param orphan         whether the token has no parent
 * @param numUses        remaining uses, 0 for unlimited
 * @param identityPolicies the policies the token's identity entity and its groups add, sorted
 */
public record Auth(String clientToken, String accessor, List<String> policies, List<String> tokenPolicies,
                   Map<String, String> metadata, long leaseDuration, boolean renewable, String entityId,
                   String tokenType, boolean orphan, int numUses, List<String> identityPolicies) {

    public Auth {
        policies = List.copyOf(policies);
        tokenPolicies = List.copyOf(tokenPolicies);
        metadata = metadata == null ? null : Map.copyOf(metadata);
        identityPolicies = identityPolicies == null ? List.of() : List.copyOf(identityPolicies);
    }

    /** This block with {@code identity}'s policies added to the effective {@code policies}. */
    public Auth withIdentityPolicies(List<String> identity) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(tokenPolicies);
        all.addAll(identity);
        return new Auth(clientToken, accessor, List.copyOf(all), tokenPolicies, metadata, leaseDuration, renewable,
                entityId, tokenType, orphan, numUses, identity);
    }

    @Override
    public String toString() {
        return "Auth[accessor=" + accessor + ", policies=" + policies + ", ttl=" + leaseDuration + "]";
    }
}

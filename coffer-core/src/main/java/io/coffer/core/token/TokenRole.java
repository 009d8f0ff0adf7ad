package io.coffer.core.token;

import java.util.List;

/**
 * A token role (format version {@value #FORMAT_VERSION}, see
 * {@code docs/storage-formats/token-roles.md}): the limits and settings that
 * {@code auth/token/create/<name>} applies to the tokens it creates. Stored as JSON at
 * {@code sys/token/roles/<name>}; durations are whole seconds, {@code 0} meaning "not set".
 * Lists are never null; policy names are lower-cased, sorted and without duplicates.
 *
 * @param tokenType    {@code service}, {@code batch}, {@code default-service} or {@code default-batch}
 * @param legacyFields which of the deprecated {@code period}, {@code explicit_max_ttl} and
 *                     {@code bound_cidrs} were last written under their old names; a read shows
 *                     those with the value of their {@code token_*} successor, as Vault does
 */
public record TokenRole(int formatVersion, String name, List<String> allowedPolicies, List<String> disallowedPolicies,
                        List<String> allowedPoliciesGlob, List<String> disallowedPoliciesGlob, boolean orphan,
                        boolean renewable, String pathSuffix, List<String> allowedEntityAliases, long tokenPeriod,
                        long tokenExplicitMaxTtl, List<String> tokenBoundCidrs, boolean tokenNoDefaultPolicy,
                        int tokenNumUses, String tokenType, long tokenTtl, long tokenMaxTtl, List<String> legacyFields) {
    public static final int FORMAT_VERSION = 1;

    public TokenRole {
        allowedPolicies = copy(allowedPolicies);
        disallowedPolicies = copy(disallowedPolicies);
        allowedPoliciesGlob = copy(allowedPoliciesGlob);
        disallowedPoliciesGlob = copy(disallowedPoliciesGlob);
        allowedEntityAliases = copy(allowedEntityAliases);
        tokenBoundCidrs = copy(tokenBoundCidrs);
        legacyFields = copy(legacyFields);
        pathSuffix = pathSuffix == null ? "" : pathSuffix;
        tokenType = tokenType == null || tokenType.isEmpty() ? "default-service" : tokenType;
    }

    /** A new role named {@code name} with Vault's defaults: renewable, nothing else set. */
    public static TokenRole defaults(String name) {
        return new TokenRole(FORMAT_VERSION, name, List.of(), List.of(), List.of(), List.of(), false, true, "",
                List.of(), 0, 0, List.of(), false, 0, "default-service", 0, 0, List.of());
    }

    /** Whether the role restricts policies itself (allowed or disallowed lists, exact or glob). */
    public boolean restrictsPolicies() {
        return !allowedPolicies.isEmpty() || !disallowedPolicies.isEmpty()
                || !allowedPoliciesGlob.isEmpty() || !disallowedPoliciesGlob.isEmpty();
    }

    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}

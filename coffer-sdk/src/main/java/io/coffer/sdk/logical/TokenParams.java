package io.coffer.sdk.logical;

import java.util.List;
import java.util.Objects;

/**
 * The token an auth method's user or role hands out on login: Vault's common {@code token_*}
 * fields. Durations are whole seconds, {@code 0} meaning "not set" (the mount's or system's
 * default applies). Stored inside the auth method's own records, so it is a plain record with
 * JSON-friendly types.
 *
 * @param policies        {@code token_policies}
 * @param ttl             {@code token_ttl}
 * @param maxTtl          {@code token_max_ttl}
 * @param explicitMaxTtl  {@code token_explicit_max_ttl}: a hard cap that renewals cannot pass
 * @param period          {@code token_period}: a periodic token renews to this and has no max
 * @param numUses         {@code token_num_uses}, 0 for unlimited
 * @param boundCidrs      {@code token_bound_cidrs}: the token is usable only from these networks
 * @param type            {@code token_type}: {@code default}, {@code service} or {@code batch}
 * @param noDefaultPolicy {@code token_no_default_policy}
 */
public record TokenParams(List<String> policies, long ttl, long maxTtl, long explicitMaxTtl, long period, int numUses,
                          List<String> boundCidrs, String type, boolean noDefaultPolicy) {

    public TokenParams {
        policies = policies == null ? List.of() : List.copyOf(policies);
        boundCidrs = boundCidrs == null ? List.of() : List.copyOf(boundCidrs);
        type = type == null || type.isEmpty() ? "default" : type;
        if (ttl < 0 || maxTtl < 0 || explicitMaxTtl < 0 || period < 0 || numUses < 0) {
            throw new IllegalArgumentException("token durations and num_uses cannot be negative");
        }
        Objects.requireNonNull(type, "type");
    }

    /** No policies, no limits: every default applies. */
    public static TokenParams defaults() {
        return new TokenParams(List.of(), 0, 0, 0, 0, 0, List.of(), "default", false);
    }
}

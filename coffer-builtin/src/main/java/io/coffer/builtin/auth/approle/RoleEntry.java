package io.coffer.builtin.auth.approle;

import io.coffer.sdk.logical.TokenParams;

import java.util.List;
import java.util.Objects;

/**
 * One AppRole role as stored at {@code role/<name>}: its role ID, how its secret IDs are bound
 * and limited, and the token it hands out on login. Immutable; durations are whole seconds,
 * {@code 0} meaning "no limit".
 *
 * @param name               the lower-case role name
 * @param roleId             the role ID presented at login (a UUID unless set by the operator)
 * @param bindSecretId       whether login requires a secret ID
 * @param secretIdBoundCidrs networks logins must come from; empty allows any
 * @param secretIdNumUses    default uses of each new secret ID, 0 for unlimited
 * @param secretIdTtl        default lifetime of each new secret ID in seconds, 0 for none
 * @param localSecretIds     Vault's {@code local_secret_ids}, fixed at creation
 * @param token              the token settings ({@code token_*})
 * @param legacyPolicies     whether the policies were last set through the legacy {@code policies}
 * @param legacyPeriod       whether the period was last set through the legacy {@code period}
 */
record RoleEntry(String name, String roleId, boolean bindSecretId, List<String> secretIdBoundCidrs,
                 int secretIdNumUses, long secretIdTtl, boolean localSecretIds, TokenParams token,
                 boolean legacyPolicies, boolean legacyPeriod) {

    RoleEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roleId, "roleId");
        secretIdBoundCidrs = List.copyOf(secretIdBoundCidrs);
        Objects.requireNonNull(token, "token");
        if (secretIdNumUses < 0 || secretIdTtl < 0) {
            throw new IllegalArgumentException("secret ID limits cannot be negative");
        }
    }

    /** A new role's settings before any field is applied: Vault's defaults. */
    static RoleEntry defaults(String name) {
        return new RoleEntry(name, "", true, List.of(), 0, 0, false, TokenParams.defaults(), false, false);
    }

    /** Whether at least one login constraint is set, as Vault requires of every role. */
    boolean hasConstraint() {
        return bindSecretId || !secretIdBoundCidrs.isEmpty() || !token.boundCidrs().isEmpty();
    }

    RoleEntry withRoleId(String newRoleId) {
        return new RoleEntry(name, newRoleId, bindSecretId, secretIdBoundCidrs, secretIdNumUses, secretIdTtl,
                localSecretIds, token, legacyPolicies, legacyPeriod);
    }

    @Override
    public String toString() {
        return "RoleEntry[name=" + name + "]";
    }
}

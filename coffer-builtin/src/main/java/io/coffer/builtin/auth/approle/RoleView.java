package io.coffer.builtin.auth.approle;

import io.coffer.sdk.framework.TokenFields;

import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a role as Vault's {@code GET role/<name>} does: the secret ID settings, every
 * {@code token_*} field ({@code token_type} {@code "default"} when unset), and the legacy
 * {@code policies} / {@code period} keys only when the role was written with them. Never the
 * role ID. Stateless.
 */
final class RoleView {
    private RoleView() {
    }

    static Map<String, Object> render(RoleEntry role) {
        Map<String, Object> m = new TreeMap<>(TokenFields.render(role.token()));
        m.put(RoleFields.BIND_SECRET_ID, role.bindSecretId());
        m.put(RoleFields.LOCAL_SECRET_IDS, role.localSecretIds());
        m.put(RoleFields.SECRET_ID_BOUND_CIDRS, role.secretIdBoundCidrs());
        m.put(RoleFields.SECRET_ID_NUM_USES, role.secretIdNumUses());
        m.put(RoleFields.SECRET_ID_TTL, role.secretIdTtl());
        if (role.legacyPolicies()) {
            m.put("policies", role.token().policies());
        }
        if (role.legacyPeriod()) {
            m.put("period", role.token().period());
        }
        return m;
    }
}

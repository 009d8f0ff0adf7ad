package io.coffer.builtin.auth.approle;

import io.coffer.builtin.secrets.kv.GoTime;

import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a secret ID's properties as Vault's {@code secret-id/lookup} and
 * {@code secret-id-accessor/lookup} do; never the secret ID or its HMAC. A secret ID that never
 * expires shows Go's zero time {@code 0001-01-01T00:00:00Z} as {@code expiration_time}. Stateless.
 */
final class SecretIdView {
    /** Go's zero {@code time.Time}, Vault's "never" for {@code expiration_time}. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private SecretIdView() {
    }

    static Map<String, Object> render(SecretIdEntry e) {
        Map<String, Object> m = new TreeMap<>();
        m.put("cidr_list", e.cidrList());
        m.put("creation_time", GoTime.format(e.creationTime()));
        m.put("expiration_time", e.expirationTime() == null ? ZERO_TIME : GoTime.format(e.expirationTime()));
        m.put("last_updated_time", GoTime.format(e.lastUpdatedTime()));
        m.put("metadata", e.metadata());
        m.put("secret_id_accessor", e.accessor());
        m.put("secret_id_num_uses", e.numUses());
        m.put("secret_id_ttl", e.ttl());
        m.put("token_bound_cidrs", e.tokenBoundCidrs());
        return m;
    }
}

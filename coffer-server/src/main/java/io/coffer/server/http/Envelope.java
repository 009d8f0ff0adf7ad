package io.coffer.server.http;

import io.coffer.sdk.logical.Auth;
import io.coffer.sdk.logical.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds Vault's success envelope ({@code request_id}, {@code lease_id}, {@code renewable},
 * {@code lease_duration}, {@code data}, {@code wrap_info}, {@code warnings}, {@code auth}) from a
 * logical response, including the {@code sys/} quirk of copying data keys to the top level.
 */
final class Envelope {
    private Envelope() {
    }

    static Map<String, Object> of(String requestId, Response r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.topLevelData() && r.data() != null) {
            m.putAll(r.data());
        }
        m.put("request_id", requestId);
        m.put("lease_id", "");
        m.put("renewable", false);
        m.put("lease_duration", r.leaseDuration());
        m.put("data", r.data());
        m.put("wrap_info", null);
        m.put("warnings", r.warnings().isEmpty() ? null : r.warnings());
        m.put("auth", r.auth() == null ? null : auth(r.auth()));
        if (!r.mountType().isEmpty()) {
            m.put("mount_type", r.mountType());
        }
        return m;
    }

    private static Map<String, Object> auth(Auth a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_token", a.clientToken());
        m.put("accessor", a.accessor());
        m.put("policies", a.policies());
        if (!a.tokenPolicies().isEmpty()) {
            m.put("token_policies", a.tokenPolicies());
        }
        if (!a.identityPolicies().isEmpty()) {
            m.put("identity_policies", a.identityPolicies());
        }
        m.put("metadata", a.metadata());
        m.put("lease_duration", a.leaseDuration());
        m.put("renewable", a.renewable());
        m.put("entity_id", a.entityId());
        m.put("token_type", a.tokenType());
        m.put("orphan", a.orphan());
        m.put("mfa_requirement", null);
        m.put("num_uses", a.numUses());
        return m;
    }
}

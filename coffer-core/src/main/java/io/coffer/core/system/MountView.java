package io.coffer.core.system;

import io.coffer.core.routing.MountConfig;
import io.coffer.core.routing.MountEntry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders mount-table rows as {@code sys/mounts} and {@code sys/auth} show them.
 */
final class MountView {
    /** Vault's system-wide default and max lease TTL: 768h. */
    static final long SYSTEM_TTL_SECONDS = 2764800L;

    private MountView() {
    }

    static Map<String, Object> render(MountEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accessor", e.accessor());
        m.put("config", config(e.config()));
        m.put("description", e.description());
        m.put("external_entropy_access", e.externalEntropyAccess());
        m.put("local", e.local());
        m.put("options", e.options());
        m.put("plugin_version", e.pluginVersion());
        m.put("running_plugin_version", "v" + io.coffer.core.CofferVersion.VERSION + "+builtin");
        m.put("running_sha256", "");
        m.put("seal_wrap", e.sealWrap());
        m.put("type", e.type());
        m.put("uuid", e.uuid());
        return m;
    }

    static Map<String, Object> config(MountConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("default_lease_ttl", c.defaultLeaseTtl());
        m.put("force_no_cache", c.forceNoCache());
        m.put("max_lease_ttl", c.maxLeaseTtl());
        if (!c.auditNonHmacRequestKeys().isEmpty()) {
            m.put("audit_non_hmac_request_keys", c.auditNonHmacRequestKeys());
        }
        if (!c.auditNonHmacResponseKeys().isEmpty()) {
            m.put("audit_non_hmac_response_keys", c.auditNonHmacResponseKeys());
        }
        if (!c.listingVisibility().isEmpty()) {
            m.put("listing_visibility", c.listingVisibility());
        }
        if (!c.passthroughRequestHeaders().isEmpty()) {
            m.put("passthrough_request_headers", c.passthroughRequestHeaders());
        }
        if (!c.allowedResponseHeaders().isEmpty()) {
            m.put("allowed_response_headers", c.allowedResponseHeaders());
        }
        if (!c.tokenType().isEmpty()) {
            m.put("token_type", c.tokenType());
        }
        return m;
    }

    /** The tune view: effective TTLs (0 resolves to the system value). */
    static Map<String, Object> tune(MountEntry e) {
        MountConfig c = e.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("default_lease_ttl", effective(c.defaultLeaseTtl()));
        m.put("description", e.description());
        m.put("force_no_cache", c.forceNoCache());
        m.put("max_lease_ttl", effective(c.maxLeaseTtl()));
        if (e.options() != null) {
            m.put("options", e.options());
        }
        if (!c.tokenType().isEmpty()) {
            m.put("token_type", c.tokenType());
        }
        if (!c.listingVisibility().isEmpty()) {
            m.put("listing_visibility", c.listingVisibility());
        }
        if (!c.auditNonHmacRequestKeys().isEmpty()) {
            m.put("audit_non_hmac_request_keys", c.auditNonHmacRequestKeys());
        }
        if (!c.auditNonHmacResponseKeys().isEmpty()) {
            m.put("audit_non_hmac_response_keys", c.auditNonHmacResponseKeys());
        }
        if (!c.passthroughRequestHeaders().isEmpty()) {
            m.put("passthrough_request_headers", c.passthroughRequestHeaders());
        }
        if (!c.allowedResponseHeaders().isEmpty()) {
            m.put("allowed_response_headers", c.allowedResponseHeaders());
        }
        m.putAll(UserLockoutConfig.shown(e.options()));
        return m;
    }

    static long effective(long ttl) {
        return ttl == 0 ? SYSTEM_TTL_SECONDS : ttl;
    }
}

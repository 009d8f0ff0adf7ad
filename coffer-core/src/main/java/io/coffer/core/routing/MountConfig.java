package io.coffer.core.routing;

import java.util.List;

/**
 * The tunable settings of one mount, as {@code sys/mounts} shows them under {@code config}.
 * TTLs are seconds; 0 means "the system default".
 */
public record MountConfig(long defaultLeaseTtl, long maxLeaseTtl, boolean forceNoCache,
                          List<String> auditNonHmacRequestKeys, List<String> auditNonHmacResponseKeys,
                          String listingVisibility, List<String> passthroughRequestHeaders,
                          List<String> allowedResponseHeaders, String tokenType) {
    public MountConfig {
        auditNonHmacRequestKeys = auditNonHmacRequestKeys == null ? List.of() : List.copyOf(auditNonHmacRequestKeys);
        auditNonHmacResponseKeys = auditNonHmacResponseKeys == null ? List.of() : List.copyOf(auditNonHmacResponseKeys);
        listingVisibility = listingVisibility == null ? "" : listingVisibility;
        passthroughRequestHeaders = passthroughRequestHeaders == null ? List.of() : List.copyOf(passthroughRequestHeaders);
        allowedResponseHeaders = allowedResponseHeaders == null ? List.of() : List.copyOf(allowedResponseHeaders);
        tokenType = tokenType == null ? "" : tokenType;
    }

    public MountConfig withTokenType(String type) {
        return new MountConfig(defaultLeaseTtl, maxLeaseTtl, forceNoCache, auditNonHmacRequestKeys,
                auditNonHmacResponseKeys, listingVisibility, passthroughRequestHeaders, allowedResponseHeaders, type);
    }

    public static MountConfig defaults() {
        return new MountConfig(0, 0, false, null, null, "", null, null, "");
    }
}

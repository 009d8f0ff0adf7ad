package io.coffer.core.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * One row of the audit device table ({@code core/audit}): where a device is enabled, what it is,
 * its options as the operator gave them, and the random salt its HMACs are keyed with. The salt
 * never leaves the barrier: {@code sys/audit} does not show it and {@link #toString()} omits it.
 *
 * @param path        the device path with a trailing slash, e.g. {@code file/}
 * @param type        the device type; only {@code file} exists
 * @param description free text
 * @param options     the device options (strings), as given at enable time
 * @param local       Vault's replication flag, kept and shown only
 * @param uuid        a stable id of this enablement
 * @param salt        the HMAC key, 32 random bytes in standard base64
 */
public record AuditDeviceEntry(String path, String type, String description, Map<String, String> options,
                               boolean local, String uuid, String salt) {
    public AuditDeviceEntry {
        description = description == null ? "" : description;
        options = options == null ? Map.of() : Map.copyOf(new TreeMap<>(options));
    }

    @Override
    public String toString() {
        return "AuditDeviceEntry[path=" + path + ", type=" + type + "]";
    }
}

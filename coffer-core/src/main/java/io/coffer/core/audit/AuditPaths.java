package io.coffer.core.audit;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code sys/} endpoints of the audit devices: {@code audit} (read or list the enabled
 * devices), {@code audit/<path>} (enable, disable) and {@code audit-hash/<path>} (the HMAC of an
 * input with a device's salt). Data is also copied to the top level, as Vault does for these.
 * The sudo requirement on {@code audit} and {@code audit/*} is the system backend's root paths.
 */
public final class AuditPaths {
    private final AuditBroker broker;

    public AuditPaths(AuditBroker broker) {
        this.broker = broker;
    }

    /** The paths to add to the system backend. */
    public List<Path> paths() {
        return List.of(
                Path.builder("audit/?")
                        .operation(Operation.READ, (req, data) -> list())
                        .operation(Operation.LIST, (req, data) -> list())
                        .build(),
                Path.builder("audit-hash/{path:.+}")
                        .field("input", FieldType.STRING, "The input to hash")
                        .write((req, data) -> hash(data))
                        .build(),
                Path.builder("audit/{path:.+}")
                        .field("type", FieldType.STRING, "The audit device type: file")
                        .field("description", FieldType.STRING, "Description")
                        .field("options", FieldType.STRING_MAP, "Device options")
                        .field("local", FieldType.BOOL, "Local to this cluster")
                        .write((req, data) -> enable(data))
                        .operation(Operation.DELETE, (req, data) -> {
                            broker.disable(devicePath(data));
                            return Response.noContent();
                        })
                        .build());
    }

    private Response list() {
        Map<String, Object> out = new TreeMap<>();
        for (AuditDeviceEntry e : broker.entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", e.type());
            m.put("description", e.description());
            m.put("options", e.options());
            m.put("local", e.local());
            m.put("path", e.path());
            out.put(e.path(), m);
        }
        return Response.of(out).withTopLevelData();
    }

    private Response enable(FieldData data) {
        data.validate();
        Map<String, String> options = data.has("options") ? data.getStringMap("options") : Map.of();
        broker.enable(devicePath(data), data.getString("type").trim(), data.getString("description"), options,
                data.getBool("local"));
        return Response.noContent();
    }

    private Response hash(FieldData data) {
        data.validate();
        if (!data.has("input")) {
            throw new InvalidRequestException("missing input");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hash", broker.hash(devicePath(data), data.getString("input")));
        return Response.of(out).withTopLevelData();
    }

    /** The device path from the URL, with one trailing slash; {@code a//b} or {@code ..} refused. */
    static String devicePath(FieldData data) {
        String p = data.raw().get("path").toString();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty() || p.equals("/") || p.contains("..") || p.contains("//")) {
            throw new InvalidRequestException("invalid audit device path");
        }
        return p.endsWith("/") ? p : p + "/";
    }
}

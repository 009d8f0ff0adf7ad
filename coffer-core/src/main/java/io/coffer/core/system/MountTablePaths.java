package io.coffer.core.system;

import io.coffer.core.routing.MountConfig;
import io.coffer.core.routing.MountEntry;
import io.coffer.core.routing.MountManager;
import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.GoDuration;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code sys/mounts[/<path>[/tune]]} and {@code sys/auth[/<path>[/tune]]}: list, enable,
 * read, disable and tune the rows of one mount table.
 */
final class MountTablePaths {
    private final MountManager mounts;
    private final String table;
    private final String prefix;

    MountTablePaths(MountManager mounts, String table) {
        this.mounts = mounts;
        this.table = table;
        this.prefix = MountEntry.TABLE_AUTH.equals(table) ? "auth" : "mounts";
    }

    List<Path> paths() {
        return List.of(
                Path.builder(prefix + "/?")
                        .operation(Operation.READ, (req, data) -> list())
                        .build(),
                Path.builder(prefix + "/{path:.+}/tune")
                        .field("default_lease_ttl", FieldType.STRING, "Default lease TTL")
                        .field("max_lease_ttl", FieldType.STRING, "Max lease TTL")
                        .field("description", FieldType.STRING, "Description")
                        .field("options", FieldType.STRING_MAP, "Engine options")
                        .field("listing_visibility", FieldType.STRING, "unauth or hidden")
                        .field("token_type", FieldType.STRING, "Token type of an auth mount")
                        .field("audit_non_hmac_request_keys", FieldType.COMMA_STRING_SLICE, "")
                        .field("audit_non_hmac_response_keys", FieldType.COMMA_STRING_SLICE, "")
                        .field("passthrough_request_headers", FieldType.COMMA_STRING_SLICE, "")
                        .field("allowed_response_headers", FieldType.COMMA_STRING_SLICE, "")
                        .field("user_lockout_config", FieldType.MAP, "User lockout of userpass mounts")
                        .operation(Operation.READ, (req, data) -> Response.of(MountView.tune(existing(data))).withTopLevelData())
                        .write((req, data) -> tune(data))
                        .build(),
                Path.builder(prefix + "/{path:.+}")
                        .field("type", FieldType.STRING, "Engine type")
                        .field("description", FieldType.STRING, "Description")
                        .field("config", FieldType.MAP, "Mount configuration")
                        .field("options", FieldType.STRING_MAP, "Engine options")
                        .field("local", FieldType.BOOL, "Local to this cluster")
                        .field("seal_wrap", FieldType.BOOL, "Seal wrapping")
                        .field("external_entropy_access", FieldType.BOOL, "External entropy")
                        .field("plugin_name", FieldType.STRING, "Plugin name")
                        .field("plugin_version", FieldType.STRING, "Plugin version")
                        .operation(Operation.READ, (req, data) -> Response.of(MountView.render(existing(data))).withTopLevelData())
                        .write((req, data) -> enable(data))
                        .operation(Operation.DELETE, (req, data) -> {
                            mounts.disable(table, mountPath(data));
                            return Response.noContent();
                        })
                        .build());
    }

    private Response list() {
        Map<String, Object> out = new TreeMap<>();
        for (MountEntry e : mounts.entries(table)) {
            out.put(e.path(), MountView.render(e));
        }
        return Response.of(out).withTopLevelData();
    }

    private Response enable(FieldData data) {
        data.validate();
        String type = data.getString("type");
        if (type.isEmpty()) {
            type = data.getString("plugin_name");
        }
        if (type.isEmpty()) {
            throw new InvalidRequestException("missing type");
        }
        Map<String, String> options = data.has("options") ? new LinkedHashMap<>(data.getStringMap("options")) : null;
        if (type.equals("kv-v1") || type.equals("kv-v2")) {
            String version = type.substring(4);
            if (options != null && options.containsKey("version") && !options.get("version").equals(version)) {
                throw new InvalidRequestException("conflicting values for type \"" + type + "\" and options.version");
            }
            options = options == null ? new LinkedHashMap<>() : options;
            options.put("version", version);
            type = "kv";
        }
        if (MountEntry.TABLE_AUTH.equals(table) && type.equals("token")) {
            throw new InvalidRequestException("token credential backend cannot be instantiated");
        }
        MountConfig config = parseConfig(data.has("config") ? data.getMap("config") : Map.of());
        if (!config.tokenType().isEmpty()) {
            config = config.withTokenType(tokenType(table, type, config.tokenType()));
        }
        mounts.enable(new MountEntry(table, mountPath(data), type, data.getString("description"), "", "",
                data.getBool("local"), data.getBool("seal_wrap"), data.getBool("external_entropy_access"),
                options, config, data.getString("plugin_version")));
        return Response.noContent();
    }

    private Response tune(FieldData data) {
        data.validate();
        MountEntry entry = existing(data);
        MountConfig c = entry.config();
        long defaultTtl = data.has("default_lease_ttl") ? ttl("default_lease_ttl", data.getString("default_lease_ttl")) : c.defaultLeaseTtl();
        long maxTtl = data.has("max_lease_ttl") ? ttl("max_lease_ttl", data.getString("max_lease_ttl")) : c.maxLeaseTtl();
        checkTtls(defaultTtl, maxTtl);
        MountConfig tuned = new MountConfig(defaultTtl, maxTtl, c.forceNoCache(),
                data.has("audit_non_hmac_request_keys") ? data.getStringList("audit_non_hmac_request_keys") : c.auditNonHmacRequestKeys(),
                data.has("audit_non_hmac_response_keys") ? data.getStringList("audit_non_hmac_response_keys") : c.auditNonHmacResponseKeys(),
                data.has("listing_visibility") ? data.getString("listing_visibility") : c.listingVisibility(),
                data.has("passthrough_request_headers") ? data.getStringList("passthrough_request_headers") : c.passthroughRequestHeaders(),
                data.has("allowed_response_headers") ? data.getStringList("allowed_response_headers") : c.allowedResponseHeaders(),
                data.has("token_type") ? tokenType(entry.table(), entry.type(), data.getString("token_type")) : c.tokenType());
        Map<String, String> options = entry.options();
        if (data.has("options")) {
            Map<String, String> merged = options == null ? new LinkedHashMap<>() : new LinkedHashMap<>(options);
            merged.putAll(data.getStringMap("options"));
            options = merged;
        }
        if (data.has("user_lockout_config")) {
            options = UserLockoutConfig.applyTo(entry, options, data.getMap("user_lockout_config"));
        }
        String description = data.has("description") ? data.getString("description") : entry.description();
        Map<String, String> finalOptions = options;
        mounts.tune(entry.table(), entry.path(), e -> e.withConfig(tuned).withOptions(finalOptions).withDescription(description));
        return Response.noContent();
    }

    /**
     * The mount the request names. As in Vault, {@code sys/mounts/auth/<path>/tune} reaches the
     * auth mount at {@code <path>}.
     */
    private MountEntry existing(FieldData data) {
        String path = mountPath(data);
        boolean authViaMounts = MountEntry.TABLE_MOUNTS.equals(table) && path.startsWith("auth/") && path.length() > 5;
        MountEntry e = authViaMounts ? mounts.entry(MountEntry.TABLE_AUTH, path.substring(5)) : mounts.entry(table, path);
        if (e == null) {
            throw new NotFoundException("no mount at " + path);
        }
        return e;
    }

    private static String mountPath(FieldData data) {
        String p = data.raw().get("path").toString();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty() || p.contains("..") || p.contains("//")) {
            throw new InvalidRequestException("invalid mount path");
        }
        return p.endsWith("/") ? p : p + "/";
    }

    /**
     * A mount's {@code token_type} as stored: only auth mounts have one, {@code default} means
     * {@code default-service}, and the token store itself issues only service tokens by default.
     */
    private static String tokenType(String table, String mountType, String value) {
        if (!MountEntry.TABLE_AUTH.equals(table)) {
            throw new InvalidRequestException("'token_type' can only be modified on auth mounts");
        }
        String type = value.equals("default") ? "default-service" : value;
        if (!List.of("default-service", "default-batch", "service", "batch").contains(type)) {
            throw new InvalidRequestException("invalid value for 'token_type': " + value);
        }
        if (mountType.equals("token") && type.contains("batch")) {
            throw new InvalidRequestException("the token store's mount cannot default to batch tokens");
        }
        return type;
    }

    static MountConfig parseConfig(Map<String, Object> raw) {
        Map<String, io.coffer.sdk.framework.FieldSchema> schema = new LinkedHashMap<>();
        for (String f : List.of("default_lease_ttl", "max_lease_ttl", "listing_visibility", "token_type", "plugin_version")) {
            schema.put(f, io.coffer.sdk.framework.FieldSchema.of(f, FieldType.STRING, ""));
        }
        schema.put("force_no_cache", io.coffer.sdk.framework.FieldSchema.of("force_no_cache", FieldType.BOOL, ""));
        for (String f : List.of("audit_non_hmac_request_keys", "audit_non_hmac_response_keys",
                "passthrough_request_headers", "allowed_response_headers")) {
            schema.put(f, io.coffer.sdk.framework.FieldSchema.of(f, FieldType.COMMA_STRING_SLICE, ""));
        }
        FieldData c = new FieldData(raw, schema);
        c.validate();
        long defaultTtl = ttl("config.default_lease_ttl", c.getString("default_lease_ttl"));
        long maxTtl = ttl("config.max_lease_ttl", c.getString("max_lease_ttl"));
        checkTtls(defaultTtl, maxTtl);
        return new MountConfig(defaultTtl, maxTtl, c.getBool("force_no_cache"),
                c.getStringList("audit_non_hmac_request_keys"), c.getStringList("audit_non_hmac_response_keys"),
                c.getString("listing_visibility"), c.getStringList("passthrough_request_headers"),
                c.getStringList("allowed_response_headers"), c.getString("token_type"));
    }

    private static long ttl(String field, String value) {
        if (value.isEmpty() || value.equals("system")) {
            return 0;
        }
        try {
            Duration d = GoDuration.parse(value);
            if (d.isNegative()) {
                throw new InvalidRequestException("error converting input for field \"" + field + "\": must not be negative");
            }
            return d.getSeconds();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("error converting input for field \"" + field + "\": expected a duration");
        }
    }

    private static void checkTtls(long defaultTtl, long maxTtl) {
        if (MountView.effective(defaultTtl) > MountView.effective(maxTtl)) {
            throw new InvalidRequestException("backend max lease TTL of " + MountView.effective(maxTtl)
                    + " would be less than default lease TTL of " + MountView.effective(defaultTtl));
        }
    }
}

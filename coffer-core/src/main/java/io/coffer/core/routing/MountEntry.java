package io.coffer.core.routing;

import java.util.Map;

/**
 * One row of a mount table: where an engine is mounted, what it is, and where its data lives.
 *
 * @param table    {@link #TABLE_MOUNTS} or {@link #TABLE_AUTH}
 * @param path     the mount path with a trailing slash, e.g. {@code secret/} (for auth mounts
 *                 without the {@code auth/} prefix, e.g. {@code token/})
 * @param type     the engine type, e.g. {@code kv}
 * @param uuid     the stable id; data lives under {@code logical/<uuid>/} or {@code auth/<uuid>/}
 * @param accessor the public handle, e.g. {@code kv_1a2b3c4d}
 * @param options  engine options (strings), or {@code null}
 */
public record MountEntry(String table, String path, String type, String description, String uuid,
                         String accessor, boolean local, boolean sealWrap, boolean externalEntropyAccess,
                         Map<String, String> options, MountConfig config, String pluginVersion) {
    public static final String TABLE_MOUNTS = "mounts";
    public static final String TABLE_AUTH = "auth";

    public MountEntry {
        description = description == null ? "" : description;
        options = options == null ? null : Map.copyOf(options);
        config = config == null ? MountConfig.defaults() : config;
        pluginVersion = pluginVersion == null ? "" : pluginVersion;
    }

    /** The API path prefix requests use, e.g. {@code secret/} or {@code auth/token/}. */
    public String apiPath() {
        return TABLE_AUTH.equals(table) ? "auth/" + path : path;
    }

    public MountEntry withConfig(MountConfig newConfig) {
        return new MountEntry(table, path, type, description, uuid, accessor, local, sealWrap,
                externalEntropyAccess, options, newConfig, pluginVersion);
    }

    public MountEntry withOptions(Map<String, String> newOptions) {
        return new MountEntry(table, path, type, description, uuid, accessor, local, sealWrap,
                externalEntropyAccess, newOptions, config, pluginVersion);
    }

    public MountEntry withDescription(String newDescription) {
        return new MountEntry(table, path, type, newDescription, uuid, accessor, local, sealWrap,
                externalEntropyAccess, options, config, pluginVersion);
    }

    public MountEntry withPath(String newPath) {
        return new MountEntry(table, newPath, type, description, uuid, accessor, local, sealWrap,
                externalEntropyAccess, options, config, pluginVersion);
    }
}

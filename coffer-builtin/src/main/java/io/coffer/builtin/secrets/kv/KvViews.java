package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.framework.GoDuration;
import io.coffer.sdk.logical.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders stored KV v2 state as the response maps Vault's clients expect (keys in Go's sorted
 * JSON order, times as RFC3339Nano, durations as Go strings, absent values as {@code ""} or
 * {@code null} exactly where Vault emits them).
 */
final class KvViews {
    private KvViews() {
    }

    /** {@code {created_time, custom_metadata, deletion_time, destroyed, version}} of one version. */
    static Map<String, Object> versionMetadata(KeyMetadata meta, long version, VersionMetadata state) {
        Map<String, Object> out = new LinkedHashMap<>(8);
        out.put("created_time", GoTime.format(state.createdTime()));
        out.put("custom_metadata", customMetadata(meta));
        out.put("deletion_time", state.deletionTime() == null ? "" : GoTime.format(state.deletionTime()));
        out.put("destroyed", state.destroyed());
        out.put("version", version);
        return out;
    }

    /** The read/subkeys envelope {@code {<dataField>: value, metadata: {...}}}. */
    static Map<String, Object> envelope(String dataField, Object value, Map<String, Object> versionMetadata) {
        Map<String, Object> out = new LinkedHashMap<>(4);
        out.put(dataField, value);
        out.put("metadata", versionMetadata);
        return out;
    }

    /** The 404 answer for a soft-deleted or destroyed version: the envelope with {@code null} data. */
    static Response unreadable(String dataField, Map<String, Object> versionMetadata) {
        return Response.of(envelope(dataField, null, versionMetadata)).withStatus(404);
    }

    /** The {@code metadata/{path}} read body. */
    static Map<String, Object> keyMetadata(KeyMetadata meta) {
        Map<String, Object> versions = new LinkedHashMap<>();
        meta.versions().forEach((number, state) -> {
            Map<String, Object> v = new LinkedHashMap<>(4);
            v.put("created_time", GoTime.format(state.createdTime()));
            v.put("deletion_time", state.deletionTime() == null ? "" : GoTime.format(state.deletionTime()));
            v.put("destroyed", state.destroyed());
            versions.put(Long.toString(number), v);
        });
        Map<String, Object> out = new LinkedHashMap<>(12);
        out.put("cas_required", meta.casRequired());
        out.put("created_time", GoTime.format(meta.createdTime()));
        out.put("current_version", meta.currentVersion());
        out.put("custom_metadata", customMetadata(meta));
        out.put("delete_version_after", GoDuration.format(meta.deleteVersionAfter()));
        out.put("max_versions", meta.maxVersions());
        out.put("oldest_version", meta.oldestVersion());
        out.put("updated_time", GoTime.format(meta.updatedTime()));
        out.put("versions", versions);
        return out;
    }

    /** The {@code config} read body. */
    static Map<String, Object> config(EngineConfig config) {
        Map<String, Object> out = new LinkedHashMap<>(4);
        out.put("cas_required", config.casRequired());
        out.put("delete_version_after", GoDuration.format(config.deleteVersionAfter()));
        out.put("max_versions", config.maxVersions());
        return out;
    }

    private static Map<String, String> customMetadata(KeyMetadata meta) {
        return meta.customMetadata() == null ? null : new TreeMap<>(meta.customMetadata());
    }
}

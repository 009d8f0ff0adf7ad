package io.coffer.builtin.secrets.kv;

import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Writes a new version of a KV v2 secret: enforces check-and-set, applies
 * {@code delete_version_after}, prunes versions beyond {@code max_versions} and stores the result.
 * Callers hold the key's lock around {@link #checkCas} and {@link #commit}.
 *
 * <p>Storage order keeps the metadata authoritative after a crash: the new version's data is
 * written first, pruned versions' data is deleted next, the metadata last. A crash before the
 * metadata write leaves at most an unreferenced version entry that the next write of the same
 * version number overwrites (and a metadata delete removes).
 */
final class VersionWriter {
    /** The number of versions kept when neither the key nor the engine sets one. */
    static final int DEFAULT_MAX_VERSIONS = 10;

    private VersionWriter() {
    }

    /**
     * Refuses the write unless check-and-set allows it: {@code cas} is required when the engine or
     * the key says so, and when given it must equal the current version (0 for an absent key).
     */
    static void checkCas(EngineConfig config, KeyMetadata meta, OptionalLong cas) {
        boolean required = config.casRequired() || (meta != null && meta.casRequired());
        if (required && cas.isEmpty()) {
            throw new InvalidRequestException("check-and-set parameter required for this call");
        }
        long current = meta == null ? 0 : meta.currentVersion();
        if (cas.isPresent() && cas.getAsLong() != current) {
            throw new InvalidRequestException("check-and-set parameter did not match the current version");
        }
    }

    /** Stores {@code data} as the next version of {@code path} and returns the updated metadata. */
    static KeyMetadata commit(KvV2Store store, String path, KeyMetadata existing, EngineConfig config,
                              Map<String, Object> data, Instant now) {
        KeyMetadata meta = existing != null ? existing : KeyMetadata.create(path, now);
        long version = meta.currentVersion() + 1;
        Duration deleteAfter = effectiveDeleteVersionAfter(config, meta);
        Instant deletionTime = deleteAfter.isZero() ? null : now.plus(deleteAfter);

        TreeMap<Long, VersionMetadata> versions = new TreeMap<>(meta.versions());
        versions.put(version, new VersionMetadata(now, deletionTime, false));
        long oldest = meta.oldestVersion();
        int max = effectiveMaxVersions(config, meta);
        List<Long> pruned = new ArrayList<>();
        while (versions.size() > max) {
            pruned.add(versions.pollFirstEntry().getKey());
        }
        if (!pruned.isEmpty()) {
            oldest = versions.firstKey();
        }
        KeyMetadata updated = meta.withVersions(version, oldest, versions, now);
        store.commitVersion(path, version, data, pruned, updated);
        return updated;
    }

    /** The key's {@code max_versions} if set, else the engine's if set, else 10. */
    static int effectiveMaxVersions(EngineConfig config, KeyMetadata meta) {
        if (meta.maxVersions() > 0) {
            return meta.maxVersions();
        }
        return config.maxVersions() > 0 ? config.maxVersions() : DEFAULT_MAX_VERSIONS;
    }

    /**
     * The key's {@code delete_version_after} if set, else the engine's; when both are set the
     * shorter wins, since a key's value cannot exceed the engine's. Zero disables.
     */
    static Duration effectiveDeleteVersionAfter(EngineConfig config, KeyMetadata meta) {
        Duration key = meta.deleteVersionAfter();
        Duration engine = config.deleteVersionAfter();
        if (key.isZero()) {
            return engine;
        }
        if (engine.isZero()) {
            return key;
        }
        return key.compareTo(engine) <= 0 ? key : engine;
    }
}

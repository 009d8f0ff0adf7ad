package io.coffer.builtin.secrets.kv;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stored metadata of one KV v2 key: its settings and the state of every version still kept.
 * Immutable; the version map is sorted by version number and holds exactly the versions from the
 * oldest kept to {@link #currentVersion()} (destroyed and deleted ones included).
 *
 * @param key                the secret path below the mount, e.g. {@code app/db}
 * @param createdTime        when the key metadata was first created
 * @param updatedTime        when a version was last written (or the metadata created)
 * @param currentVersion     the newest version number, 0 when no version was ever written
 * @param oldestVersion      the oldest version kept; 0 until versions were pruned
 * @param maxVersions        the key's own limit, 0 to use the engine's
 * @param casRequired        whether writes to this key must carry {@code options.cas}
 * @param deleteVersionAfter the key's own automatic deletion delay, zero to use the engine's
 * @param customMetadata     user-supplied string pairs, or {@code null} when never set
 * @param versions           version number to version state
 */
public record KeyMetadata(String key, Instant createdTime, Instant updatedTime, long currentVersion,
                          long oldestVersion, int maxVersions, boolean casRequired, Duration deleteVersionAfter,
                          Map<String, String> customMetadata, SortedMap<Long, VersionMetadata> versions) {

    public KeyMetadata {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(createdTime, "createdTime");
        Objects.requireNonNull(updatedTime, "updatedTime");
        Objects.requireNonNull(deleteVersionAfter, "deleteVersionAfter");
        customMetadata = customMetadata == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(customMetadata));
        versions = Collections.unmodifiableSortedMap(new TreeMap<>(versions));
    }

    /** Metadata for a key that has no versions yet, created at {@code now}. */
    public static KeyMetadata create(String key, Instant now) {
        return new KeyMetadata(key, now, now, 0, 0, 0, false, Duration.ZERO, null, new TreeMap<>());
    }

    /** The state of {@code version}, or {@code null} when it never existed or was pruned. */
    public VersionMetadata version(long version) {
        return versions.get(version);
    }

    /** This metadata with {@code version}'s state replaced; the version must already be kept. */
    public KeyMetadata withVersion(long version, VersionMetadata state) {
        if (!versions.containsKey(version)) {
            throw new IllegalArgumentException("version not kept");
        }
        TreeMap<Long, VersionMetadata> copy = new TreeMap<>(versions);
        copy.put(version, state);
        return new KeyMetadata(key, createdTime, updatedTime, currentVersion, oldestVersion, maxVersions, casRequired,
                deleteVersionAfter, customMetadata, copy);
    }

    /** This metadata with new key settings; versions are untouched. */
    public KeyMetadata withSettings(int newMaxVersions, boolean newCasRequired, Duration newDeleteVersionAfter,
                                    Map<String, String> newCustomMetadata) {
        return new KeyMetadata(key, createdTime, updatedTime, currentVersion, oldestVersion, newMaxVersions,
                newCasRequired, newDeleteVersionAfter, newCustomMetadata, versions);
    }

    /** This metadata after a version write: new current version, kept versions and times. */
    public KeyMetadata withVersions(long newCurrentVersion, long newOldestVersion,
                                    SortedMap<Long, VersionMetadata> newVersions, Instant newUpdatedTime) {
        return new KeyMetadata(key, createdTime, newUpdatedTime, newCurrentVersion, newOldestVersion, maxVersions,
                casRequired, deleteVersionAfter, customMetadata, newVersions);
    }
}

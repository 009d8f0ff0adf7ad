package io.coffer.builtin.secrets.kv;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored state of one version of a KV v2 secret: when it was written, when it is (or was)
 * soft-deleted, and whether its data has been destroyed. Immutable.
 *
 * @param createdTime  when the version was written
 * @param deletionTime when the version stops being readable, or {@code null} if never; a time in
 *                     the future (from {@code delete_version_after}) leaves it readable until then
 * @param destroyed    whether the version's data has been permanently removed
 */
public record VersionMetadata(Instant createdTime, Instant deletionTime, boolean destroyed) {

    public VersionMetadata {
        Objects.requireNonNull(createdTime, "createdTime");
    }

    /** Whether the version is soft-deleted at {@code now}: its deletion time is set and not after {@code now}. */
    public boolean isDeleted(Instant now) {
        return deletionTime != null && !deletionTime.isAfter(now);
    }

    /** Whether the version's data may be returned at {@code now}. */
    public boolean isReadable(Instant now) {
        return !destroyed && !isDeleted(now);
    }

    /** This version soft-deleted at {@code time}. */
    public VersionMetadata deletedAt(Instant time) {
        return new VersionMetadata(createdTime, time, destroyed);
    }

    /** This version with its deletion time cleared. */
    public VersionMetadata undeleted() {
        return new VersionMetadata(createdTime, null, destroyed);
    }

    /** This version marked destroyed; the deletion time is kept. */
    public VersionMetadata markedDestroyed() {
        return new VersionMetadata(createdTime, deletionTime, true);
    }
}

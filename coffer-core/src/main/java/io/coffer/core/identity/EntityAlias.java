package io.coffer.core.identity;

import java.util.Map;

/**
 * An entity alias (format version {@value #FORMAT_VERSION}): the name a user has on one auth
 * mount (the user name on userpass, the role id on approle), pointing at its entity.
 */
public record EntityAlias(int formatVersion, String id, String name, String mountAccessor, String mountType,
                          String canonicalId, Map<String, String> metadata, String creationTime,
                          String lastUpdateTime) {
    public static final int FORMAT_VERSION = 1;

    public EntityAlias {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}

package io.coffer.core.identity;

import java.util.List;
import java.util.Map;

/**
 * An identity entity (format version {@value #FORMAT_VERSION}): one user or application across
 * auth methods, with its aliases.
 */
public record Entity(int formatVersion, String id, String name, List<String> policies, Map<String, String> metadata,
                     List<String> aliasIds, String creationTime, String lastUpdateTime, boolean disabled) {
    public static final int FORMAT_VERSION = 1;

    public Entity {
        policies = policies == null ? List.of() : List.copyOf(policies);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        aliasIds = aliasIds == null ? List.of() : List.copyOf(aliasIds);
    }
}

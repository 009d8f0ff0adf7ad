package io.coffer.core.identity;

import java.util.List;
import java.util.Map;

/** An identity group (format version {@value #FORMAT_VERSION}): named entities sharing policies. */
public record Group(int formatVersion, String id, String name, List<String> policies, List<String> memberEntityIds,
                    Map<String, String> metadata, String creationTime, String lastUpdateTime) {
    public static final int FORMAT_VERSION = 1;

    public Group {
        policies = policies == null ? List.of() : List.copyOf(policies);
        memberEntityIds = memberEntityIds == null ? List.of() : List.copyOf(memberEntityIds);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}

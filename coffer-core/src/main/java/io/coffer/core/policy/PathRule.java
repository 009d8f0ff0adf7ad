package io.coffer.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code path "…" { … }} stanza of a policy: an immutable value.
 *
 * <p>{@code path} is the pattern as written (one leading {@code /} removed, as Vault does); it may
 * end with the glob {@code *} and contain {@code +} segment wildcards. A rule carrying
 * {@link Capability#DENY} carries nothing else. Parameter names in {@code allowedParameters} and
 * {@code deniedParameters} are lower-case; their value lists keep the policy's values (strings,
 * {@code Long}, {@code Double}, {@code Boolean}, {@code null}, lists, maps), an empty list meaning
 * "any value". Absent constraints are empty collections, never {@code null}.
 */
public record PathRule(
        String path,
        Set<Capability> capabilities,
        Map<String, List<Object>> allowedParameters,
        Map<String, List<Object>> deniedParameters,
        List<String> requiredParameters) {

    public PathRule {
        Objects.requireNonNull(path, "path");
        capabilities = copyCapabilities(capabilities);
        allowedParameters = copyParameters(allowedParameters);
        deniedParameters = copyParameters(deniedParameters);
        requiredParameters = requiredParameters == null ? List.of() : List.copyOf(requiredParameters);
    }

    /** A rule with capabilities only. */
    public static PathRule of(String path, Set<Capability> capabilities) {
        return new PathRule(path, capabilities, Map.of(), Map.of(), List.of());
    }

    private static Set<Capability> copyCapabilities(Set<Capability> in) {
        EnumSet<Capability> copy = EnumSet.noneOf(Capability.class);
        if (in != null) {
            copy.addAll(in);
        }
        return Collections.unmodifiableSet(copy);
    }

    private static Map<String, List<Object>> copyParameters(Map<String, List<Object>> in) {
        if (in == null || in.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        in.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "parameter name"),
                v == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(v))));
        return Collections.unmodifiableMap(copy);
    }
}

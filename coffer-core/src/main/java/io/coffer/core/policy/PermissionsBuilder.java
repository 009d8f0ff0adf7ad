package io.coffer.core.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges every rule written for one path, across policies, as Vault does: capabilities are
 * united; a {@code deny} anywhere makes the result deny-only and no later rule changes that;
 * allowed and denied parameter lists are merged per name (an empty list absorbs the others,
 * otherwise values are concatenated); required parameters are united.
 */
final class PermissionsBuilder {

    private final EnumSet<Capability> capabilities = EnumSet.noneOf(Capability.class);
    private Map<String, List<Object>> allowed;
    private Map<String, List<Object>> denied;
    private final List<String> required = new ArrayList<>();

    void absorb(PathRule rule) {
        if (capabilities.contains(Capability.DENY)) {
            return;
        }
        if (rule.capabilities().contains(Capability.DENY)) {
            capabilities.clear();
            capabilities.add(Capability.DENY);
            allowed = null;
            denied = null;
            required.clear();
            return;
        }
        capabilities.addAll(rule.capabilities());
        allowed = mergeParameters(allowed, rule.allowedParameters());
        denied = mergeParameters(denied, rule.deniedParameters());
        for (String r : rule.requiredParameters()) {
            if (!required.contains(r)) {
                required.add(r);
            }
        }
    }

    private static Map<String, List<Object>> mergeParameters(Map<String, List<Object>> into, Map<String, List<Object>> more) {
        if (more.isEmpty()) {
            return into;
        }
        Map<String, List<Object>> out = into == null ? new LinkedHashMap<>() : into;
        more.forEach((name, values) -> ParameterLists.merge(out, name, values));
        return out;
    }

    Permissions build() {
        ParameterConstraints constraints = ParameterConstraints.of(
                required,
                allowed == null ? Map.of() : allowed,
                denied == null ? Map.of() : denied);
        return new Permissions(capabilities, constraints);
    }
}

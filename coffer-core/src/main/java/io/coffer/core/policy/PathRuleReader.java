package io.coffer.core.policy;

import io.coffer.core.hcl.HclObject;
import io.coffer.core.hcl.Snippet;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed policy tree into {@link PathRule}s with Vault's validation: top-level keys
 * {@code name} and {@code path} only; per path the keys Vault accepts; capabilities from the
 * known set; the legacy {@code policy = "deny|read|write|sudo"} field mapped to capabilities;
 * {@code deny} erasing every other capability and constraint of its stanza; {@code +*} refused.
 *
 * <p>Both shapes of a path stanza are accepted: the HCL block {@code path "p" { … }} and the JSON
 * form {@code "path": {"p": {…}, …}} (or a list of such objects); repeated stanzas for one path
 * become separate rules, merged later by {@link Acl}.
 */
final class PathRuleReader {

    /** Keys Vault accepts in a path stanza that Coffer does not enforce; they are ignored. */
    private static final Set<String> IGNORED_KEYS = Set.of(
            "comment", "min_wrapping_ttl", "max_wrapping_ttl", "mfa_methods", "control_group",
            "subscribe_event_types");

    /** Capabilities newer Vault versions accept that have no Coffer operation; they are dropped. */
    private static final Set<String> IGNORED_CAPABILITIES = Set.of("subscribe", "recover");

    List<PathRule> read(HclObject root) {
        List<PathRule> rules = new ArrayList<>();
        for (HclObject.Item item : root.items()) {
            switch (item.key()) {
                case "name":
                    if (item.keys().size() != 1 || !(item.value() instanceof String)) {
                        throw new PolicySyntaxException("name on line " + item.line() + " must be a string");
                    }
                    break;
                case "path":
                    readPathItem(item, rules);
                    break;
                default:
                    throw new PolicySyntaxException("invalid key " + Snippet.quote(item.key()) + " on line " + item.line());
            }
        }
        return rules;
    }

    private void readPathItem(HclObject.Item item, List<PathRule> rules) {
        if (item.keys().size() == 2) {
            rules.add(rule(item.keys().get(1), item.value(), item.line()));
        } else if (item.keys().size() == 1) {
            readPathTable(item.value(), item.line(), rules);
        } else {
            throw new PolicySyntaxException("path block on line " + item.line() + " must have exactly one label");
        }
    }

    /** {@code "path": {"p": {…}}} or a list of such objects (HCL's JSON dialect). */
    private void readPathTable(Object value, int line, List<PathRule> rules) {
        if (value instanceof List<?> list) {
            for (Object element : list) {
                readPathTable(element, line, rules);
            }
        } else if (value instanceof HclObject table) {
            for (HclObject.Item entry : table.items()) {
                if (entry.keys().size() != 1) {
                    throw new PolicySyntaxException("path on line " + entry.line() + " must have exactly one label");
                }
                if (entry.value() instanceof List<?> bodies) {
                    for (Object body : bodies) {
                        rules.add(rule(entry.key(), body, entry.line()));
                    }
                } else {
                    rules.add(rule(entry.key(), entry.value(), entry.line()));
                }
            }
        } else {
            throw new PolicySyntaxException("path on line " + line + " must be a block");
        }
    }

    private PathRule rule(String label, Object bodyValue, int line) {
        String where = "path " + Snippet.quote(label) + ": ";
        if (!(bodyValue instanceof HclObject body)) {
            throw new PolicySyntaxException(where + "expected a block on line " + line);
        }
        String path = label.startsWith("/") ? label.substring(1) : label;
        if (path.contains("+*")) {
            throw new PolicySyntaxException(where + "invalid use of wildcards ('+*' is forbidden)");
        }
        List<String> capabilityNames = new ArrayList<>();
        String legacy = null;
        Map<String, List<Object>> allowed = Map.of();
        Map<String, List<Object>> denied = Map.of();
        List<String> required = List.of();
        Set<String> seen = new HashSet<>();
        for (HclObject.Item item : body.items()) {
            String key = item.key();
            if (item.keys().size() != 1 || (!IGNORED_KEYS.contains(key) && !isRuleKey(key))) {
                throw new PolicySyntaxException(where + "invalid key " + Snippet.quote(key) + " on line " + item.line());
            }
            if (!seen.add(key)) {
                throw new PolicySyntaxException(where + "duplicate key " + Snippet.quote(key) + " on line " + item.line());
            }
            switch (key) {
                case "capabilities" -> capabilityNames.addAll(strings(item.value(), where + "capabilities"));
                case "policy" -> legacy = string(item.value(), where + "policy");
                case "allowed_parameters" -> allowed = parameters(item.value(), where + "allowed_parameters");
                case "denied_parameters" -> denied = parameters(item.value(), where + "denied_parameters");
                case "required_parameters" -> required = strings(item.value(), where + "required_parameters");
                default -> {
                    // accepted for compatibility, not enforced
                }
            }
        }
        if (legacy != null && !legacy.isEmpty()) {
            capabilityNames = legacyCapabilities(legacy, capabilityNames, where);
        }
        EnumSet<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (String name : capabilityNames) {
            if (Capability.DENY.wireName().equals(name)) {
                return new PathRule(path, EnumSet.of(Capability.DENY), Map.of(), Map.of(), List.of());
            }
            if (IGNORED_CAPABILITIES.contains(name)) {
                continue;
            }
            try {
                capabilities.add(Capability.fromWire(name));
            } catch (IllegalArgumentException e) {
                throw new PolicySyntaxException(where + "invalid capability " + Snippet.quote(name));
            }
        }
        return new PathRule(path, capabilities, allowed, denied, required);
    }

    private static boolean isRuleKey(String key) {
        return switch (key) {
            case "capabilities", "policy", "allowed_parameters", "denied_parameters", "required_parameters" -> true;
            default -> false;
        };
    }

    /** Vault's mapping of the pre-0.5 {@code policy} field onto capabilities. */
    private static List<String> legacyCapabilities(String legacy, List<String> written, String where) {
        List<String> out = new ArrayList<>(written);
        switch (legacy) {
            case "deny" -> {
                return List.of("deny");
            }
            case "read" -> out.addAll(List.of("read", "list"));
            case "write" -> out.addAll(List.of("create", "read", "update", "delete", "list"));
            case "sudo" -> out.addAll(List.of("create", "read", "update", "delete", "list", "sudo"));
            default -> throw new PolicySyntaxException(where + "invalid policy " + Snippet.quote(legacy));
        }
        return out;
    }

    private static String string(Object value, String what) {
        if (value instanceof String s) {
            return s;
        }
        throw new PolicySyntaxException(what + " must be a string");
    }

    private static List<String> strings(Object value, String what) {
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw new PolicySyntaxException(what + " must be a list of strings");
                }
                out.add(s);
            }
            return out;
        }
        throw new PolicySyntaxException(what + " must be a list of strings");
    }

    /** {@code { name = [values…] … }}, names lower-cased; repeated names merged as Vault merges. */
    private static Map<String, List<Object>> parameters(Object value, String what) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        collectParameters(value, what, out);
        return out;
    }

    private static void collectParameters(Object value, String what, Map<String, List<Object>> out) {
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof HclObject)) {
                    throw new PolicySyntaxException(what + " must map parameter names to lists of values");
                }
                collectParameters(o, what, out);
            }
            return;
        }
        if (!(value instanceof HclObject object)) {
            throw new PolicySyntaxException(what + " must map parameter names to lists of values");
        }
        for (HclObject.Item item : object.items()) {
            if (item.keys().size() != 1 || !(item.value() instanceof List<?> values)) {
                throw new PolicySyntaxException(what + " must map parameter names to lists of values (line " + item.line() + ")");
            }
            List<Object> plain = new ArrayList<>(values.size());
            for (Object v : values) {
                plain.add(plain(v));
            }
            ParameterLists.merge(out, item.key().toLowerCase(Locale.ROOT), plain);
        }
    }

    /** Tree values as plain Java values: objects become insertion-ordered maps. */
    private static Object plain(Object v) {
        if (v instanceof HclObject o) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (HclObject.Item item : o.items()) {
                m.put(String.join(".", item.keys()), plain(item.value()));
            }
            return m;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object e : l) {
                out.add(plain(e));
            }
            return out;
        }
        return v;
    }
}

package io.coffer.cli.command.policy.hcl;

import io.coffer.cli.command.policy.hcl.HclNode.Body;
import io.coffer.cli.command.policy.hcl.HclNode.Item;
import io.coffer.cli.command.policy.hcl.HclNode.ListValue;
import io.coffer.cli.command.policy.hcl.HclNode.Literal;
import io.coffer.cli.command.policy.hcl.HclNode.ObjectValue;
import java.util.Set;

/**
 * Checks that a parsed document is a Vault ACL policy: only {@code name} and {@code path} at the
 * top level, known keys inside {@code path "..." {}} blocks, and known capabilities.
 *
 * <p>Errors read {@code failed to parse policy: ...}, as the server reports them.
 */
public final class PolicyValidator {
    private static final Set<String> TOP_LEVEL = Set.of("name", "path");
    private static final Set<String> PATH_KEYS =
            Set.of(
                    "comment",
                    "policy",
                    "capabilities",
                    "allowed_parameters",
                    "denied_parameters",
                    "required_parameters",
                    "min_wrapping_ttl",
                    "max_wrapping_ttl",
                    "mfa_methods",
                    "control_group",
                    "subscribe_event_types");
    private static final Set<String> CAPABILITIES =
            Set.of(
                    "create", "read", "update", "patch", "delete", "list", "sudo", "deny", "subscribe",
                    "recover");
    private static final Set<String> LEGACY_POLICIES = Set.of("deny", "read", "write", "sudo");

    private PolicyValidator() {}

    /**
     * Validates the document.
     *
     * @throws PolicyException describing the first problem found
     */
    public static void validate(Body body) throws PolicyException {
        for (Item item : body.items()) {
            String key = unquote(item.keys().get(0).text());
            if (!TOP_LEVEL.contains(key)) {
                throw new PolicyException(
                        "failed to parse policy: invalid key \"" + key + "\" on line "
                                + item.keys().get(0).line());
            }
            if (key.equals("path")) {
                validatePath(item);
            }
        }
    }

    private static void validatePath(Item item) throws PolicyException {
        if (item.keys().size() != 2 || !(item.value() instanceof ObjectValue block)) {
            throw new PolicyException(
                    "failed to parse policy: path on line " + item.keys().get(0).line()
                            + " must be a block: path \"<path>\" { ... }");
        }
        String path = unquote(item.keys().get(1).text());
        for (Item inner : block.body().items()) {
            String key = unquote(inner.keys().get(0).text());
            if (!PATH_KEYS.contains(key)) {
                throw new PolicyException(
                        "failed to parse policy: path \"" + path + "\": invalid key \"" + key + "\" on line "
                                + inner.keys().get(0).line());
            }
            if (key.equals("capabilities")) {
                if (!(inner.value() instanceof ListValue caps)) {
                    throw new PolicyException(
                            "failed to parse policy: path \"" + path + "\": capabilities must be a list");
                }
                for (HclNode.Element e : caps.elements()) {
                    String cap = e.value() instanceof Literal l ? unquote(l.token().text()) : "";
                    if (!CAPABILITIES.contains(cap)) {
                        throw new PolicyException(
                                "failed to parse policy: path \"" + path + "\": invalid capability \"" + cap
                                        + "\"");
                    }
                }
            }
            if (key.equals("policy")) {
                String policy = inner.value() instanceof Literal l ? unquote(l.token().text()) : "";
                if (!LEGACY_POLICIES.contains(policy)) {
                    throw new PolicyException(
                            "failed to parse policy: path \"" + path + "\": invalid policy \"" + policy + "\"");
                }
            }
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}

package io.coffer.core.token;

import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Chooses the policies of a token created through {@code auth/token/create[-orphan|/<role>]},
 * following Vault's token store. Without a role (or with a role that lists no allowed or
 * disallowed policies) the request's policies, or else the parent's, must lie within the
 * parent's policies plus {@code default} unless the parent is a root token. A role with allowed
 * or disallowed policies (exact or glob) replaces that check with its own lists, so a token may
 * get policies its parent lacks, but never {@code root} unless the parent is root.
 */
final class CreationPolicies {
    private CreationPolicies() {
    }

    /**
     * @param requested       the {@code policies} field, or {@code null} when absent
     * @param noDefaultPolicy the request's {@code no_default_policy}
     * @param role            the role, or {@code null}
     * @return the token's policies, sorted, without duplicates
     * @throws InvalidRequestException with Vault's wording when a policy is not allowed
     */
    static List<String> choose(List<String> requested, boolean noDefaultPolicy, TokenEntry parent, TokenRole role) {
        List<String> chosen = role != null && role.restrictsPolicies()
                ? byRole(requested, noDefaultPolicy, parent, role)
                : byParent(requested, noDefaultPolicy || (role != null && role.tokenNoDefaultPolicy()), parent);
        if (chosen.contains("root") && !parent.isRoot()) {
            throw new InvalidRequestException("root tokens may not be created without parent token being root");
        }
        return chosen;
    }

    private static List<String> byParent(List<String> requested, boolean noDefault, TokenEntry parent) {
        TreeSet<String> policies = new TreeSet<>();
        if (requested != null) {
            for (String p : requested) {
                if (!p.isBlank()) {
                    policies.add(p.trim().toLowerCase(Locale.ROOT));
                }
            }
        } else {
            policies.addAll(parent.policies());
        }
        if (!parent.isRoot()) {
            TreeSet<String> allowed = new TreeSet<>(parent.policies());
            allowed.add("default");
            if (!allowed.containsAll(policies)) {
                throw new InvalidRequestException("child policies must be subset of parent");
            }
        }
        if (policies.contains("root") || noDefault) {
            policies.remove("default");
        } else {
            policies.add("default");
        }
        return List.copyOf(policies);
    }

    private static List<String> byRole(List<String> requested, boolean noDefault, TokenEntry parent, TokenRole role) {
        boolean addDefault = !noDefault && !role.tokenNoDefaultPolicy() && !role.disallowedPolicies().contains("default")
                && !Globs.anyMatches(role.disallowedPoliciesGlob(), "default");
        List<String> chosen = requested == null || sanitize(requested, false).isEmpty()
                ? List.of() : sanitize(requested, addDefault);
        if (!role.allowedPolicies().isEmpty() || !role.allowedPoliciesGlob().isEmpty()) {
            List<String> allowed = sanitize(role.allowedPolicies(), addDefault);
            if (chosen.isEmpty()) {
                chosen = allowed;
            } else {
                for (String p : chosen) {
                    if (!allowed.contains(p) && !Globs.anyMatches(role.allowedPoliciesGlob(), p)) {
                        throw new InvalidRequestException("token policies (" + goQuoted(chosen)
                                + ") must be subset of the role's allowed policies (" + goQuoted(allowed)
                                + ") or glob policies (" + goQuoted(role.allowedPoliciesGlob()) + ")");
                    }
                }
            }
        } else if (chosen.isEmpty()) {
            chosen = sanitize(parent.policies(), addDefault);
        }
        for (String p : chosen) {
            if (role.disallowedPolicies().contains(p) || Globs.anyMatches(role.disallowedPoliciesGlob(), p)) {
                throw new InvalidRequestException("token policy \"" + p + "\" is disallowed by this role");
            }
        }
        List<String> result = new ArrayList<>(sanitize(chosen, false));
        if (noDefault) {
            result.remove("default");
        }
        return List.copyOf(result);
    }

    /**
     * Vault's {@code policyutil.SanitizePolicies}: trimmed, lower-cased, non-empty, sorted and
     * unique; {@code root} stands alone; {@code default} added when asked unless {@code root}.
     */
    static List<String> sanitize(List<String> policies, boolean addDefault) {
        TreeSet<String> out = new TreeSet<>();
        for (String p : policies) {
            String s = p.trim().toLowerCase(Locale.ROOT);
            if (s.equals("root")) {
                return List.of("root");
            }
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        if (addDefault) {
            out.add("default");
        }
        return List.copyOf(out);
    }

    /** A list as Go's {@code %q} prints a {@code []string}: {@code ["a" "b"]}. */
    private static String goQuoted(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : " ").append('"').append(values.get(i)).append('"');
        }
        return b.append(']').toString();
    }
}

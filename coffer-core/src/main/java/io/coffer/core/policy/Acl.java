package io.coffer.core.policy;

import io.coffer.sdk.logical.Operation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The access control list of a token: its policies compiled once into lookup structures, then
 * asked, per request, which rule governs a path and whether it allows the operation.
 *
 * <p>Semantics are Vault's. Rules for the same path in several policies merge (capabilities
 * united, {@code deny} anywhere wins, parameter lists merged). For a request path the governing
 * rule is the exact rule if there is one, otherwise the highest-priority matching glob or
 * {@code +} rule (see {@link NonExactRule}); a {@code deny} in that rule denies everything. LIST
 * requests on {@code p/} also consult the rules written for {@code p} (exact and wildcard), and a
 * more specific {@code deny} among either set still wins. Parameter constraints apply to create,
 * read, update and patch. An ACL built from a policy named {@code root}, or {@link #root()},
 * allows everything with sudo.
 *
 * <p>Immutable and thread-safe; {@link #check} and {@link #capabilities} do not allocate on the
 * common path.
 */
public final class Acl {

    private static final Set<Capability> ROOT_CAPABILITIES =
            Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(Capability.DENY)));
    private static final Acl ROOT = new Acl(true, null);

    private final boolean root;
    private final CompiledRules rules;

    private Acl(boolean root, CompiledRules rules) {
        this.root = root;
        this.rules = rules;
    }

    /** The ACL of a set of policies; empty when {@code policies} is empty. */
    public static Acl of(Collection<Policy> policies) {
        for (Policy p : policies) {
            if (BuiltinPolicies.ROOT.equals(p.name())) {
                return ROOT;
            }
        }
        return new Acl(false, CompiledRules.compile(policies));
    }

    /** The ACL of the root policy: every operation on every path, with sudo. */
    public static Acl root() {
        return ROOT;
    }

    /** True for the root ACL. */
    public boolean isRoot() {
        return root;
    }

    /**
     * The capabilities of the rule governing {@code path}, resolved as for a LIST request (as
     * Vault's capabilities endpoints do): {@code {DENY}} for a denying rule, empty when no rule
     * matches or the rule grants nothing (callers render {@code ["deny"]}), every capability but
     * deny for root (callers render {@code ["root"]}). The set is unmodifiable.
     */
    public Set<Capability> capabilities(String path) {
        if (root) {
            return ROOT_CAPABILITIES;
        }
        Permissions p = resolve(stripLeadingSlashes(path), true);
        return p == null ? Set.of() : p.capabilities();
    }

    /**
     * Whether {@code op} on {@code path} with request data {@code requestData} (may be null) is
     * allowed, and whether the governing rule grants sudo.
     */
    public AclResult check(Operation op, String path, Map<String, ?> requestData) {
        if (root) {
            return AclResult.of(true, true);
        }
        Permissions p = resolve(stripLeadingSlashes(path), op == Operation.LIST);
        if (p == null || p.denies()) {
            return AclResult.of(false, false);
        }
        boolean sudo = p.has(Capability.SUDO);
        Capability needed = Capability.forOperation(op);
        if (needed == null || !p.has(needed)) {
            return AclResult.of(false, sudo);
        }
        if (op != Operation.DELETE && op != Operation.LIST && !p.constraints().permits(requestData)) {
            return AclResult.of(false, sudo);
        }
        return AclResult.of(true, sudo);
    }

    /**
     * True if some rule grants a capability other than deny on {@code prefix} (a mount path such
     * as {@code secret/}) or on a path below it — the preflight of
     * {@code sys/internal/ui/mounts}. As in Vault this looks at which rules reach under the
     * prefix, not at whether a more specific rule shadows them.
     */
    public boolean hasAnyCapabilityUnder(String prefix) {
        if (root) {
            return true;
        }
        String p = stripLeadingSlashes(prefix);
        Set<Capability> here = capabilities(p);
        if (!here.isEmpty() && !here.contains(Capability.DENY)) {
            return true;
        }
        for (Map.Entry<String, Permissions> e : rules.exact.entrySet()) {
            if (e.getKey().startsWith(p) && e.getValue().grantsAny()) {
                return true;
            }
        }
        for (NonExactRule r : rules.prefixRules) {
            if (r.pattern.startsWith(p) && r.permissions.grantsAny()) {
                return true;
            }
        }
        for (NonExactRule r : rules.segmentRules) {
            if (r.permissions.grantsAny() && r.reachesUnder(p)) {
                return true;
            }
        }
        return false;
    }

    /** The permissions governing {@code path}, or {@code null} when no rule matches. */
    private Permissions resolve(String path, boolean list) {
        Permissions p = rules.exact.get(path);
        if (p != null) {
            return p;
        }
        if (list) {
            p = rules.exactWithSlash.get(path);
            if (p != null) {
                return p;
            }
            if (path.endsWith("/")) {
                return resolveListWithSlash(path);
            }
        }
        NonExactRule best = bestNonExact(path, path.length());
        return best == null ? null : best.permissions;
    }

    private NonExactRule bestNonExact(String path, int end) {
        return SegmentTrie.higher(rules.prefixTrie.longestPrefixOf(path, end),
                rules.segmentTrie.best(path, end, SegmentTrie.Filter.ANY));
    }

    /**
     * LIST on {@code p/}: candidates are the wildcard rules matching {@code p/} or {@code p}. The
     * most specific deny wins unless a more specific candidate grants list; otherwise the most
     * specific list-granting candidate; otherwise the most specific candidate.
     */
    private Permissions resolveListWithSlash(String path) {
        int full = path.length();
        int trimmed = full - 1;
        NonExactRule globFull = rules.prefixTrie.longestPrefixOf(path, full);
        NonExactRule globTrimmed = rules.prefixTrie.longestPrefixOf(path, trimmed);
        NonExactRule bestDeny = higher(
                higher(denying(globFull), denying(globTrimmed)),
                higher(rules.segmentTrie.best(path, full, SegmentTrie.Filter.DENY),
                        rules.segmentTrie.best(path, trimmed, SegmentTrie.Filter.DENY)));
        NonExactRule bestList = higher(
                higher(listing(globFull), listing(globTrimmed)),
                higher(rules.segmentTrie.best(path, full, SegmentTrie.Filter.LIST),
                        rules.segmentTrie.best(path, trimmed, SegmentTrie.Filter.LIST)));
        if (bestDeny != null && (bestList == null || bestList.rank < bestDeny.rank)) {
            return bestDeny.permissions;
        }
        if (bestList != null) {
            return bestList.permissions;
        }
        NonExactRule bestAny = higher(
                higher(globFull, globTrimmed),
                higher(rules.segmentTrie.best(path, full, SegmentTrie.Filter.ANY),
                        rules.segmentTrie.best(path, trimmed, SegmentTrie.Filter.ANY)));
        return bestAny == null ? null : bestAny.permissions;
    }

    private static NonExactRule denying(NonExactRule r) {
        return r != null && r.permissions.denies() ? r : null;
    }

    private static NonExactRule listing(NonExactRule r) {
        return r != null && r.permissions.has(Capability.LIST) ? r : null;
    }

    private static NonExactRule higher(NonExactRule a, NonExactRule b) {
        return SegmentTrie.higher(a, b);
    }

    private static String stripLeadingSlashes(String path) {
        int i = 0;
        while (i < path.length() && path.charAt(i) == '/') {
            i++;
        }
        return i == 0 ? path : path.substring(i);
    }

    /** The written paths of the compiled rules, for diagnostics and tests. */
    List<String> rulePaths() {
        if (root) {
            return List.of();
        }
        List<String> out = new ArrayList<>(rules.exact.keySet());
        for (NonExactRule r : rules.prefixRules) {
            out.add(r.key);
        }
        for (NonExactRule r : rules.segmentRules) {
            out.add(r.key);
        }
        Collections.sort(out);
        return out;
    }
}

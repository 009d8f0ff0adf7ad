package io.coffer.core.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lookup structures of one ACL, built once from its policies: exact rules in a hash map (and
 * a second map keyed {@code path + "/"} for Vault's LIST fallback), glob rules in a
 * {@link PrefixTrie}, segment-wildcard rules in an array by descending priority. Rules written
 * for the same path in several stanzas or policies are merged first ({@link PermissionsBuilder});
 * identity-templated paths ({@code {{…}}}) are skipped, as Vault skips them for tokens without
 * an entity. Immutable.
 */
final class CompiledRules {

    final Map<String, Permissions> exact;
    final Map<String, Permissions> exactWithSlash;
    final PrefixTrie prefixTrie;
    final NonExactRule[] prefixRules;
    final NonExactRule[] segmentRules;

    private CompiledRules(Map<String, Permissions> exact, Map<String, Permissions> exactWithSlash,
            PrefixTrie prefixTrie, NonExactRule[] prefixRules, NonExactRule[] segmentRules) {
        this.exact = exact;
        this.exactWithSlash = exactWithSlash;
        this.prefixTrie = prefixTrie;
        this.prefixRules = prefixRules;
        this.segmentRules = segmentRules;
    }

    static CompiledRules compile(Collection<Policy> policies) {
        Map<String, PermissionsBuilder> byPath = new LinkedHashMap<>();
        for (Policy policy : policies) {
            for (PathRule rule : policy.rules()) {
                String key = rule.path();
                if (isTemplated(key)) {
                    continue;
                }
                byPath.computeIfAbsent(key, k -> new PermissionsBuilder()).absorb(rule);
            }
        }
        Map<String, Permissions> exact = new HashMap<>();
        Map<String, Permissions> exactWithSlash = new HashMap<>();
        List<NonExactRule> nonExact = new ArrayList<>();
        byPath.forEach((key, builder) -> {
            Permissions permissions = builder.build();
            if (NonExactRule.isExact(key)) {
                exact.put(key, permissions);
                exactWithSlash.put(key + "/", permissions);
            } else {
                nonExact.add(NonExactRule.of(key, permissions));
            }
        });
        nonExact.sort(NonExactRule.BY_PRIORITY);
        PrefixTrie.Builder trie = PrefixTrie.builder();
        List<NonExactRule> prefixes = new ArrayList<>();
        List<NonExactRule> segments = new ArrayList<>();
        for (int rank = 0; rank < nonExact.size(); rank++) {
            NonExactRule ranked = nonExact.get(rank).withRank(rank);
            if (ranked.segmented) {
                segments.add(ranked);
            } else {
                trie.put(ranked.pattern, ranked);
                prefixes.add(ranked);
            }
        }
        segments.sort(Comparator.comparingInt((NonExactRule r) -> r.rank).reversed());
        return new CompiledRules(Map.copyOf(exact), Map.copyOf(exactWithSlash), trie.build(),
                prefixes.toArray(new NonExactRule[0]), segments.toArray(new NonExactRule[0]));
    }

    private static boolean isTemplated(String path) {
        int open = path.indexOf("{{");
        return open >= 0 && path.indexOf("}}", open + 2) >= 0;
    }
}

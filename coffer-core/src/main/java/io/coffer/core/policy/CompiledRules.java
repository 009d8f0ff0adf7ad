package io.coffer.core.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lookup structures of one ACL, built once from its policies: exact rules in a hash map (and
 * a second map keyed {@code path + "/"} for Vault's LIST fallback), glob rules in a
 * {@link PrefixTrie}, segment-wildcard rules in a {@link SegmentTrie} (and, for the mount
 * preflight, in an array). Rules written
 * for the same path in several stanzas or policies are merged first ({@link PermissionsBuilder});
 * identity-templated paths ({@code {{…}}}) are skipped, as Vault skips them for tokens without
 * an entity. Immutable.
 */
final class CompiledRules {

    final Map<String, Permissions> exact;
    final Map<String, Permissions> exactWithSlash;
    final PrefixTrie prefixTrie;
    final NonExactRule[] prefixRules;
    final SegmentTrie segmentTrie;
    final NonExactRule[] segmentRules;

    private CompiledRules(Map<String, Permissions> exact, Map<String, Permissions> exactWithSlash,
            PrefixTrie prefixTrie, NonExactRule[] prefixRules, SegmentTrie segmentTrie, NonExactRule[] segmentRules) {
        this.exact = exact;
        this.exactWithSlash = exactWithSlash;
        this.prefixTrie = prefixTrie;
        this.prefixRules = prefixRules;
        this.segmentTrie = segmentTrie;
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
        SegmentTrie.Builder segmentTrie = SegmentTrie.builder();
        List<NonExactRule> prefixes = new ArrayList<>();
        List<NonExactRule> segments = new ArrayList<>();
        for (int rank = 0; rank < nonExact.size(); rank++) {
            NonExactRule ranked = nonExact.get(rank).withRank(rank);
            if (ranked.segmented) {
                segments.add(ranked);
                segmentTrie.add(ranked);
            } else {
                trie.put(ranked.pattern, ranked);
                prefixes.add(ranked);
            }
        }
        return new CompiledRules(Collections.unmodifiableMap(exact), Collections.unmodifiableMap(exactWithSlash), trie.build(),
                prefixes.toArray(new NonExactRule[0]), segmentTrie.build(), segments.toArray(new NonExactRule[0]));
    }

    private static boolean isTemplated(String path) {
        int open = path.indexOf("{{");
        return open >= 0 && path.indexOf("}}", open + 2) >= 0;
    }
}

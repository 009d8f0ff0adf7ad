package io.coffer.core.policy;

import java.util.Comparator;

/**
 * A compiled glob ({@code prefix*}) or segment-wildcard ({@code a/+/b}, {@code a/+/b*}) rule with
 * its Vault priority attributes and its rank among all non-exact rules of one ACL (higher rank =
 * higher priority; ranks are distinct). Immutable.
 *
 * <p>Priority follows Vault's documented rules: the rule whose first {@code +} or {@code *} comes
 * later wins; then the one not ending in {@code *}; then the one with fewer {@code +} segments;
 * then the longer; then the lexicographically larger.
 */
final class NonExactRule {

    /** Ascending priority: the last element of a sorted list is the most specific rule. */
    static final Comparator<NonExactRule> BY_PRIORITY = Comparator
            .comparingInt((NonExactRule r) -> r.firstWildcard)
            .thenComparing(r -> !r.prefix)
            .thenComparing(Comparator.comparingInt((NonExactRule r) -> r.wildcards).reversed())
            .thenComparingInt(r -> r.pattern.length())
            .thenComparing(r -> r.pattern);

    /** The path as written, trailing {@code *} included. */
    final String key;
    /** The path without its trailing {@code *}. */
    final String pattern;
    final boolean prefix;
    final boolean segmented;
    final int firstWildcard;
    final int wildcards;
    final Permissions permissions;
    final int rank;
    private final String[] segments;
    private final boolean[] plus;

    private NonExactRule(String key, Permissions permissions, int rank) {
        this.key = key;
        this.prefix = key.endsWith("*");
        this.pattern = prefix ? key.substring(0, key.length() - 1) : key;
        this.segmented = isSegmented(key);
        this.permissions = permissions;
        this.rank = rank;
        if (segmented) {
            this.segments = pattern.split("/", -1);
            this.plus = new boolean[segments.length];
            int count = 0;
            for (int i = 0; i < segments.length; i++) {
                plus[i] = "+".equals(segments[i]);
                if (plus[i]) {
                    count++;
                }
            }
            this.wildcards = count;
            this.firstWildcard = key.indexOf('+');
        } else {
            this.segments = null;
            this.plus = null;
            this.wildcards = 0;
            this.firstWildcard = pattern.length();
        }
    }

    static NonExactRule of(String key, Permissions permissions) {
        return new NonExactRule(key, permissions, -1);
    }

    NonExactRule withRank(int newRank) {
        return new NonExactRule(key, permissions, newRank);
    }

    /** Whether a written path is a segment-wildcard rule, by Vault's definition. */
    static boolean isSegmented(String key) {
        return key.equals("+") || key.startsWith("+/") || key.contains("/+");
    }

    /** Whether a written path is exact (neither glob nor segment wildcard). */
    static boolean isExact(String key) {
        return !key.endsWith("*") && !isSegmented(key);
    }

    /** The segments of a segment-wildcard rule's pattern (split on {@code /}); shared, do not modify. */
    String[] segments() {
        return segments;
    }

    /**
     * Whether this segment-wildcard rule can match a path under the mount path {@code mount}
     * (whose trailing {@code /} is ignored): its leading segments accept the mount's segments.
     */
    boolean reachesUnder(String mount) {
        String m = mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount;
        if (m.isEmpty()) {
            return true;
        }
        String[] parts = m.split("/", -1);
        if (segments.length < parts.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (plus[i] || segments[i].equals(parts[i])) {
                continue;
            }
            return prefix && i == segments.length - 1 && parts[i].startsWith(segments[i]);
        }
        return true;
    }

    @Override
    public String toString() {
        return key;
    }
}

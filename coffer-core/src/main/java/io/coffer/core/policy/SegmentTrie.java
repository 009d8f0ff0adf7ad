package io.coffer.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over path segments of the segment-wildcard ({@code +}) rules, finding the
 * highest-priority rule matching a path in one walk of its segments, without allocating.
 *
 * <p>Each node has literal children (found by hashing the segment in place, no substring), a
 * {@code +} child matching any one segment, the rule that ends exactly there, and the glob rules
 * whose last segment is a prefix to test against the next path segment. The walk branches into
 * both the literal and the {@code +} child, so its cost follows the path's depth and the rules
 * that can still match, not the number of rules. Immutable once built.
 */
final class SegmentTrie {

    /** Which rules a walk considers. */
    enum Filter { ANY, DENY, LIST }

    private final Node root;

    private SegmentTrie(Node root) {
        this.root = root;
    }

    /**
     * The highest-ranked rule accepted by {@code filter} that matches
     * {@code path.substring(0, end)}, or {@code null}.
     */
    NonExactRule best(String path, int end, Filter filter) {
        return visit(root, path, 0, end, filter);
    }

    /** {@code pos > end} means every segment of the path has been consumed. */
    private static NonExactRule visit(Node node, String path, int pos, int end, Filter filter) {
        if (pos > end) {
            return node.terminal != null && accepts(node.terminal, filter) ? node.terminal : null;
        }
        int slash = path.indexOf('/', pos);
        int partEnd = slash < 0 || slash >= end ? end : slash;
        NonExactRule best = null;
        for (Leaf leaf : node.leaves) {
            if (accepts(leaf.rule, filter) && leaf.matches(path, pos, partEnd)) {
                best = higher(best, leaf.rule);
            }
        }
        Node literal = node.literal(path, pos, partEnd);
        if (literal != null) {
            best = higher(best, visit(literal, path, partEnd + 1, end, filter));
        }
        if (node.plus != null) {
            best = higher(best, visit(node.plus, path, partEnd + 1, end, filter));
        }
        return best;
    }

    private static boolean accepts(NonExactRule rule, Filter filter) {
        switch (filter) {
            case DENY:
                return rule.permissions.denies();
            case LIST:
                return rule.permissions.has(Capability.LIST);
            default:
                return true;
        }
    }

    static NonExactRule higher(NonExactRule current, NonExactRule candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || candidate.rank > current.rank ? candidate : current;
    }

    static Builder builder() {
        return new Builder();
    }

    /** A glob rule's last segment: matches a path segment it prefixes ({@code +} matches any). */
    private static final class Leaf {
        private final String prefix;
        private final boolean any;
        private final NonExactRule rule;

        Leaf(String prefix, NonExactRule rule) {
            this.prefix = prefix;
            this.any = "+".equals(prefix);
            this.rule = rule;
        }

        boolean matches(String path, int from, int to) {
            return any || (to - from >= prefix.length() && path.regionMatches(from, prefix, 0, prefix.length()));
        }
    }

    private static final class Node {
        private final RegionMap<Node> literals;
        private final Node plus;
        private final NonExactRule terminal;
        private final Leaf[] leaves;

        Node(RegionMap<Node> literals, Node plus, NonExactRule terminal, Leaf[] leaves) {
            this.literals = literals;
            this.plus = plus;
            this.terminal = terminal;
            this.leaves = leaves;
        }

        Node literal(String path, int from, int to) {
            return literals == null ? null : literals.get(path, from, to);
        }
    }

    /** Collects rules, then freezes them. */
    static final class Builder {
        private final MutableNode root = new MutableNode();

        Builder add(NonExactRule rule) {
            String[] segments = rule.segments();
            int walk = rule.prefix ? segments.length - 1 : segments.length;
            MutableNode node = root;
            for (int i = 0; i < walk; i++) {
                node = "+".equals(segments[i])
                        ? (node.plus == null ? (node.plus = new MutableNode()) : node.plus)
                        : node.literals.computeIfAbsent(segments[i], s -> new MutableNode());
            }
            if (rule.prefix) {
                node.leaves.add(new Leaf(segments[segments.length - 1], rule));
            } else {
                node.terminal = rule;
            }
            return this;
        }

        SegmentTrie build() {
            return new SegmentTrie(root.freeze());
        }
    }

    private static final class MutableNode {
        private final Map<String, MutableNode> literals = new LinkedHashMap<>();
        private MutableNode plus;
        private NonExactRule terminal;
        private final List<Leaf> leaves = new ArrayList<>();

        /** Depth is bounded by the number of segments of the longest rule. */
        Node freeze() {
            RegionMap<Node> frozen = null;
            if (!literals.isEmpty()) {
                Map<String, Node> children = new LinkedHashMap<>();
                literals.forEach((segment, child) -> children.put(segment, child.freeze()));
                frozen = new RegionMap<>(children);
            }
            return new Node(frozen, plus == null ? null : plus.freeze(), terminal, leaves.toArray(new Leaf[0]));
        }
    }

    /**
     * An open-addressing map from strings to values, looked up by a region of another string so
     * that path segments need no substring.
     */
    static final class RegionMap<V> {
        private final String[] keys;
        private final Object[] values;
        private final int mask;
        private final int shift;

        RegionMap(Map<String, V> entries) {
            int capacity = Integer.highestOneBit(Math.max(2, entries.size() * 2 - 1)) << 1;
            keys = new String[capacity];
            values = new Object[capacity];
            mask = capacity - 1;
            shift = 32 - Integer.numberOfTrailingZeros(capacity);
            entries.forEach((k, v) -> {
                int i = slot(k, 0, k.length());
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = v;
            });
        }

        @SuppressWarnings("unchecked")
        V get(String s, int from, int to) {
            int len = to - from;
            int i = slot(s, from, to);
            String k;
            while ((k = keys[i]) != null) {
                if (k.length() == len && s.regionMatches(from, k, 0, len)) {
                    return (V) values[i];
                }
                i = (i + 1) & mask;
            }
            return null;
        }

        /** Fibonacci hashing of the region's string hash: similar segments spread over the table. */
        private int slot(String s, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + s.charAt(i);
            }
            return (h * 0x9E3779B9) >>> shift;
        }
    }
}

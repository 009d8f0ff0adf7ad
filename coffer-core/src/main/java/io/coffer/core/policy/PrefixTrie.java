package io.coffer.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A character trie of glob rules keyed by their prefix, answering "which stored prefix is the
 * longest prefix of this path" in one walk of the path without allocating. Immutable once built.
 */
final class PrefixTrie {

    private final Node root;

    private PrefixTrie(Node root) {
        this.root = root;
    }

    /** The rule with the longest prefix of {@code path.substring(0, end)}, or {@code null}. */
    NonExactRule longestPrefixOf(String path, int end) {
        Node node = root;
        NonExactRule best = node.rule;
        for (int i = 0; i < end; i++) {
            node = node.child(path.charAt(i));
            if (node == null) {
                break;
            }
            if (node.rule != null) {
                best = node.rule;
            }
        }
        return best;
    }

    static Builder builder() {
        return new Builder();
    }

    private static final class Node {
        private final char[] labels;
        private final Node[] children;
        private final NonExactRule rule;

        private Node(char[] labels, Node[] children, NonExactRule rule) {
            this.labels = labels;
            this.children = children;
            this.rule = rule;
        }

        Node child(char c) {
            int lo = 0;
            int hi = labels.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                char m = labels[mid];
                if (m < c) {
                    lo = mid + 1;
                } else if (m > c) {
                    hi = mid - 1;
                } else {
                    return children[mid];
                }
            }
            return null;
        }
    }

    /** Collects prefixes, then freezes them into sorted arrays. */
    static final class Builder {
        private final MutableNode root = new MutableNode();

        Builder put(String prefix, NonExactRule rule) {
            MutableNode node = root;
            for (int i = 0; i < prefix.length(); i++) {
                node = node.children.computeIfAbsent(prefix.charAt(i), c -> new MutableNode());
            }
            node.rule = rule;
            return this;
        }

        PrefixTrie build() {
            return new PrefixTrie(root.freeze());
        }
    }

    private static final class MutableNode {
        private final TreeMap<Character, MutableNode> children = new TreeMap<>();
        private NonExactRule rule;
        private Node frozen;

        /** Freezes the subtree bottom-up without recursion, so long prefixes cannot overflow the stack. */
        Node freeze() {
            List<MutableNode> order = new ArrayList<>();
            order.add(this);
            for (int i = 0; i < order.size(); i++) {
                order.addAll(order.get(i).children.values());
            }
            for (int i = order.size() - 1; i >= 0; i--) {
                MutableNode m = order.get(i);
                char[] labels = new char[m.children.size()];
                Node[] nodes = new Node[m.children.size()];
                int j = 0;
                for (Map.Entry<Character, MutableNode> e : m.children.entrySet()) {
                    labels[j] = e.getKey();
                    nodes[j] = e.getValue().frozen;
                    j++;
                }
                m.frozen = new Node(labels, nodes, m.rule);
            }
            return frozen;
        }
    }
}

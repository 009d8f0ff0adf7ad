package io.coffer.core.policy;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A radix trie of glob rules keyed by their prefix, answering "which stored prefix is the
 * longest prefix of this path" in one walk of the path without allocating. Chains without
 * branches are compressed into one edge compared with {@link String#regionMatches}. Immutable
 * once built.
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
        int pos = 0;
        while (pos < end) {
            int i = node.edgeIndex(path.charAt(pos));
            if (i < 0) {
                break;
            }
            String label = node.labels[i];
            if (end - pos < label.length() || !path.regionMatches(pos, label, 0, label.length())) {
                break;
            }
            pos += label.length();
            node = node.children[i];
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
        private final char[] firsts;
        private final String[] labels;
        private final Node[] children;
        private final NonExactRule rule;

        private Node(char[] firsts, String[] labels, Node[] children, NonExactRule rule) {
            this.firsts = firsts;
            this.labels = labels;
            this.children = children;
            this.rule = rule;
        }

        int edgeIndex(char c) {
            int lo = 0;
            int hi = firsts.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                char m = firsts[mid];
                if (m < c) {
                    lo = mid + 1;
                } else if (m > c) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }
    }

    /** Collects prefixes in a character trie, then compresses it. */
    static final class Builder {
        private final CharNode root = new CharNode();

        Builder put(String prefix, NonExactRule rule) {
            CharNode node = root;
            for (int i = 0; i < prefix.length(); i++) {
                node = node.children.computeIfAbsent(prefix.charAt(i), c -> new CharNode());
            }
            node.rule = rule;
            return this;
        }

        /** Bottom-up without recursion, so long prefixes cannot overflow the stack. */
        PrefixTrie build() {
            List<CharNode> order = new ArrayList<>();
            order.add(root);
            for (int i = 0; i < order.size(); i++) {
                order.addAll(order.get(i).children.values());
            }
            Map<CharNode, Node> frozen = new IdentityHashMap<>();
            for (int i = order.size() - 1; i >= 0; i--) {
                CharNode n = order.get(i);
                if (n != root && !n.kept()) {
                    continue;
                }
                int size = n.children.size();
                char[] firsts = new char[size];
                String[] labels = new String[size];
                Node[] children = new Node[size];
                int j = 0;
                for (Map.Entry<Character, CharNode> e : n.children.entrySet()) {
                    StringBuilder label = new StringBuilder().append(e.getKey().charValue());
                    CharNode end = e.getValue();
                    while (!end.kept()) {
                        Map.Entry<Character, CharNode> only = end.children.firstEntry();
                        label.append(only.getKey().charValue());
                        end = only.getValue();
                    }
                    firsts[j] = e.getKey();
                    labels[j] = label.toString();
                    children[j] = frozen.get(end);
                    j++;
                }
                frozen.put(n, new Node(firsts, labels, children, n.rule));
            }
            return new PrefixTrie(frozen.get(root));
        }
    }

    private static final class CharNode {
        private final TreeMap<Character, CharNode> children = new TreeMap<>();
        private NonExactRule rule;

        /** Nodes that end a prefix or branch survive compression. */
        boolean kept() {
            return rule != null || children.size() != 1;
        }
    }
}

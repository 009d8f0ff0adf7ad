package io.coffer.core.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A deliberately naive model of Vault's rule selection, written from the documentation for
 * differential testing: regular expressions instead of a trie, every rule tried, candidates
 * sorted by the five documented priority rules. Capabilities only (no parameters).
 */
final class ReferenceAcl {

    private record Rule(String key, String stripped, boolean glob, boolean plus, Pattern regex, Set<Capability> caps) {
        int firstWildcard() {
            return plus ? key.indexOf('+') : stripped.length();
        }

        int plusSegments() {
            int n = 0;
            for (String s : stripped.split("/", -1)) {
                if (s.equals("+")) {
                    n++;
                }
            }
            return plus ? n : 0;
        }
    }

    /** Ascending priority, from the five rules in Vault's documentation. */
    private static final Comparator<Rule> PRIORITY = (a, b) -> {
        if (a.firstWildcard() != b.firstWildcard()) {
            return Integer.compare(a.firstWildcard(), b.firstWildcard());
        }
        if (a.glob != b.glob) {
            return a.glob ? -1 : 1;
        }
        if (a.plusSegments() != b.plusSegments()) {
            return Integer.compare(b.plusSegments(), a.plusSegments());
        }
        if (a.stripped.length() != b.stripped.length()) {
            return Integer.compare(a.stripped.length(), b.stripped.length());
        }
        return a.stripped.compareTo(b.stripped);
    };

    private final Map<String, Set<Capability>> exact = new LinkedHashMap<>();
    private final List<Rule> globs = new ArrayList<>();
    private final List<Rule> pluses = new ArrayList<>();

    ReferenceAcl(List<PathRule> rules) {
        Map<String, Set<Capability>> merged = new LinkedHashMap<>();
        for (PathRule r : rules) {
            Set<Capability> caps = merged.computeIfAbsent(r.path(), k -> EnumSet.noneOf(Capability.class));
            if (caps.contains(Capability.DENY)) {
                continue;
            }
            if (r.capabilities().contains(Capability.DENY)) {
                caps.clear();
            }
            caps.addAll(r.capabilities());
        }
        merged.forEach((key, caps) -> {
            boolean plus = key.equals("+") || key.startsWith("+/") || key.contains("/+");
            boolean glob = key.endsWith("*");
            String stripped = glob ? key.substring(0, key.length() - 1) : key;
            if (!plus && !glob) {
                exact.put(key, caps);
                return;
            }
            StringBuilder re = new StringBuilder();
            String[] segs = stripped.split("/", -1);
            for (int i = 0; i < segs.length; i++) {
                re.append(i == 0 ? "" : "/").append(plus && segs[i].equals("+") ? "[^/]*" : Pattern.quote(segs[i]));
            }
            if (glob) {
                re.append(".*");
            }
            Rule rule = new Rule(key, stripped, glob, plus, Pattern.compile(re.toString(), Pattern.DOTALL), caps);
            (plus ? pluses : globs).add(rule);
        });
    }

    /** The capabilities Vault would apply for a non-LIST operation on {@code path}; null if none. */
    Set<Capability> resolve(String path) {
        if (exact.containsKey(path)) {
            return exact.get(path);
        }
        Rule best = null;
        Rule longestGlob = longestGlob(path);
        List<Rule> candidates = new ArrayList<>(matchingPluses(path));
        if (longestGlob != null) {
            candidates.add(longestGlob);
        }
        for (Rule r : candidates) {
            if (best == null || PRIORITY.compare(r, best) > 0) {
                best = r;
            }
        }
        return best == null ? null : best.caps;
    }

    /** The capabilities Vault would apply for a LIST on {@code path}; null if none. */
    Set<Capability> resolveList(String path) {
        if (exact.containsKey(path)) {
            return exact.get(path);
        }
        if (path.endsWith("/") && exact.containsKey(path.substring(0, path.length() - 1))) {
            return exact.get(path.substring(0, path.length() - 1));
        }
        if (!path.endsWith("/")) {
            return resolve(path);
        }
        String trimmed = path.substring(0, path.length() - 1);
        List<Rule> candidates = new ArrayList<>();
        for (String form : List.of(path, trimmed)) {
            Rule g = longestGlob(form);
            if (g != null) {
                candidates.add(g);
            }
            candidates.addAll(matchingPluses(form));
        }
        Rule bestDeny = best(candidates, r -> r.caps.contains(Capability.DENY));
        Rule bestList = best(candidates, r -> r.caps.contains(Capability.LIST));
        Rule bestAny = best(candidates, r -> true);
        if (bestDeny != null && (bestList == null || PRIORITY.compare(bestList, bestDeny) < 0)) {
            return bestDeny.caps;
        }
        if (bestList != null) {
            return bestList.caps;
        }
        return bestAny == null ? null : bestAny.caps;
    }

    private static Rule best(List<Rule> rules, java.util.function.Predicate<Rule> filter) {
        Rule best = null;
        for (Rule r : rules) {
            if (filter.test(r) && (best == null || PRIORITY.compare(r, best) > 0)) {
                best = r;
            }
        }
        return best;
    }

    private Rule longestGlob(String path) {
        Rule longest = null;
        for (Rule g : globs) {
            if (path.startsWith(g.stripped) && (longest == null || g.stripped.length() > longest.stripped.length())) {
                longest = g;
            }
        }
        return longest;
    }

    private List<Rule> matchingPluses(String path) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : pluses) {
            if (r.regex.matcher(path).matches()) {
                out.add(r);
            }
        }
        return out;
    }
}

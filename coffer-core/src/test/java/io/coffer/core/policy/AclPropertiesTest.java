package io.coffer.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.sdk.logical.Operation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the matcher, over generated paths and rule sets. */
class AclPropertiesTest {

    private static final List<String> SEGMENTS = List.of("a", "b", "ab", "abc", "c", "");

    // --- generators ------------------------------------------------------------------------

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> first = Arbitraries.of(SEGMENTS).filter(s -> !s.isEmpty());
        Arbitrary<List<String>> rest = Arbitraries.of(SEGMENTS).list().ofMaxSize(3);
        return Combinators.combine(first, rest, Arbitraries.of(true, false))
                .as((f, r, slash) -> f + (r.isEmpty() ? "" : "/" + String.join("/", r)) + (slash ? "/" : ""));
    }

    @Provide
    Arbitrary<String> exactPaths() {
        return paths().filter(p -> !p.endsWith("*"));
    }

    @Provide
    Arbitrary<Set<Capability>> capabilitySets() {
        Arbitrary<Set<Capability>> grants = Arbitraries.of(Capability.CREATE, Capability.READ, Capability.UPDATE,
                Capability.PATCH, Capability.DELETE, Capability.LIST, Capability.SUDO).set().ofMaxSize(4)
                .map(s -> s.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(s));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, grants),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(EnumSet.of(Capability.DENY))));
    }

    /** A rule pattern: segments, some replaced by +, optionally cut mid-segment and globbed. */
    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> first = Arbitraries.of("a", "b", "ab", "abc", "c", "+");
        Arbitrary<List<String>> rest = Arbitraries.of("a", "b", "ab", "abc", "c", "+", "").list().ofMaxSize(3);
        Arbitrary<List<String>> parts = Combinators.combine(first, rest).as((f, r) -> {
            List<String> all = new ArrayList<>();
            all.add(f);
            all.addAll(r);
            return all;
        });
        return Combinators.combine(parts, Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3))
                .as((p, globMode, cut) -> {
                    String base = String.join("/", p);
                    switch (globMode) {
                        case 0:
                            return base;
                        case 1:
                            return base + "/*";
                        case 2:
                            String trimmed = base.substring(0, Math.max(0, base.length() - cut));
                            return trimmed + "*";
                        default:
                            return base + "*";
                    }
                })
                .filter(s -> !s.contains("+*"));
    }

    @Provide
    Arbitrary<List<PathRule>> ruleSets() {
        return Combinators.combine(patterns(), capabilitySets()).as(PathRule::of).list().ofMinSize(1).ofMaxSize(12);
    }

    private static Acl aclOf(List<PathRule> rules) {
        return Acl.of(List.of(new Policy("generated", "", rules)));
    }

    /** Patterns that certainly match {@code path}: prefix globs at every cut, and + variants. */
    private static List<String> matchingPatterns(String path) {
        List<String> out = new ArrayList<>();
        for (int cut = 0; cut <= path.length(); cut++) {
            out.add(path.substring(0, cut) + "*");
        }
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String[] copy = parts.clone();
            copy[i] = "+";
            String p = String.join("/", copy);
            out.add(p);
            if (!p.endsWith("+")) {
                out.add(p + "*");
            }
        }
        return out;
    }

    // --- properties ------------------------------------------------------------------------

    @Property
    void exactRule_alwaysBeatsMatchingWildcards(@ForAll("exactPaths") String path, @ForAll("capabilitySets") Set<Capability> others) {
        List<PathRule> rules = new ArrayList<>();
        for (String p : matchingPatterns(path)) {
            rules.add(PathRule.of(p, others));
        }
        rules.add(PathRule.of(path, EnumSet.of(Capability.PATCH, Capability.SUDO)));
        Acl acl = aclOf(rules);

        assertThat(acl.capabilities(path)).containsExactly(Capability.PATCH, Capability.SUDO);
        for (Operation op : List.of(Operation.READ, Operation.UPDATE, Operation.DELETE)) {
            assertThat(acl.check(op, path, null).allowed()).isFalse();
        }
        assertThat(acl.check(Operation.PATCH, path, null)).isEqualTo(new AclResult(true, true));
    }

    @Property
    void denyOnExactPath_neverGrantsAnythingThere(@ForAll("ruleSets") List<PathRule> rules, @ForAll("exactPaths") String path) {
        Policy others = new Policy("others", "", rules);
        Policy deny = new Policy("deny", "", List.of(PathRule.of(path, EnumSet.of(Capability.DENY))));

        for (Acl acl : List.of(Acl.of(List.of(others, deny)), Acl.of(List.of(deny, others)))) {
            for (Operation op : Operation.values()) {
                assertThat(acl.check(op, path, null)).isEqualTo(new AclResult(false, false));
            }
            assertThat(acl.capabilities(path)).containsExactly(Capability.DENY);
        }
    }

    @Property
    void prefixGlob_matchesExactlyThePathsStartingWithItsPrefix(@ForAll("paths") String prefix, @ForAll("paths") String path) {
        Acl acl = aclOf(List.of(PathRule.of(prefix + "*", EnumSet.of(Capability.READ))));

        assertThat(acl.check(Operation.READ, path, null).allowed()).isEqualTo(path.startsWith(prefix));
        assertThat(acl.check(Operation.READ, prefix + path, null).allowed()).isTrue();
    }

    @Property
    void plusRule_matchesOnlyPathsWithSameSegmentCountAndLiterals(@ForAll("exactPaths") String path) {
        String[] parts = path.split("/", -1);
        String[] pattern = parts.clone();
        pattern[0] = "+";
        Acl acl = aclOf(List.of(PathRule.of(String.join("/", pattern), EnumSet.of(Capability.READ))));

        String otherFirst = path.contains("/") ? "other" + path.substring(path.indexOf('/')) : "other";

        assertThat(acl.check(Operation.READ, path, null).allowed()).isTrue();
        assertThat(acl.check(Operation.READ, otherFirst, null).allowed()).isTrue();
        assertThat(acl.check(Operation.READ, path + "/x", null).allowed()).isFalse();
        if (parts.length > 1) {
            assertThat(acl.check(Operation.READ, path.substring(0, path.lastIndexOf('/')), null).allowed()).isFalse();
        }
    }

    @Property(tries = 3000)
    void resolution_agreesWithNaiveReferenceModel(@ForAll("ruleSets") List<PathRule> rules, @ForAll("paths") String path) {
        Acl acl = aclOf(rules);
        ReferenceAcl reference = new ReferenceAcl(rules);

        Set<Capability> expected = reference.resolve(path);
        for (Operation op : List.of(Operation.READ, Operation.UPDATE, Operation.DELETE)) {
            Capability needed = Capability.forOperation(op);
            boolean want = expected != null && !expected.contains(Capability.DENY) && expected.contains(needed);
            assertThat(acl.check(op, path, null).allowed()).as("%s %s with %s", op, path, rules).isEqualTo(want);
        }
        Set<Capability> expectedList = reference.resolveList(path);
        assertThat(acl.capabilities(path)).as("capabilities %s with %s", path, rules)
                .isEqualTo(expectedList == null ? Set.of() : expectedList);
        boolean wantList = expectedList != null && !expectedList.contains(Capability.DENY) && expectedList.contains(Capability.LIST);
        assertThat(acl.check(Operation.LIST, path, null).allowed()).as("LIST %s with %s", path, rules).isEqualTo(wantList);
    }

    @Property
    void policyOrder_doesNotChangeDecisions(@ForAll("ruleSets") List<PathRule> a, @ForAll("ruleSets") List<PathRule> b,
            @ForAll("paths") String path) {
        Policy pa = new Policy("a", "", a);
        Policy pb = new Policy("b", "", b);
        Acl ab = Acl.of(List.of(pa, pb));
        Acl ba = Acl.of(List.of(pb, pa));

        assertThat(ab.capabilities(path)).isEqualTo(ba.capabilities(path));
        for (Operation op : Operation.values()) {
            assertThat(ab.check(op, path, null)).isEqualTo(ba.check(op, path, null));
        }
    }

    @Property
    void grantedSomewhereUnderPrefix_hasAnyCapabilityUnderIsTrue(@ForAll("exactPaths") String mount, @ForAll("exactPaths") String rest) {
        String m = mount.endsWith("/") ? mount : mount + "/";
        Acl acl = aclOf(List.of(PathRule.of(m + rest, EnumSet.of(Capability.READ))));

        assertThat(acl.hasAnyCapabilityUnder(m)).isTrue();
        assertThat(acl.hasAnyCapabilityUnder(m + rest + "x/")).isFalse();
    }
}

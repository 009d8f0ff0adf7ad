package io.coffer.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.sdk.logical.Response;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RouterPropertiesTest {

    /** Paths of one to three segments over a tiny alphabet, so that prefixes collide often. */
    private static Arbitrary<String> segments(int min) {
        Arbitrary<String> segment = Arbitraries.of("a", "b", "ab", "ba");
        return segment.list().ofMinSize(min).ofMaxSize(3).map(l -> String.join("/", l));
    }

    @Provide
    Arbitrary<Set<String>> mountPoints() {
        return segments(1).map(p -> p + "/").set().ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.oneOf(segments(1), segments(1).map(p -> p + "/"));
    }

    private static Router routerWith(Set<String> mounts) {
        Router router = new Router();
        for (String m : mounts) {
            router.mount(new Route(new MountEntry(MountEntry.TABLE_MOUNTS, m, "kv", "", m, "kv_0", false, false, false,
                    null, null, ""), request -> Response.noContent(), null));
        }
        return router;
    }

    @Property
    void match_isLongestMountPointPrefix(@ForAll("mountPoints") Set<String> mounts, @ForAll("paths") String path) {
        Optional<String> expected = mounts.stream().filter(path::startsWith).max(Comparator.comparingInt(String::length));

        Route actual = routerWith(mounts).match(path);

        assertThat(Optional.ofNullable(actual).map(Route::mountPoint)).isEqualTo(expected);
    }

    @Property
    void conflict_iffOneIsPrefixOfTheOther(@ForAll("mountPoints") Set<String> mounts, @ForAll("mountPoints") Set<String> candidates) {
        Router router = routerWith(mounts);
        for (String candidate : candidates) {
            String conflict = router.conflict(candidate);
            List<String> overlapping = mounts.stream()
                    .filter(m -> m.startsWith(candidate) || candidate.startsWith(m)).toList();

            if (overlapping.isEmpty()) {
                assertThat(conflict).isNull();
            } else {
                assertThat(overlapping).contains(conflict);
            }
        }
    }
}

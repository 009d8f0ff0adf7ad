package io.coffer.builtin.secrets.kv;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MergePatchTest {

    private static Map<String, Object> withNull(String key, Object... rest) {
        Map<String, Object> m = new HashMap<>();
        m.put(key, null);
        for (int i = 0; i < rest.length; i += 2) {
            m.put((String) rest[i], rest[i + 1]);
        }
        return m;
    }

    @Test
    void apply_rfc7396Examples_matchTheSpec() {
        assertThat(MergePatch.apply(Map.of("a", "b"), Map.of("a", "c"))).isEqualTo(Map.of("a", "c"));
        assertThat(MergePatch.apply(Map.of("a", "b"), Map.of("b", "c"))).isEqualTo(Map.of("a", "b", "b", "c"));
        assertThat(MergePatch.apply(Map.of("a", "b"), withNull("a"))).isEqualTo(Map.of());
        assertThat(MergePatch.apply(Map.of("a", "b", "b", "c"), withNull("a"))).isEqualTo(Map.of("b", "c"));
        assertThat(MergePatch.apply(Map.of("a", List.of("b")), Map.of("a", "c"))).isEqualTo(Map.of("a", "c"));
        assertThat(MergePatch.apply(Map.of("a", "c"), Map.of("a", List.of("b")))).isEqualTo(Map.of("a", List.of("b")));
        assertThat(MergePatch.apply(Map.of("a", Map.of("b", "c")), Map.of("a", withNull("c", "b", "d"))))
                .isEqualTo(Map.of("a", Map.of("b", "d")));
        assertThat(MergePatch.apply(Map.of("a", List.of(Map.of("b", "c"))), Map.of("a", List.of(1))))
                .isEqualTo(Map.of("a", List.of(1)));
        assertThat(MergePatch.apply(Map.of("e", withNull("x")), Map.of("a", 1))).isEqualTo(Map.of("e", withNull("x"), "a", 1));
        assertThat(MergePatch.apply(Map.of(), Map.of("a", Map.of("bb", withNull("ccc")))))
                .isEqualTo(Map.of("a", Map.of("bb", Map.of())));
    }

    @Test
    void apply_neverModifiesItsInputs() {
        Map<String, Object> inner = new HashMap<>(Map.of("x", "1"));
        Map<String, Object> target = new HashMap<>(Map.of("in", inner, "k", "v"));

        MergePatch.apply(target, Map.of("in", withNull("x", "y", "2"), "k", "w"));

        assertThat(target).isEqualTo(Map.of("in", Map.of("x", "1"), "k", "v"));
    }
}

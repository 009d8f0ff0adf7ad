package io.coffer.cli.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
    private final JsonReader reader = new JsonReader();

    @Test
    void read_object_preservesOrderAndTypes() {
        Object v = reader.read("{\"b\":1,\"a\":[true,null,\"x\"],\"c\":{}}");
        assertThat(v).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat(m.keySet()).containsExactly("b", "a", "c");
        assertThat(m.get("b")).isEqualTo(new JsonNumber("1"));
        assertThat(m.get("a")).isEqualTo(java.util.Arrays.asList(true, null, "x"));
    }

    @Test
    void read_trailingContent_isIgnoredLikeGoDecoder() {
        assertThat(reader.read("{\"a\":1} trailing")).isEqualTo(Map.of("a", new JsonNumber("1")));
    }

    @Test
    void read_empty_throws() {
        assertThatThrownBy(() -> reader.read("")).isInstanceOf(JsonException.class);
    }

    @Test
    void read_malformed_throwsOneLineMessage() {
        assertThatThrownBy(() -> reader.read("{\"a\":"))
                .isInstanceOf(JsonException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}

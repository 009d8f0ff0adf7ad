package io.coffer.builtin.auth.approle;

import io.coffer.sdk.logical.exception.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppRoleMetadataTest {
    private final SecretIdMetadata parser = new SecretIdMetadata();

    @Test
    void parse_acceptsVaultsForms() {
        assertThat(parser.parse(null)).isEmpty();
        assertThat(parser.parse("  ")).isEmpty();
        assertThat(parser.parse("{\"tag1\": \"production\"}")).isEqualTo(Map.of("tag1", "production"));
        assertThat(parser.parse("a=1, b = 2")).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(parser.parse(Map.of("k", "v"))).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void parse_refusesOtherShapes_withoutEchoingThem() {
        for (Object bad : new Object[]{"{\"a\":1}", "{broken", "noequals", "=v", 7, Map.of("k", 1), "[\"a\"]"}) {
            assertThatThrownBy(() -> parser.parse(bad)).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("failed to parse metadata");
        }
    }
}

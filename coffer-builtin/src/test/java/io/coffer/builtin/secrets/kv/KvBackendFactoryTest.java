package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.harness.InMemoryStorage;
import io.coffer.builtin.harness.MutableClock;
import io.coffer.sdk.logical.BackendConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KvBackendFactoryTest {
    private final KvBackendFactory factory = new KvBackendFactory();

    private static BackendConfig config(Map<String, String> options) {
        return new BackendConfig(new InMemoryStorage(), "secret/", options, Duration.ofHours(768),
                new MutableClock(Instant.EPOCH));
    }

    @Test
    void type_isKv() {
        assertThat(factory.type()).isEqualTo("kv");
    }

    @Test
    void create_versionAbsentEmptyOrOne_buildsKvV1() {
        Map<String, String> empty = new HashMap<>();
        empty.put("version", "");

        assertThat(factory.create(config(null))).isInstanceOf(KvV1Backend.class);
        assertThat(factory.create(config(Map.of()))).isInstanceOf(KvV1Backend.class);
        assertThat(factory.create(config(empty))).isInstanceOf(KvV1Backend.class);
        assertThat(factory.create(config(Map.of("version", "1")))).isInstanceOf(KvV1Backend.class);
    }

    @Test
    void create_versionTwo_buildsKvV2() {
        assertThat(factory.create(config(Map.of("version", "2")))).isInstanceOf(KvV2Backend.class);
    }

    @Test
    void create_otherVersion_throwsIllegalArgumentNamingTheOption() {
        assertThatThrownBy(() -> factory.create(config(Map.of("version", "3"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported kv version \"3\": the \"version\" option must be \"1\" or \"2\"");
        assertThatThrownBy(() -> factory.create(config(Map.of("version", "v2"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.coffer.builtin;

import io.coffer.builtin.secrets.kv.KvBackendFactory;
import io.coffer.sdk.logical.Backend;
import io.coffer.sdk.logical.BackendConfig;
import io.coffer.sdk.logical.BackendFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuiltinRegistryTest {

    private static BackendFactory named(String type) {
        return new BackendFactory() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Backend create(BackendConfig config) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void standard_registersKv() {
        BuiltinRegistry registry = BuiltinRegistry.standard();

        assertThat(registry.types()).containsExactly("approle", "kv", "userpass");
        assertThat(registry.factory("kv")).get().isInstanceOf(KvBackendFactory.class);
    }

    @Test
    void standard_eachCallBuildsAnIndependentRegistry() {
        assertThat(BuiltinRegistry.standard()).isNotSameAs(BuiltinRegistry.standard());
    }

    @Test
    void factory_unknownOrNullType_isEmpty() {
        BuiltinRegistry registry = BuiltinRegistry.standard();

        assertThat(registry.factory("transit")).isEmpty();
        assertThat(registry.factory(null)).isEmpty();
    }

    @Test
    void constructor_customFactories_areListedSorted() {
        BuiltinRegistry registry = new BuiltinRegistry(List.of(named("transit"), named("kv"), named("approle")));

        assertThat(registry.types()).containsExactly("approle", "kv", "transit");
        assertThatThrownBy(() -> registry.types().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructor_duplicateType_isRejected() {
        assertThatThrownBy(() -> new BuiltinRegistry(List.of(named("kv"), new KvBackendFactory())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("backend type registered twice: kv");
    }
}

package io.coffer.builtin.auth.approle;

import io.coffer.builtin.BuiltinRegistry;
import io.coffer.builtin.harness.InMemoryStorage;
import io.coffer.sdk.logical.BackendConfig;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppRoleBackendFactoryTest {

    @Test
    void type_isApprole() {
        assertThat(new AppRoleBackendFactory().type()).isEqualTo("approle");
    }

    @Test
    void standardRegistry_servesApprole() {
        assertThat(BuiltinRegistry.standard().factory("approle")).get().isInstanceOf(AppRoleBackendFactory.class);
        assertThat(BuiltinRegistry.standard().types()).contains("approle", "kv");
    }

    @Test
    void create_buildsIndependentBackends() {
        BackendConfig config = new BackendConfig(new InMemoryStorage(), "auth/approle/", Map.of(), null, Clock.systemUTC());
        AppRoleBackendFactory factory = new AppRoleBackendFactory();

        assertThat(factory.create(config)).isInstanceOf(AppRoleBackend.class).isNotSameAs(factory.create(config));
    }

    @Test
    void create_withoutClock_usesTheSystemClock() {
        AppRoleFixture f = new AppRoleFixture();
        BackendConfig config = new BackendConfig(f.h.storage(), "auth/approle/", Map.of(), null, null);
        var backend = new AppRoleBackendFactory().create(config);

        assertThat(backend.unauthenticatedPaths()).containsExactly("login");
    }
}

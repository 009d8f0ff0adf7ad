package io.coffer.builtin.auth.userpass;

import io.coffer.builtin.BuiltinRegistry;
import io.coffer.builtin.harness.BackendHarness;
import io.coffer.builtin.harness.InMemoryStorage;
import io.coffer.builtin.harness.MutableClock;
import io.coffer.sdk.logical.Backend;
import io.coffer.sdk.logical.BackendConfig;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.UserLockouts;
import io.coffer.sdk.logical.exception.PermissionDeniedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserpassBackendFactoryTest {

    @Test
    void standardRegistry_servesUserpass() {
        assertThat(BuiltinRegistry.standard().factory("userpass")).get().isInstanceOf(UserpassBackendFactory.class);
        assertThat(new UserpassBackendFactory().type()).isEqualTo("userpass");
    }

    @Test
    void create_buildsABackendTheCoreCanAskForLockouts() {
        Backend backend = new UserpassBackendFactory().create(config(Map.of()));

        assertThat(backend).isInstanceOf(UserpassBackend.class).isInstanceOf(UserLockouts.class);
        assertThat(backend.unauthenticatedPaths()).containsExactly("login/*");
    }

    @Test
    void create_defaultCost_hashesWithBcryptCost10() {
        InMemoryStorage storage = new InMemoryStorage();
        Backend backend = new UserpassBackendFactory().create(new BackendConfig(storage, "auth/userpass/", Map.of(),
                BackendHarness.DEFAULT_LEASE_TTL, new MutableClock(BackendHarness.START)));

        backend.handleRequest(request(storage, "users/bob", Map.of("password", "pw")));

        assertThat(storage.text("user/bob")).contains("\"password_hash\":\"$2b$10$");
    }

    @Test
    void create_options_setCostAndLockout() {
        InMemoryStorage storage = new InMemoryStorage();
        MutableClock clock = new MutableClock(BackendHarness.START);
        Backend backend = new UserpassBackendFactory().create(new BackendConfig(storage, "auth/userpass/",
                Map.of("bcrypt_cost", "5", "lockout_threshold", "1", "lockout_duration", "1m",
                        "lockout_counter_reset", "30"), BackendHarness.DEFAULT_LEASE_TTL, clock));
        backend.handleRequest(request(storage, "users/bob", Map.of("password", "pw")));

        assertThat(storage.text("user/bob")).contains("\"password_hash\":\"$2b$05$");
        assertThatThrownBy(() -> backend.handleRequest(request(storage, "login/bob", Map.of("password", "no"))))
                .hasMessage("invalid username or password");
        assertThatThrownBy(() -> backend.handleRequest(request(storage, "login/bob", Map.of("password", "pw"))))
                .isInstanceOf(PermissionDeniedException.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(backend.handleRequest(request(storage, "login/bob", Map.of("password", "pw"))).login()).isNotNull();
    }

    @Test
    void settings_fromNoOptions_areVaultsDefaults() {
        UserpassSettings s = UserpassSettings.fromOptions(Map.of());

        assertThat(s).isEqualTo(UserpassSettings.DEFAULT);
        assertThat(s.bcryptCost()).isEqualTo(10);
        assertThat(s.lockout()).isEqualTo(new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15), false));
    }

    @Test
    void settings_fromOptions_parseGoDurationsSecondsAndGoBools() {
        UserpassSettings s = UserpassSettings.fromOptions(Map.of("lockout_threshold", " 7 ", "lockout_duration", "1h30m",
                "lockout_counter_reset", "90", "disable_lockout", "T", "bcrypt_cost", "12"));

        assertThat(s).isEqualTo(new UserpassSettings(12,
                new LockoutPolicy(7, Duration.ofMinutes(90), Duration.ofSeconds(90), true)));
    }

    @Test
    void settings_invalidOptions_areRefusedNamingTheOption() {
        assertThatThrownBy(() -> UserpassSettings.fromOptions(Map.of("lockout_threshold", "five")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid userpass mount option \"lockout_threshold\": expected an integer");
        assertThatThrownBy(() -> UserpassSettings.fromOptions(Map.of("lockout_duration", "soon")))
                .hasMessage("invalid userpass mount option \"lockout_duration\": expected a duration");
        assertThatThrownBy(() -> UserpassSettings.fromOptions(Map.of("disable_lockout", "yes")))
                .hasMessage("invalid userpass mount option \"disable_lockout\": expected a boolean");
        assertThatThrownBy(() -> UserpassSettings.fromOptions(Map.of("bcrypt_cost", "3")))
                .hasMessage("invalid userpass mount options: bcrypt cost must be between 4 and 31");
        assertThatThrownBy(() -> UserpassSettings.fromOptions(Map.of("lockout_threshold", "0")))
                .hasMessage("invalid userpass mount options: lockout threshold must be at least 1");
        assertThatThrownBy(() -> UserpassSettings.fromOptions(Map.of("lockout_duration", "0s")))
                .hasMessage("invalid userpass mount options: lockout duration must be positive");
        assertThatThrownBy(() -> UserpassSettings.fromOptions(Map.of("lockout_counter_reset", "-1m")))
                .hasMessage("invalid userpass mount options: lockout counter reset must be positive");
    }

    @Test
    void create_invalidOptions_failTheMount() {
        assertThatThrownBy(() -> new UserpassBackendFactory().create(config(Map.of("bcrypt_cost", "40"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BackendConfig config(Map<String, String> options) {
        return new BackendConfig(new InMemoryStorage(), "auth/userpass/", options, BackendHarness.DEFAULT_LEASE_TTL,
                new MutableClock(BackendHarness.START));
    }

    private static Request request(InMemoryStorage storage, String path, Map<String, Object> data) {
        return new Request("r", Operation.UPDATE, "auth/userpass/" + path, "auth/userpass/", data,
                Request.Caller.ANONYMOUS, storage, "127.0.0.1");
    }
}

package io.coffer.core.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.coffer.core.testing.TestCore;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.ConflictException;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SystemMountsTest {
    private final TestCore t = new TestCore();

    private Response enable(String path, Map<String, ?> body) {
        return t.write("sys/mounts/" + path, body, t.root());
    }

    @Test
    void enable_kvV2_listedWithStringVersionOption() {
        Response r = enable("secret", Map.of("type", "kv", "options", Map.of("version", 2), "description", "app secrets"));

        assertThat(r.isEmpty()).isTrue();
        Map<String, Object> mounts = t.read("sys/mounts", t.root()).data();
        assertThat(mounts).extractingByKey("secret/", MAP)
                .containsEntry("type", "kv")
                .containsEntry("description", "app secrets")
                .containsEntry("options", Map.of("version", "2"))
                .containsEntry("local", false);
        assertThat((String) ((Map<?, ?>) mounts.get("secret/")).get("accessor")).matches("kv_[0-9a-f]{8}");
    }

    @Test
    void tune_authMountThroughSysMountsAuth_readsAndChangesTheAuthMount() {
        t.write("sys/auth/userpass", Map.of("type", "userpass"), t.root());

        t.write("sys/mounts/auth/userpass/tune", Map.of("default_lease_ttl", "1h", "description", "people"), t.root());

        assertThat(t.read("sys/auth/userpass/tune", t.root()).data()).containsEntry("default_lease_ttl", 3600L)
                .containsEntry("description", "people");
        assertThat(t.read("sys/mounts/auth/userpass/tune", t.root()).data()).containsEntry("default_lease_ttl", 3600L);
        assertThat(t.read("sys/mounts", t.root()).data()).doesNotContainKey("auth/userpass/");
        assertThatThrownBy(() -> t.read("sys/mounts/auth/nothing/tune", t.root())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void tune_authMountThroughSysMountsAuth_needsSudoLikeSysAuth() {
        t.write("sys/auth/userpass", Map.of("type", "userpass"), t.root());
        t.putPolicy("mounts-admin", TestCore.rule("sys/mounts/*", "create", "read", "update"));
        String token = t.token("mounts-admin");

        assertThatThrownBy(() -> t.write("sys/mounts/auth/userpass/tune", Map.of("user_lockout_config",
                Map.of("lockout_disable", true)), token)).isInstanceOf(io.coffer.sdk.logical.exception.PermissionDeniedException.class);
        assertThat(t.read("sys/auth/userpass/tune", t.root()).data()).doesNotContainKey("user_lockout_disable");
    }

    @Test
    void tune_userLockoutConfig_locksUserpassLoginsAfterTheThreshold_andIsShownAsVaultDoes() {
        t.write("sys/auth/userpass", Map.of("type", "userpass"), t.root());
        t.write("auth/userpass/users/ann", Map.of("password", "right-pw-1"), t.root());

        t.write("sys/auth/userpass/tune", Map.of("user_lockout_config", Map.of("lockout_threshold", "2",
                "lockout_duration", "10m", "lockout_counter_reset_duration", "20m", "lockout_disable", false)), t.root());

        assertThat(t.read("sys/auth/userpass/tune", t.root()).data())
                .containsEntry("user_lockout_threshold", 2L).containsEntry("user_lockout_duration", 600L)
                .containsEntry("user_lockout_counter_reset_duration", 1200L).containsEntry("user_lockout_disable", false);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> t.write("auth/userpass/login/ann", Map.of("password", "wrong"), ""))
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> t.write("auth/userpass/login/ann", Map.of("password", "right-pw-1"), ""))
                .isInstanceOf(io.coffer.sdk.logical.exception.PermissionDeniedException.class);
    }

    @Test
    void tune_userLockoutConfig_badValueOrMount_is400AndChangesNothing() {
        t.write("sys/auth/userpass", Map.of("type", "userpass"), t.root());
        Map<String, Object> before = t.read("sys/auth/userpass/tune", t.root()).data();

        assertThatThrownBy(() -> t.write("sys/auth/userpass/tune", Map.of("user_lockout_config",
                Map.of("lockout_duration", "soon")), t.root())).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> t.write("sys/auth/userpass/tune", Map.of("user_lockout_config",
                Map.of("lockout_thresh", "3")), t.root())).isInstanceOf(InvalidRequestException.class);
        assertThat(t.read("sys/auth/userpass/tune", t.root()).data()).isEqualTo(before);
        enable("secret", Map.of("type", "kv"));
        assertThatThrownBy(() -> t.write("sys/mounts/secret/tune", Map.of("user_lockout_config",
                Map.of("lockout_threshold", "3")), t.root())).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void enable_kvV2Alias_expandsToKvWithVersion() {
        enable("alias", Map.of("type", "kv-v2"));

        assertThat(t.read("sys/mounts/alias", t.root()).data())
                .containsEntry("type", "kv").containsEntry("options", Map.of("version", "2"));
    }

    @Test
    void enable_samePathTwice_conflict() {
        enable("secret", Map.of("type", "kv"));

        assertThatThrownBy(() -> enable("secret", Map.of("type", "kv")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("path is already in use at secret/");
    }

    @Test
    void enable_underExistingMount_conflictNamingIt() {
        enable("secret", Map.of("type", "kv"));

        assertThatThrownBy(() -> enable("secret/nested", Map.of("type", "kv")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("path is already in use at secret/");
    }

    @Test
    void enable_aboveExistingMount_conflictNamingIt() {
        enable("team/a", Map.of("type", "kv"));

        assertThatThrownBy(() -> enable("team", Map.of("type", "kv")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("path is already in use at team/a/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sys/x", "auth/x", "cubbyhole/x", "identity"})
    void enable_reservedPath_invalidRequest(String path) {
        assertThatThrownBy(() -> enable(path, Map.of("type", "kv")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("cannot mount under reserved path");
    }

    @Test
    void enable_unknownType_pluginNotFoundAndNothingMounted() {
        assertThatThrownBy(() -> enable("foo", Map.of("type", "foo")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("plugin not found in the catalog: foo");

        assertThat(t.read("sys/mounts", t.root()).data()).doesNotContainKey("foo/");
        enable("foo", Map.of("type", "kv"));
    }

    @Test
    void enable_missingType_invalidRequest() {
        assertThatThrownBy(() -> enable("foo", Map.of("description", "x")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("missing type");
    }

    @Test
    void tune_ttlsAndDescription_readBackEffectiveValues() {
        enable("secret", Map.of("type", "kv"));
        assertThat(t.read("sys/mounts/secret/tune", t.root()).data())
                .containsEntry("default_lease_ttl", 2764800L).containsEntry("max_lease_ttl", 2764800L);

        t.write("sys/mounts/secret/tune", Map.of("default_lease_ttl", "1h", "max_lease_ttl", 7200, "description", "tuned"), t.root());

        assertThat(t.read("sys/mounts/secret/tune", t.root()).data())
                .containsEntry("default_lease_ttl", 3600L)
                .containsEntry("max_lease_ttl", 7200L)
                .containsEntry("description", "tuned");
        assertThat(t.read("sys/mounts/secret", t.root()).data()).extractingByKey("config", MAP)
                .containsEntry("default_lease_ttl", 3600L).containsEntry("max_lease_ttl", 7200L);
    }

    @Test
    void tune_defaultAboveMax_invalidRequest() {
        enable("secret", Map.of("type", "kv"));

        assertThatThrownBy(() -> t.write("sys/mounts/secret/tune", Map.of("default_lease_ttl", "3h", "max_lease_ttl", "2h"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("backend max lease TTL of 7200 would be less than default lease TTL of 10800");
    }

    @Test
    void tune_kvV1ToV2_upgradesOptions() {
        enable("kv", Map.of("type", "kv"));

        t.write("sys/mounts/kv/tune", Map.of("options", Map.of("version", "2")), t.root());

        assertThat(t.read("sys/mounts/kv", t.root()).data()).containsEntry("options", Map.of("version", "2"));
        assertThat(t.write("kv/data/x", Map.of("data", Map.of("a", "b")), t.root()).data()).containsEntry("version", 1L);
    }

    @Test
    void disable_thenReenableSamePath_previousDataGone() {
        enable("kv", Map.of("type", "kv"));
        t.write("kv/foo", Map.of("a", "b"), t.root());
        assertThat(t.read("kv/foo", t.root()).data()).containsEntry("a", "b");

        t.delete("sys/mounts/kv", t.root());

        assertThatThrownBy(() -> t.read("kv/foo", t.root()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("no handler for route \"kv/foo\". route entry not found.");
        enable("kv", Map.of("type", "kv"));
        assertThatThrownBy(() -> t.read("kv/foo", t.root()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.errors()).isEmpty());
        assertThatThrownBy(() -> t.list("kv/", t.root())).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sys", "cubbyhole"})
    void disable_builtinSecretMount_refusedAndStateKept(String path) {
        t.putPolicy("app", "path \"secret/*\" { capabilities = [\"read\"] }");
        t.write("cubbyhole/x", Map.of("v", "1"), t.root());

        assertThatThrownBy(() -> t.delete("sys/mounts/" + path, t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("cannot unmount \"" + path + "/\"");

        assertThat(t.read("sys/mounts", t.root()).data()).containsKeys("sys/", "cubbyhole/");
        assertThat(t.read("sys/policies/acl/app", t.root()).data()).containsKey("policy");
        assertThat(t.read("cubbyhole/x", t.root()).data()).containsEntry("v", "1");
        t.core().seal();
        t.core().unseal(t.share());
        assertThat(t.read("sys/mounts", t.root()).data()).containsKeys("sys/", "cubbyhole/");
    }

    @Test
    void disable_tokenAuthMount_refusedAndTokensKept() {
        String token = t.token("default");

        assertThatThrownBy(() -> t.delete("sys/auth/token", t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("token credential backend cannot be disabled");

        assertThat(t.read("auth/token/lookup-self", token).data()).containsEntry("policies", java.util.List.of("default"));
        assertThat(t.read("sys/auth", t.root()).data()).containsKey("token/");
    }

    @Test
    void disable_absentPath_silentNoContent() {
        assertThat(t.delete("sys/mounts/never-mounted", t.root()).isEmpty()).isTrue();
    }

    @Test
    void mounts_sealAndUnseal_rebuiltFromStorage() {
        enable("secret", Map.of("type", "kv", "options", Map.of("version", "2")));
        t.write("sys/mounts/secret/tune", Map.of("default_lease_ttl", "1h"), t.root());
        t.write("secret/data/app", Map.of("data", Map.of("k", "v")), t.root());
        String accessor = (String) t.read("sys/mounts/secret", t.root()).data().get("accessor");

        t.core().seal();
        t.core().unseal(t.share());

        Map<String, Object> mount = t.read("sys/mounts/secret", t.root()).data();
        assertThat(mount).containsEntry("accessor", accessor).containsEntry("options", Map.of("version", "2"));
        assertThat(mount).extractingByKey("config", MAP).containsEntry("default_lease_ttl", 3600L);
        assertThat(t.read("secret/data/app", t.root()).data()).extracting("data").isEqualTo(Map.of("k", "v"));
    }

    @Test
    void authTable_tokenMountAlwaysPresent() {
        Response r = t.read("sys/auth", t.root());

        assertThat(r.data()).extractingByKey("token/", MAP).containsEntry("type", "token");
        assertThat(r.topLevelData()).isTrue();
    }

    @Test
    void authEnable_typeToken_refused() {
        assertThatThrownBy(() -> t.write("sys/auth/tok2", Map.of("type", "token"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("token credential backend cannot be instantiated");
    }
}

package io.coffer.core.system;

import static io.coffer.core.testing.TestCore.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.testing.TestCore;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SystemPoliciesTest {
    private static final String APP = rule("secret/*", "read", "list");

    private final TestCore t = new TestCore();

    @Test
    void legacyApi_writeReadList_roundTrip() {
        Response written = t.write("sys/policy/app", Map.of("policy", APP), t.root());

        assertThat(written.isEmpty()).isTrue();
        Response read = t.read("sys/policy/app", t.root());
        assertThat(read.data()).containsEntry("name", "app").containsEntry("rules", APP);
        assertThat(read.topLevelData()).isTrue();
        Response list = t.read("sys/policy", t.root());
        assertThat(list.data()).containsEntry("keys", List.of("app", "default", "root"))
                .containsEntry("policies", List.of("app", "default", "root"));
        assertThat(list.topLevelData()).isTrue();
    }

    @Test
    void legacyApi_upperCaseName_lowercasedWithWarning() {
        Response r = t.write("sys/policy/MyApp", Map.of("policy", APP), t.root());

        assertThat(r.warnings()).containsExactly("policy name was converted to myapp");
        assertThat(t.read("sys/policy/myapp", t.root()).data()).containsEntry("name", "myapp");
    }

    @Test
    void legacyApi_rulesField_acceptedWithDeprecationWarning() {
        Response r = t.write("sys/policy/app", Map.of("rules", APP), t.root());

        assertThat(r.warnings()).containsExactly("'rules' is deprecated, please use 'policy' instead");
        assertThat(t.read("sys/policies/acl/app", t.root()).data()).containsEntry("policy", APP);
    }

    @Test
    void aclApi_writeReadListDelete_roundTrip() {
        t.write("sys/policies/acl/app", Map.of("policy", APP), t.root());

        Response read = t.read("sys/policies/acl/app", t.root());
        assertThat(read.data()).isEqualTo(Map.of("name", "app", "policy", APP));
        assertThat(read.topLevelData()).isFalse();
        assertThat(t.list("sys/policies/acl", t.root()).data()).containsEntry("keys", List.of("app", "default"));

        assertThat(t.delete("sys/policies/acl/app", t.root()).isEmpty()).isTrue();

        assertThatThrownBy(() -> t.read("sys/policies/acl/app", t.root())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.read("sys/policy/app", t.root())).isInstanceOf(NotFoundException.class);
        assertThat(t.delete("sys/policy/app", t.root()).isEmpty()).isTrue();
    }

    @Test
    void write_emptyPolicy_refused() {
        assertThatThrownBy(() -> t.write("sys/policies/acl/app", Map.of("policy", ""), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("'policy' parameter not supplied or empty");
        assertThatThrownBy(() -> t.write("sys/policy/app", Map.of(), t.root()))
                .hasMessage("'policy' parameter not supplied or empty");
    }

    @Test
    void write_unparsablePolicy_refusedAndNotStored() {
        assertThatThrownBy(() -> t.write("sys/policies/acl/app", Map.of("policy", "path \"x\" {"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("failed to parse policy: ");
        assertThatThrownBy(() -> t.read("sys/policies/acl/app", t.root())).isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sys/policy/root", "sys/policies/acl/root", "sys/policy/ROOT"})
    void write_root_refused(String path) {
        assertThatThrownBy(() -> t.write(path, Map.of("policy", APP), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("cannot update \"root\" policy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sys/policy/root", "sys/policies/acl/root"})
    void delete_root_refused(String path) {
        assertThatThrownBy(() -> t.delete(path, t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("cannot delete \"root\" policy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sys/policy/default", "sys/policies/acl/default"})
    void delete_default_refused(String path) {
        assertThatThrownBy(() -> t.delete(path, t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("cannot delete default policy");
        assertThat(t.read("sys/policies/acl/default", t.root()).data()).containsKey("policy");
    }

    @Test
    void read_root_notFound() {
        assertThatThrownBy(() -> t.read("sys/policy/root", t.root()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.errors()).isEmpty());
    }

    @Test
    void write_default_rewritableAndEffective() {
        String token = t.token("default");
        assertThatThrownBy(() -> t.read("sys/mounts", token)).isInstanceOf(PermissionDeniedException.class);

        t.write("sys/policies/acl/default", Map.of("policy", rule("sys/mounts", "read")), t.root());

        assertThat(t.read("sys/mounts", token).data()).containsKey("sys/");
        assertThatThrownBy(() -> t.read("auth/token/lookup-self", token)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void write_changedPolicy_appliesToExistingTokens() {
        t.putPolicy("mounts", rule("sys/mounts", "read"));
        String token = t.token("mounts");
        assertThat(t.read("sys/mounts", token).data()).containsKey("sys/");

        t.putPolicy("mounts", rule("sys/mounts", "deny"));

        assertThatThrownBy(() -> t.read("sys/mounts", token)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void policies_sealAndUnseal_survive() {
        t.putPolicy("app", APP);

        t.core().seal();
        t.core().unseal(t.share());

        assertThat(t.read("sys/policies/acl/app", t.root()).data()).containsEntry("policy", APP);
    }
}

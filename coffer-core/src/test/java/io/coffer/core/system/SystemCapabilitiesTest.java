package io.coffer.core.system;

import static io.coffer.core.testing.TestCore.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.testing.TestCore;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SystemCapabilitiesTest {
    private final TestCore t = new TestCore();

    private Response capabilitiesSelf(Map<String, ?> body, String token) {
        return t.write("sys/capabilities-self", body, token);
    }

    @Test
    void capabilitiesSelf_root_rootOnEveryPath() {
        Response r = capabilitiesSelf(Map.of("paths", List.of("secret/data/x")), t.root());

        assertThat(r.data()).isEqualTo(Map.of("secret/data/x", List.of("root"), "capabilities", List.of("root")));
        assertThat(r.topLevelData()).isTrue();
    }

    @Test
    void capabilitiesSelf_noMatchingRule_deny() {
        Response r = capabilitiesSelf(Map.of("paths", "secret/data/x"), t.token("default"));

        assertThat(r.data()).isEqualTo(Map.of("secret/data/x", List.of("deny"), "capabilities", List.of("deny")));
    }

    @Test
    void capabilitiesSelf_grantedPath_sortedCapabilities() {
        t.putPolicy("app", rule("secret/data/*", "update", "read", "list"));

        Response r = capabilitiesSelf(Map.of("paths", List.of("secret/data/app")), t.token("app"));

        assertThat(r.data()).containsEntry("secret/data/app", List.of("list", "read", "update"))
                .containsEntry("capabilities", List.of("list", "read", "update"));
    }

    @Test
    void capabilitiesSelf_explicitDeny_denyOnly() {
        t.putPolicy("app", rule("secret/data/*", "read") + rule("secret/data/locked", "deny"));

        Response r = capabilitiesSelf(Map.of("paths", "secret/data/locked"), t.token("app"));

        assertThat(r.data()).containsEntry("capabilities", List.of("deny"));
    }

    @Test
    void capabilitiesSelf_severalPaths_noCapabilitiesSummary() {
        t.putPolicy("app", rule("secret/data/*", "read"));

        Response r = capabilitiesSelf(Map.of("paths", "secret/data/a,sys/mounts"), t.token("app"));

        assertThat(r.data()).isEqualTo(Map.of("secret/data/a", List.of("read"), "sys/mounts", List.of("deny")));
    }

    @Test
    void capabilitiesSelf_legacyPathField_accepted() {
        Response r = capabilitiesSelf(Map.of("path", "cubbyhole/x"), t.token("default"));

        assertThat(r.data()).containsEntry("capabilities", List.of("create", "delete", "list", "read", "update"));
    }

    @Test
    void capabilitiesSelf_noPaths_invalidRequest() {
        assertThatThrownBy(() -> capabilitiesSelf(Map.of(), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("paths must be supplied");
    }

    @Test
    void capabilities_otherTokenUnknown_invalidToken() {
        assertThatThrownBy(() -> t.write("sys/capabilities", Map.of("token", "hvs.nope", "paths", "x"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid token");
    }

    @Test
    void capabilitiesAccessor_knownAccessor_thatTokensCapabilities() {
        String accessor = t.createToken(List.of("default"), Map.of()).accessor();

        Response r = t.write("sys/capabilities-accessor", Map.of("accessor", accessor, "paths", "sys/mounts"), t.root());

        assertThat(r.data()).containsEntry("capabilities", List.of("deny"));
    }

    // --- keyring ------------------------------------------------------------------------------------

    @Test
    void keyStatus_freshCluster_termOne() {
        Response r = t.read("sys/key-status", t.root());

        assertThat(r.data()).containsEntry("term", 1).containsKey("install_time");
        assertThat(r.topLevelData()).isTrue();
    }

    @Test
    void rotate_newTermAndOldDataStillReadable() {
        t.write("cubbyhole/before", Map.of("v", "1"), t.root());

        assertThat(t.write("sys/rotate", Map.of(), t.root()).isEmpty()).isTrue();

        assertThat(t.read("sys/key-status", t.root()).data()).containsEntry("term", 2);
        assertThat(t.read("cubbyhole/before", t.root()).data()).containsEntry("v", "1");
        t.core().seal();
        t.core().unseal(t.share());
        assertThat(t.read("sys/key-status", t.root()).data()).containsEntry("term", 2);
        assertThat(t.read("cubbyhole/before", t.root()).data()).containsEntry("v", "1");
    }
}

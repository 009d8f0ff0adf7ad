package io.coffer.core.request;

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

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestPipelineAuthorizationTest {
    private static final String DENIED = "1 error occurred:\n\t* permission denied\n\n";

    private final TestCore t = new TestCore();

    @BeforeEach
    void secretEngine() {
        t.enableKv2("secret");
    }

    private static void assertDenied(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.isInvalidToken()).isFalse())
                .hasMessage(DENIED);
    }

    private static void assertInvalidToken(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.isInvalidToken()).isTrue())
                .hasMessage("2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n");
    }

    // --- tokens ------------------------------------------------------------------------------------

    @Test
    void handle_missingToken_invalidToken() {
        assertInvalidToken(() -> t.read("sys/mounts", ""));
        assertInvalidToken(() -> t.read("sys/mounts", null));
    }

    @Test
    void handle_unknownToken_invalidToken() {
        assertInvalidToken(() -> t.read("sys/mounts", "hvs.AAAAAAAAAAAAAAAAAAAAAAAA"));
    }

    @Test
    void handle_revokedToken_invalidToken() {
        String token = t.token("default");
        t.write("auth/token/revoke-self", Map.of(), token);

        assertInvalidToken(() -> t.read("auth/token/lookup-self", token));
    }

    @Test
    void handle_unknownMount_notFoundNamingRoute() {
        assertThatThrownBy(() -> t.read("nomount/x", t.root()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("no handler for route \"nomount/x\". route entry not found.");
    }

    // --- ACL --------------------------------------------------------------------------------------

    @Test
    void handle_policyWithoutGrant_permissionDenied() {
        String token = t.token("default");

        assertDenied(() -> t.read("sys/mounts", token));
        assertDenied(() -> t.read("secret/data/app", token));
    }

    @Test
    void handle_policyGrantingRead_readAllowedWriteDenied() {
        t.write("secret/data/app", Map.of("data", Map.of("k", "v")), t.root());
        t.putPolicy("reader", rule("secret/data/*", "read"));
        String token = t.token("reader");

        Response r = t.read("secret/data/app", token);

        assertThat(r.data()).extracting("data").isEqualTo(Map.of("k", "v"));
        assertDenied(() -> t.write("secret/data/app", Map.of("data", Map.of("k", "w")), token));
    }

    @Test
    void handle_writeToUnsupportedPathWithoutGrant_deniedBeforeRouting() {
        String token = t.token("default");

        assertDenied(() -> t.write("sys/no-such-endpoint", Map.of(), token));
        assertThatThrownBy(() -> t.write("sys/no-such-endpoint", Map.of(), t.root()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("unsupported path");
    }

    @Test
    void handle_rootToken_everythingAllowed() {
        Response r = t.read("sys/mounts", t.root());

        assertThat(r.data()).containsKeys("secret/", "sys/", "cubbyhole/");
        assertThat(r.topLevelData()).isTrue();
    }

    // --- sudo ---------------------------------------------------------------------------------------

    @Test
    void handle_sysAuthEnableWithoutSudo_denied() {
        t.putPolicy("auth-admin", rule("sys/auth/*", "create", "read", "update", "delete"));
        String token = t.token("auth-admin");

        assertDenied(() -> t.write("sys/auth/foo", Map.of("type", "foo"), token));
    }

    @Test
    void handle_sysAuthEnableWithSudo_reachesBackend() {
        t.putPolicy("auth-admin", rule("sys/auth/*", "create", "read", "update", "delete", "sudo"));
        String token = t.token("auth-admin");

        assertThatThrownBy(() -> t.write("sys/auth/foo", Map.of("type", "foo"), token))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("plugin not found in the catalog: foo");
        assertThat(t.read("sys/auth/token/tune", token).data()).containsEntry("default_lease_ttl", 2764800L);
    }

    @Test
    void handle_sysAuthListWithoutSudo_allowed() {
        t.putPolicy("auth-reader", rule("sys/auth", "read"));

        assertThat(t.read("sys/auth", t.token("auth-reader")).data()).containsKey("token/");
    }

    @Test
    void handle_tokenAccessorsWithoutSudo_denied() {
        t.putPolicy("lister", rule("auth/token/accessors", "list") + rule("auth/token/accessors/", "list"));
        String token = t.token("lister");

        assertDenied(() -> t.list("auth/token/accessors/", token));
    }

    @Test
    void handle_tokenAccessorsWithSudo_listsAccessors() {
        t.putPolicy("lister", rule("auth/token/accessors/", "list", "sudo"));
        String accessor = t.createToken(List.of("lister"), Map.of()).accessor();
        String token = t.createToken(List.of("lister"), Map.of()).clientToken();

        Response r = t.list("auth/token/accessors/", token);

        assertThat(r.data().get("keys")).asList().contains(accessor).hasSize(3);
    }

    @Test
    void handle_rootPathWithSudo_callerSeesSudo() {
        t.putPolicy("rotator", rule("sys/rotate", "update"));
        assertDenied(() -> t.write("sys/rotate", Map.of(), t.token("rotator")));

        t.putPolicy("rotator", rule("sys/rotate", "update", "sudo"));
        t.write("sys/rotate", Map.of(), t.token("rotator"));

        assertThat(t.read("sys/key-status", t.root()).data()).containsEntry("term", 2);
    }

    // --- unauthenticated KV preflight -------------------------------------------------------------

    @Test
    void internalUiMounts_tokenWithAnyCapabilityUnderMount_mountDescribed() {
        t.putPolicy("app", rule("secret/data/app", "read"));
        String token = t.token("app");

        Response r = t.read("sys/internal/ui/mounts/secret/data/app", token);

        assertThat(r.data()).containsEntry("path", "secret/").containsEntry("type", "kv")
                .containsEntry("options", Map.of("version", "2"));
        assertThat(t.read("sys/internal/ui/mounts/secret", token).data()).containsEntry("path", "secret/");
    }

    @Test
    void internalUiMounts_tokenWithoutCapabilityUnderMount_preflight403() {
        String token = t.token("default");

        assertThatThrownBy(() -> t.read("sys/internal/ui/mounts/secret", token))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.isInvalidToken()).isFalse())
                .hasMessage("preflight capability check returned 403, please ensure client's policies grant access "
                        + "to path \"secret/\"");
    }

    @Test
    void internalUiMounts_noToken_preflight403() {
        assertThatThrownBy(() -> t.read("sys/internal/ui/mounts/secret", ""))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageStartingWith("preflight capability check returned 403");
    }

    @Test
    void internalUiMounts_noSuchMount_preflight403() {
        assertThatThrownBy(() -> t.read("sys/internal/ui/mounts/nomount/x", t.root()))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("\"nomount/x/\"");
    }

    @Test
    void internalUiMounts_listing_onlyMountsTheTokenCanUse() {
        t.enableKv2("hidden");
        t.putPolicy("app", rule("secret/data/app", "read"));

        Response r = t.read("sys/internal/ui/mounts", t.token("app"));

        assertThat(r.data()).extracting("secret").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("secret/", "cubbyhole/").doesNotContainKey("hidden/");
        assertThat(r.data()).extracting("auth").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKey("token/");
    }

    // --- create versus update ----------------------------------------------------------------------

    @Test
    void write_createOnlyPolicy_createsNewSecretButCannotUpdateIt() {
        t.putPolicy("creator", rule("secret/data/*", "create"));
        String token = t.token("creator");

        Response created = t.write("secret/data/new", Map.of("data", Map.of("a", "1")), token);

        assertThat(created.data()).containsEntry("version", 1L);
        assertDenied(() -> t.write("secret/data/new", Map.of("data", Map.of("a", "2")), token));
    }

    @Test
    void write_updateOnlyPolicy_updatesExistingButCannotCreate() {
        t.putPolicy("updater", rule("secret/data/*", "update"));
        String token = t.token("updater");
        t.write("secret/data/existing", Map.of("data", Map.of("a", "1")), t.root());

        Response updated = t.write("secret/data/existing", Map.of("data", Map.of("a", "2")), token);

        assertThat(updated.data()).containsEntry("version", 2L);
        assertDenied(() -> t.write("secret/data/fresh", Map.of("data", Map.of("a", "1")), token));
    }

    @Test
    void write_pathWithoutExistenceCheck_needsUpdate() {
        t.putPolicy("creator", rule("auth/token/create", "create"));

        assertDenied(() -> t.write("auth/token/create", Map.of(), t.token("creator")));
    }
}

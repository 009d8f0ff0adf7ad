package io.coffer.core.request;

import static io.coffer.core.testing.TestCore.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.testing.TestCore;
import io.coffer.sdk.logical.Auth;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RequestPipelineTokenTest {
    private final TestCore t = new TestCore();

    private Map<String, Object> lookupAccessor(String accessor) {
        return t.write("auth/token/lookup-accessor", Map.of("accessor", accessor), t.root()).data();
    }

    private static void assertInvalidToken(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.isInvalidToken()).isTrue());
    }

    // --- num_uses -----------------------------------------------------------------------------------

    @Test
    void handle_limitedUseToken_revokedAfterLastUse() {
        t.enableKv2("secret");
        t.write("secret/data/app", Map.of("data", Map.of("k", "v")), t.root());
        t.putPolicy("reader", rule("secret/data/*", "read"));
        Auth auth = t.createToken(List.of("reader"), Map.of("num_uses", 2));
        assertThat(auth.numUses()).isEqualTo(2);

        t.read("secret/data/app", auth.clientToken());
        assertThat(lookupAccessor(auth.accessor())).containsEntry("num_uses", 1);
        Response last = t.read("secret/data/app", auth.clientToken());

        assertThat(last.data()).extracting("data").isEqualTo(Map.of("k", "v"));
        assertInvalidToken(() -> t.read("secret/data/app", auth.clientToken()));
        assertThatThrownBy(() -> lookupAccessor(auth.accessor()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid accessor");
    }

    @Test
    void handle_limitedUseTokenDenied_noUseSpent() {
        Auth auth = t.createToken(List.of("default"), Map.of("num_uses", "1"));

        assertThatThrownBy(() -> t.read("sys/mounts", auth.clientToken())).isInstanceOf(PermissionDeniedException.class);

        assertThat(lookupAccessor(auth.accessor())).containsEntry("num_uses", 1);
    }

    @Test
    void lookupSelf_onLastUse_answersThenTokenIsGone() {
        Auth auth = t.createToken(List.of("default"), Map.of("num_uses", 1));

        Response r = t.read("auth/token/lookup-self", auth.clientToken());

        assertThat(r.data()).containsEntry("accessor", auth.accessor()).containsEntry("id", auth.clientToken());
        assertInvalidToken(() -> t.read("auth/token/lookup-self", auth.clientToken()));
    }

    // --- child tokens ---------------------------------------------------------------------------------

    @Test
    void create_childPoliciesOutsideParent_refused() {
        t.putPolicy("a", rule("auth/token/create", "update"));
        t.putPolicy("b", rule("secret/*", "read"));
        String parent = t.token("a");

        assertThatThrownBy(() -> t.write("auth/token/create", Map.of("policies", List.of("a", "b")), parent))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("child policies must be subset of parent");
    }

    @Test
    void create_childPoliciesSubset_createdAsChildWithDefault() {
        t.putPolicy("a", rule("auth/token/create", "update"));
        Auth parentAuth = t.createToken(List.of("a"), Map.of());

        Auth child = t.write("auth/token/create", Map.of("policies", "a"), parentAuth.clientToken()).auth();
        Auth inherited = t.write("auth/token/create", Map.of(), parentAuth.clientToken()).auth();

        assertThat(child.policies()).containsExactly("a", "default");
        assertThat(child.orphan()).isFalse();
        assertThat(inherited.policies()).containsExactly("a", "default");
        t.write("auth/token/revoke-self", Map.of(), parentAuth.clientToken());
        assertInvalidToken(() -> t.read("auth/token/lookup-self", child.clientToken()));
    }

    @Test
    void create_rootParent_mayGrantAnyPolicy() {
        Auth auth = t.createToken(List.of("never-written", "other"), Map.of("no_default_policy", true));

        assertThat(auth.policies()).containsExactly("never-written", "other");
    }

    // --- orphans ---------------------------------------------------------------------------------------

    @Test
    void create_noParentWithoutSudo_refused() {
        t.putPolicy("a", rule("auth/token/create", "update"));

        assertThatThrownBy(() -> t.write("auth/token/create", Map.of("no_parent", true), t.token("a")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("root or sudo privileges required to create orphan token");
    }

    @Test
    void create_noParentWithSudo_orphanSurvivesParent() {
        t.putPolicy("a", rule("auth/token/create", "update", "sudo"));
        String parent = t.token("a");

        Auth orphan = t.write("auth/token/create", Map.of("no_parent", "true", "policies", List.of("a")), parent).auth();

        assertThat(orphan.orphan()).isTrue();
        t.write("auth/token/revoke-self", Map.of(), parent);
        assertThat(t.read("auth/token/lookup-self", orphan.clientToken()).data()).containsEntry("orphan", true);
    }

    @Test
    void createOrphan_pathGrantWithoutSudo_orphanCreated() {
        t.putPolicy("o", rule("auth/token/create-orphan", "update"));

        Auth orphan = t.write("auth/token/create-orphan", Map.of(), t.token("o")).auth();

        assertThat(orphan.orphan()).isTrue();
        assertThat(t.read("auth/token/lookup-self", orphan.clientToken()).data())
                .containsEntry("path", "auth/token/create-orphan");
    }

    @Test
    void create_customIdWithoutSudo_refused() {
        t.putPolicy("a", rule("auth/token/create", "update"));

        assertThatThrownBy(() -> t.write("auth/token/create", Map.of("id", "my-id"), t.token("a")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("root or sudo privileges required to specify token id");
    }

    // --- revoke-orphan ---------------------------------------------------------------------------------

    @Test
    void revokeOrphan_needsSudoAndKeepsChildren() {
        t.putPolicy("a", rule("auth/token/create", "update") + rule("auth/token/revoke-orphan", "update"));
        String parent = t.token("a");
        Auth child = t.write("auth/token/create", Map.of(), parent).auth();

        assertThatThrownBy(() -> t.write("auth/token/revoke-orphan", Map.of("token", parent), t.token("a")))
                .isInstanceOf(PermissionDeniedException.class);
        t.write("auth/token/revoke-orphan", Map.of("token", parent), t.root());

        assertInvalidToken(() -> t.read("auth/token/lookup-self", parent));
        assertThat(t.read("auth/token/lookup-self", child.clientToken()).data()).containsEntry("orphan", true);
    }

    // --- cubbyhole --------------------------------------------------------------------------------------

    @Test
    void cubbyhole_twoTokens_seeOnlyTheirOwnEntries() {
        String alice = t.token("default");
        String bob = t.token("default");
        t.write("cubbyhole/secret", Map.of("v", "alice"), alice);

        assertThat(t.read("cubbyhole/secret", alice).data()).isEqualTo(Map.of("v", "alice"));
        assertThatThrownBy(() -> t.read("cubbyhole/secret", bob)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.list("cubbyhole/", bob)).isInstanceOf(NotFoundException.class);
        assertThat(t.list("cubbyhole/", alice).data()).containsEntry("keys", List.of("secret"));

        t.write("cubbyhole/secret", Map.of("v", "bob"), bob);
        assertThat(t.read("cubbyhole/secret", alice).data()).isEqualTo(Map.of("v", "alice"));
    }

    @Test
    void cubbyhole_tokenRevoked_entriesDestroyed() {
        String id = t.createToken(List.of("default"), Map.of("id", "reusable-token-id")).clientToken();
        t.write("cubbyhole/a/b", Map.of("v", "1"), id);
        t.write("cubbyhole/c", Map.of("v", "2"), id);

        t.write("auth/token/revoke", Map.of("token", id), t.root());
        t.createToken(List.of("default"), Map.of("id", "reusable-token-id"));

        assertThatThrownBy(() -> t.read("cubbyhole/a/b", id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.read("cubbyhole/c", id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> t.list("cubbyhole/", id)).isInstanceOf(NotFoundException.class);
    }
}

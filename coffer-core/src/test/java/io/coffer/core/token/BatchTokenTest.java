package io.coffer.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.testing.TestCore;
import io.coffer.sdk.logical.Auth;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Batch tokens end to end through a real core: created, used, expired, refused where Vault refuses them. */
class BatchTokenTest {
    private final TestCore t = new TestCore();

    private Auth batch(Map<String, ?> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("type", "batch", "policies", List.of("reader")));
        body.putAll(extra);
        return t.write("auth/token/create", body, t.root()).auth();
    }

    @Test
    void created_isAnUnstoredBatchTokenThatWorksUnderItsPolicies() {
        t.enableKv2("secret");
        t.putPolicy("reader", TestCore.rule("secret/data/*", "read"));
        t.write("secret/data/app", Map.of("data", Map.of("password", "p1")), t.root());

        Auth auth = batch(Map.of("ttl", "1h"));

        assertThat(auth.clientToken()).startsWith("hvb.");
        assertThat(auth.accessor()).isEmpty();
        assertThat(auth.tokenType()).isEqualTo("batch");
        assertThat(auth.renewable()).isFalse();
        assertThat(auth.leaseDuration()).isEqualTo(3600);
        assertThat(t.read("secret/data/app", auth.clientToken()).data()).containsKey("data");
        assertThatThrownBy(() -> t.write("secret/data/app", Map.of("data", Map.of("k", "v")), auth.clientToken()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(t.list("auth/token/accessors", t.root()).data().get("keys")).asList().hasSize(1);

        Map<String, Object> self = t.read("auth/token/lookup-self", auth.clientToken()).data();
        assertThat(self).containsEntry("type", "batch").containsEntry("accessor", "").containsEntry("id", auth.clientToken())
                .containsEntry("orphan", false).containsEntry("renewable", false);
        assertThat(self.get("policies")).asList().containsExactly("default", "reader");
    }

    @Test
    void expired_isInvalid() {
        Auth auth = batch(Map.of("ttl", "10s"));
        t.clock().advanceSeconds(9);
        assertThat(t.read("auth/token/lookup-self", auth.clientToken()).data()).containsEntry("ttl", 1L);
        t.clock().advanceSeconds(1);
        assertThatThrownBy(() -> t.read("auth/token/lookup-self", auth.clientToken()))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void revokingTheParent_invalidatesIt_andItCannotOutliveTheParent() {
        t.putPolicy("minter", TestCore.rule("auth/token/create", "update"));
        Auth parent = t.write("auth/token/create", Map.of("ttl", "1m", "policies", List.of("minter")), t.root()).auth();
        Response r = t.write("auth/token/create", Map.of("type", "batch", "ttl", "1h"), parent.clientToken());
        Auth child = r.auth();
        assertThat(child.leaseDuration()).isEqualTo(60);
        assertThat(r.warnings()).anyMatch(w -> w.contains("parent token's remaining TTL"));
        assertThat(t.read("auth/token/lookup-self", child.clientToken()).data()).containsEntry("orphan", false);

        t.write("auth/token/revoke", Map.of("token", parent.clientToken()), t.root());

        assertThatThrownBy(() -> t.read("auth/token/lookup-self", child.clientToken()))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void cannotBeRevokedRenewedOrParentANonOrphan_norUseACubbyhole() {
        t.putPolicy("minter", TestCore.rule("auth/token/create", "update"));
        Auth b = t.write("auth/token/create", Map.of("type", "batch", "policies", List.of("minter")), t.root()).auth();

        assertThatThrownBy(() -> t.write("auth/token/revoke", Map.of("token", b.clientToken()), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("batch tokens cannot be revoked");
        assertThatThrownBy(() -> t.write("auth/token/renew-self", Map.of(), b.clientToken()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("batch tokens cannot be renewed");
        assertThatThrownBy(() -> t.write("auth/token/create", Map.of(), b.clientToken()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("batch tokens cannot create non-orphan tokens");
        assertThatThrownBy(() -> t.write("cubbyhole/x", Map.of("k", "v"), b.clientToken()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("only supported by \"service\" type tokens");
        assertThat(t.read("auth/token/lookup-self", b.clientToken()).data()).containsEntry("type", "batch");
    }

    @Test
    void vaultsLimits_areRefused() {
        assertThatThrownBy(() -> t.write("auth/token/create", Map.of("type", "batch"), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("batch tokens cannot be root tokens");
        assertThatThrownBy(() -> batch(Map.of("period", "1h")))
                .isInstanceOf(InvalidRequestException.class).hasMessage("batch tokens cannot be periodic");
        assertThatThrownBy(() -> batch(Map.of("num_uses", 3)))
                .isInstanceOf(InvalidRequestException.class).hasMessage("batch tokens cannot have a limited number of uses");
        assertThatThrownBy(() -> batch(Map.of("id", "my-own-id")))
                .isInstanceOf(InvalidRequestException.class).hasMessage("batch tokens cannot have a custom ID");
        assertThatThrownBy(() -> t.write("auth/token/create", Map.of("type", "other"), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("invalid 'token_type' value");
    }

    @Test
    void oversizedBatchToken_is400_andHvbIsNoCustomIdPrefix() {
        assertThatThrownBy(() -> batch(Map.of("meta", Map.of("blob", "x".repeat(7000)))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("batch token would be too large");
        assertThatThrownBy(() -> t.write("auth/token/create", Map.of("id", "hvb.mine"), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("custom token ID cannot have the 'hvb.' prefix");
    }

    @Test
    void defaultBatchRoleWithAPeriod_givesBatchTokensWithoutIt() {
        t.write("auth/token/roles/p", Map.of("token_type", "default-batch", "token_period", "1h",
                "allowed_policies", List.of("reader")), t.root());
        Auth b = t.write("auth/token/create/p", Map.of("type", "batch", "ttl", "10m"), t.root()).auth();
        assertThat(b.clientToken()).startsWith("hvb.");
        assertThat(b.leaseDuration()).isEqualTo(600);
        assertThat(t.write("auth/token/create/p", Map.of("type", "service"), t.root()).auth().leaseDuration()).isEqualTo(3600);
    }

    @Test
    void forgedOrAlteredTokens_areNoTokens() {
        String token = batch(Map.of()).clientToken();
        byte[] raw = Base64.getUrlDecoder().decode(token.substring(4));
        for (int i : new int[] {0, 1, 20, raw.length - 1}) {
            byte[] altered = raw.clone();
            altered[i] ^= 1;
            String forged = "hvb." + Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertThatThrownBy(() -> t.read("auth/token/lookup-self", forged)).isInstanceOf(PermissionDeniedException.class);
        }
        for (String junk : List.of("hvb.", "hvb.!!!", "hvb.AAAA", token.substring(0, token.length() - 4), "hvb." + "A".repeat(9000))) {
            assertThatThrownBy(() -> t.read("auth/token/lookup-self", junk)).isInstanceOf(PermissionDeniedException.class);
        }
        // another cluster's key opens nothing here
        TestCore other = new TestCore();
        assertThatThrownBy(() -> other.read("auth/token/lookup-self", token)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void survivesSealAndUnseal_becauseTheKeyIsStored() {
        String token = batch(Map.of()).clientToken();
        t.core().seal();
        t.core().unseal(t.share());
        assertThat(t.read("auth/token/lookup-self", token).data()).containsEntry("type", "batch");
    }

    @Test
    void tokenRoles_issueBatchTokens_andRefuseContradictions() {
        assertThatThrownBy(() -> t.write("auth/token/roles/b", Map.of("token_type", "batch"), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("non-orphan");
        assertThatThrownBy(() -> t.write("auth/token/roles/b", Map.of("token_type", "batch", "orphan", true), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("renewable");
        t.write("auth/token/roles/b", Map.of("token_type", "batch", "orphan", true, "renewable", false,
                "allowed_policies", List.of("reader")), t.root());
        t.write("auth/token/roles/d", Map.of("token_type", "default-batch", "allowed_policies", List.of("reader")), t.root());

        assertThat(t.write("auth/token/create/b", Map.of("type", "service"), t.root()).auth().tokenType()).isEqualTo("batch");
        assertThat(t.read("auth/token/roles/b", t.root()).data()).containsEntry("token_type", "batch");
        assertThat(t.write("auth/token/create/d", Map.of("type", "batch"), t.root()).auth().clientToken()).startsWith("hvb.");
        assertThat(t.write("auth/token/create/d", Map.of("type", "service"), t.root()).auth().clientToken()).startsWith("hvs.");
    }

    @Test
    void approleAndUserpassLogins_issueBatchTokens_byRoleOrByMountTuning() {
        t.write("sys/auth/approle", Map.of("type", "approle"), t.root());
        t.write("auth/approle/role/batch", Map.of("token_type", "batch", "token_policies", "reader", "token_ttl", "5m"), t.root());
        String roleId = (String) t.read("auth/approle/role/batch/role-id", t.root()).data().get("role_id");
        String secretId = (String) t.write("auth/approle/role/batch/secret-id", Map.of(), t.root()).data().get("secret_id");
        Auth login = t.write("auth/approle/login", Map.of("role_id", roleId, "secret_id", secretId), "").auth();
        assertThat(login.clientToken()).startsWith("hvb.");
        assertThat(login.leaseDuration()).isEqualTo(300);
        assertThat(login.entityId()).isNotEmpty();
        assertThat(t.read("auth/token/lookup-self", login.clientToken()).data())
                .containsEntry("path", "auth/approle/login").containsEntry("entity_id", login.entityId());

        t.write("sys/auth/userpass", Map.of("type", "userpass"), t.root());
        t.write("auth/userpass/users/ann", Map.of("password", "pw-ann-1"), t.root());
        assertThat(t.write("auth/userpass/login/ann", Map.of("password", "pw-ann-1"), "").auth().tokenType()).isEqualTo("service");
        t.write("sys/auth/userpass/tune", Map.of("token_type", "batch"), t.root());
        assertThat(t.write("auth/userpass/login/ann", Map.of("password", "pw-ann-1"), "").auth().tokenType()).isEqualTo("batch");
        assertThat(t.read("sys/auth/userpass/tune", t.root()).data()).containsEntry("token_type", "batch");

        assertThatThrownBy(() -> t.write("sys/auth/userpass/tune", Map.of("token_type", "bulk"), t.root()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> t.write("sys/auth/token/tune", Map.of("token_type", "default-batch"), t.root()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> t.write("sys/mounts/cubbyhole/tune", Map.of("token_type", "batch"), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("'token_type' can only be modified on auth mounts");
    }
}

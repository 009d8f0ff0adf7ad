package io.coffer.core.lease;

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

/** {@code sys/leases/*} over token leases, through a real core. */
class LeasePathsTest {
    private final TestCore t = new TestCore();

    /** The single lease key listed under {@code prefix} (which must hold exactly one). */
    private String onlyLeaseUnder(String prefix) {
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) t.list("sys/leases/lookup/" + prefix, t.root()).data().get("keys");
        assertThat(keys).hasSize(1);
        return prefix + keys.get(0);
    }

    private boolean valid(String token) {
        try {
            t.read("auth/token/lookup-self", token);
            return true;
        } catch (PermissionDeniedException e) {
            return false;
        }
    }

    private String userpassLogin(String user) {
        t.write("sys/auth/userpass", Map.of("type", "userpass"), t.root());
        t.write("auth/userpass/users/" + user, Map.of("password", "pw-" + user, "token_policies", "default"), t.root());
        return t.write("auth/userpass/login/" + user, Map.of("password", "pw-" + user), "").auth().clientToken();
    }

    // --- lease ids and listing -----------------------------------------------------------------

    @Test
    void list_tokenCreateLeases_hPlusSaltedIdPerToken() {
        t.token("default");
        t.token("default");

        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) t.list("sys/leases/lookup/auth/token/create/", t.root()).data().get("keys");

        assertThat(keys).hasSize(2).allMatch(k -> k.matches("h[0-9a-f]{64}"));
    }

    @Test
    void list_levels_likeAStorageListing() {
        t.token("default");
        t.write("auth/token/create-orphan", Map.of(), t.root());

        assertThat(t.list("sys/leases/lookup/", t.root()).data()).containsEntry("keys", List.of("auth/"));
        assertThat(t.list("sys/leases/lookup/auth/", t.root()).data()).containsEntry("keys", List.of("token/"));
        assertThat(t.list("sys/leases/lookup/auth/token", t.root()).data())
                .containsEntry("keys", List.of("create-orphan/", "create/"));
    }

    @Test
    void list_initialRootToken_hasNoLease() {
        assertThatThrownBy(() -> t.list("sys/leases/lookup/", t.root())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void list_withoutSudo_403() {
        t.putPolicy("lister", rule("sys/leases/lookup/*", "list"));

        assertThatThrownBy(() -> t.list("sys/leases/lookup/auth/", t.token("lister")))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void list_withSudo_allowed() {
        t.token("default");
        t.putPolicy("lister", rule("sys/leases/lookup/*", "list", "sudo"));

        assertThat(t.list("sys/leases/lookup/auth/", t.token("lister")).data()).containsEntry("keys", List.of("token/"));
    }

    // --- lookup --------------------------------------------------------------------------------

    @Test
    void lookup_tokenLease_timesOfTheToken() {
        t.createToken(List.of("default"), Map.of("ttl", "1h"));
        String leaseId = onlyLeaseUnder("auth/token/create/");
        t.clock().advanceSeconds(600);

        Map<String, Object> d = t.write("sys/leases/lookup", Map.of("lease_id", leaseId), t.root()).data();

        assertThat(d)
                .containsEntry("id", leaseId)
                .containsEntry("issue_time", "2024-01-01T00:00:00.000000000Z")
                .containsEntry("expire_time", "2024-01-01T01:00:00.000000000Z")
                .containsEntry("last_renewal", null)
                .containsEntry("renewable", true)
                .containsEntry("ttl", 3000L);
    }

    @Test
    void lookup_anyTokenWithDefaultPolicy_allowed() {
        t.createToken(List.of("default"), Map.of("ttl", "1h"));
        String leaseId = onlyLeaseUnder("auth/token/create/");

        assertThat(t.write("sys/leases/lookup", Map.of("lease_id", leaseId), t.token("default")).data())
                .containsEntry("id", leaseId);
    }

    @Test
    void lookup_afterRenewal_lastRenewalShown() {
        Auth auth = t.createToken(List.of("default"), Map.of("ttl", "1h"));
        String leaseId = onlyLeaseUnder("auth/token/create/");
        t.clock().advanceSeconds(60);
        t.write("auth/token/renew-self", Map.of(), auth.clientToken());

        assertThat(t.write("sys/leases/lookup", Map.of("lease_id", leaseId), t.root()).data())
                .containsEntry("last_renewal", "2024-01-01T00:01:00.000000000Z")
                .containsEntry("ttl", 3600L);
    }

    @Test
    void lookup_missingLeaseId_400() {
        assertThatThrownBy(() -> t.write("sys/leases/lookup", Map.of(), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("lease_id must be specified");
    }

    @Test
    void lookup_unknownOrMalformed_400InvalidLease() {
        t.token("default");
        String real = onlyLeaseUnder("auth/token/create/");
        for (String bad : List.of("nope", "auth/token/create/habc", "auth/token/create-orphan/" + real.substring(18),
                real + "/x", "h" + real.substring(19), "auth/token/create/")) {
            assertThatThrownBy(() -> t.write("sys/leases/lookup", Map.of("lease_id", bad), t.root()))
                    .as(bad)
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("invalid lease");
        }
    }

    @Test
    void lookup_expiredToken_invalidLease() {
        t.createToken(List.of("default"), Map.of("ttl", "1m"));
        String leaseId = onlyLeaseUnder("auth/token/create/");
        t.clock().advanceSeconds(61);

        assertThatThrownBy(() -> t.write("sys/leases/lookup", Map.of("lease_id", leaseId), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid lease");
    }

    // --- renew ---------------------------------------------------------------------------------

    @Test
    void renew_tokenLease_400TokensRenewedElsewhere() {
        t.createToken(List.of("default"), Map.of("ttl", "1h"));
        String leaseId = onlyLeaseUnder("auth/token/create/");

        assertThatThrownBy(() -> t.write("sys/leases/renew", Map.of("lease_id", leaseId, "increment", 60), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("tokens cannot be renewed through this endpoint");
        assertThatThrownBy(() -> t.write("sys/leases/renew/" + leaseId, Map.of(), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("tokens cannot be renewed through this endpoint");
    }

    @Test
    void renew_badInputs_400InVaultWording() {
        t.createToken(List.of("default"), Map.of("ttl", "1h", "renewable", false));
        String fixed = onlyLeaseUnder("auth/token/create/");

        assertThatThrownBy(() -> t.write("sys/leases/renew", Map.of(), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("lease_id must be specified");
        assertThatThrownBy(() -> t.write("sys/leases/renew", Map.of("lease_id", "auth/token/create/hzz"), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("lease not found");
        assertThatThrownBy(() -> t.write("sys/leases/renew", Map.of("lease_id", fixed), t.root()))
                .isInstanceOf(InvalidRequestException.class).hasMessage("lease is not renewable");
        assertThatThrownBy(() -> t.write("sys/leases/renew", Map.of("lease_id", fixed, "increment", "soon"), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("error converting input for field \"increment\": expected a duration");
    }

    // --- revoke --------------------------------------------------------------------------------

    @Test
    void revoke_tokenLease_revokesTokenAndChildren() {
        t.putPolicy("parent", rule("auth/token/create", "update"));
        Issued issued = issue("auth/token/create/", () -> t.token("parent"));
        String parent = issued.token();
        String child = t.write("auth/token/create", Map.of(), parent).auth().clientToken();
        String other = t.write("auth/token/create-orphan", Map.of(), t.root()).auth().clientToken();
        String parentLease = issued.leaseId();

        Response r = t.write("sys/leases/revoke", Map.of("lease_id", parentLease), t.root());

        assertThat(r.isEmpty()).isTrue();
        assertThat(valid(parent)).isFalse();
        assertThat(valid(child)).isFalse();
        assertThat(valid(other)).isTrue();
    }

    @Test
    void revoke_leaseIdInPathAndAsync_202() {
        Issued issued = issue("auth/token/create/", () -> t.token("default"));
        String token = issued.token();

        Response r = t.write("sys/leases/revoke/" + issued.leaseId(), Map.of("sync", false), t.root());

        assertThat(r.status()).isEqualTo(202);
        assertThat(valid(token)).isFalse();
    }

    @Test
    void revoke_unknownLease_204() {
        assertThat(t.write("sys/leases/revoke", Map.of("lease_id", "auth/token/create/h00"), t.root()).isEmpty()).isTrue();
    }

    @Test
    void revoke_missingLeaseId_400() {
        assertThatThrownBy(() -> t.write("sys/leases/revoke", Map.of(), t.root()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("lease_id must be specified");
    }

    @Test
    void revoke_defaultPolicyOnly_403() {
        Issued issued = issue("auth/token/create/", () -> t.token("default"));

        assertThatThrownBy(() -> t.write("sys/leases/revoke", Map.of("lease_id", issued.leaseId()), issued.token()))
                .isInstanceOf(PermissionDeniedException.class);
    }

    // --- revoke-prefix -------------------------------------------------------------------------

    @Test
    void revokePrefix_authMount_revokesEveryLoginTokenOfThatMountOnly() {
        String alice = userpassLogin("alice");
        String aliceAgain = t.write("auth/userpass/login/alice", Map.of("password", "pw-alice"), "").auth().clientToken();
        String viaToken = t.token("default");

        Response r = t.write("sys/leases/revoke-prefix/auth/userpass/", Map.of(), t.root());

        assertThat(r.isEmpty()).isTrue();
        assertThat(valid(alice)).isFalse();
        assertThat(valid(aliceAgain)).isFalse();
        assertThat(valid(viaToken)).isTrue();
    }

    @Test
    void revokePrefix_withoutTrailingSlash_pathPrefixNotStringPrefix() {
        String login = userpassLogin("carol");

        t.write("sys/leases/revoke-prefix/auth/user", Map.of(), t.root());
        assertThat(valid(login)).isTrue();

        t.write("sys/leases/revoke-prefix/auth/userpass", Map.of(), t.root());
        assertThat(valid(login)).isFalse();
    }

    @Test
    void revokePrefix_exactLeaseId_revokesThatTokenOnly() {
        Issued issued = issue("auth/token/create/", () -> t.token("default"));
        String one = issued.token();
        String two = t.token("default");

        t.write("sys/leases/revoke-prefix/" + issued.leaseId(), Map.of(), t.root());

        assertThat(valid(one)).isFalse();
        assertThat(valid(two)).isTrue();
    }

    @Test
    void revokePrefix_role_revokesTokensOfThatRole() {
        t.write("auth/token/roles/ci", Map.of(), t.root());
        String ci = t.write("auth/token/create/ci", Map.of(), t.root()).auth().clientToken();
        String plain = t.token("default");

        t.write("sys/leases/revoke-prefix/auth/token/create/ci", Map.of(), t.root());

        assertThat(valid(ci)).isFalse();
        assertThat(valid(plain)).isTrue();
    }

    @Test
    void revokePrefix_withoutSudo_403() {
        String victim = t.token("default");
        t.putPolicy("revoker", rule("sys/leases/revoke-prefix/*", "update"));

        assertThatThrownBy(() -> t.write("sys/leases/revoke-prefix/auth/", Map.of(), t.token("revoker")))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(valid(victim)).isTrue();
    }

    @Test
    void revokeForce_revokesLikePrefix() {
        String token = t.token("default");

        t.write("sys/leases/revoke-force/auth/token/", Map.of(), t.root());

        assertThat(valid(token)).isFalse();
        assertThat(valid(t.root())).isTrue();
    }

    /** A token and its lease id. */
    private record Issued(String token, String leaseId) {
    }

    /** Runs {@code create} and finds the one lease it added under {@code dir}. */
    private Issued issue(String dir, java.util.function.Supplier<String> create) {
        List<String> before = keys(dir);
        String token = create.get();
        List<String> added = new java.util.ArrayList<>(keys(dir));
        added.removeAll(before);
        assertThat(added).hasSize(1);
        return new Issued(token, dir + added.get(0));
    }

    @SuppressWarnings("unchecked")
    private List<String> keys(String dir) {
        try {
            return (List<String>) t.list("sys/leases/lookup/" + dir, t.root()).data().get("keys");
        } catch (NotFoundException e) {
            return List.of();
        }
    }
}

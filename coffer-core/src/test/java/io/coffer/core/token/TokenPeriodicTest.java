package io.coffer.core.token;

import static io.coffer.core.testing.TestCore.rule;
import static io.coffer.core.token.TokenFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.core.testing.TestCore;
import io.coffer.sdk.logical.Auth;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Periodic tokens: created with {@code period} (root or sudo) or through a role's
 * {@code token_period}; every renewal resets the TTL to the period, whatever the increment, with
 * no max TTL, unless an explicit max TTL caps the token.
 */
class TokenPeriodicTest {
    private final TokenFixture f = new TokenFixture();

    @Test
    void renew_periodic_incrementIgnoredTtlResetToPeriod() {
        TokenEntry e = f.create(spec().period(600));
        f.clock.advanceSeconds(550);

        TokenEntry renewed = f.store.renew(e, 30).entry();

        assertThat(renewed.expireTime()).isEqualTo(f.clock.epochSecond() + 600);
        assertThat(renewed.lastRenewalTime()).isEqualTo(f.clock.epochSecond());
    }

    @Test
    void renew_periodic_livesFarPastMountMaxWhileRenewed() {
        f.maxTtl.set(3600);
        TokenEntry e = f.create(spec().period(600));
        for (int i = 0; i < 100; i++) {
            f.clock.advanceSeconds(590);
            e = f.store.renew(e, 0).entry();
        }

        assertThat(f.clock.epochSecond() - e.creationTime()).isEqualTo(59_000);
        assertThat(f.store.lookup(e.id())).isNotNull();
    }

    @Test
    void renew_periodicNotRenewedInTime_expires() {
        TokenEntry e = f.create(spec().period(600));
        f.clock.advanceSeconds(600);

        assertThat(f.store.lookup(e.id())).isNull();
    }

    @Test
    void renew_periodicWithExplicitMax_cappedThenRefused() {
        TokenEntry e = f.create(spec().period(600).explicitMaxTtl(1000));
        f.clock.advanceSeconds(500);

        TokenStore.Created capped = f.store.renew(e, 0);

        assertThat(capped.entry().expireTime()).isEqualTo(e.creationTime() + 1000);
        assertThat(capped.warnings()).hasSize(1);
        f.clock.advanceSeconds(499);
        TokenEntry last = f.store.renew(capped.entry(), 0).entry();
        assertThat(last.expireTime()).isEqualTo(e.creationTime() + 1000);
        f.clock.advanceSeconds(1);
        assertThat(f.store.lookup(e.id())).isNull();
    }

    // --- through a real core -------------------------------------------------------------------

    @Test
    void create_rootWithPeriod_ttlIsPeriodAndRenewSelfResets() {
        TestCore t = new TestCore();
        Auth auth = t.write("auth/token/create", Map.of("period", "10m", "ttl", "5h"), t.root()).auth();
        assertThat(auth.leaseDuration()).isEqualTo(600);

        t.clock().advanceSeconds(500);
        Response renewed = t.write("auth/token/renew-self", Map.of("increment", "1h"), auth.clientToken());

        assertThat(renewed.auth().leaseDuration()).isEqualTo(600);
        assertThat(t.read("auth/token/lookup-self", auth.clientToken()).data())
                .containsEntry("period", 600L)
                .containsEntry("ttl", 600L);
    }

    @Test
    void create_throughRolePeriod_renewedPastMountMax() {
        TestCore t = new TestCore();
        t.write("sys/auth/token/tune", Map.of("default_lease_ttl", "1h", "max_lease_ttl", "1h"), t.root());
        t.write("auth/token/roles/periodic", Map.of("token_period", "30m"), t.root());
        t.putPolicy("svc", rule("auth/token/create/periodic", "update"));
        Auth auth = t.write("auth/token/create/periodic", Map.of(), t.token("svc")).auth();

        for (int i = 0; i < 5; i++) {
            t.clock().advanceSeconds(1500);
            assertThat(t.write("auth/token/renew-self", Map.of(), auth.clientToken()).auth().leaseDuration())
                    .isEqualTo(1800);
        }

        assertThat(t.read("auth/token/lookup-self", auth.clientToken()).data()).containsEntry("role", "periodic");
        t.clock().advanceSeconds(1800);
        assertThatThrownBy(() -> t.read("auth/token/lookup-self", auth.clientToken()))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void create_periodBySudoNonRoot_allowed() {
        TestCore t = new TestCore();
        t.putPolicy("sudoer", rule("auth/token/create", "update", "sudo"));

        Auth auth = t.write("auth/token/create", Map.of("period", "1h", "policies", "sudoer"), t.token("sudoer")).auth();

        assertThat(auth.leaseDuration()).isEqualTo(3600);
    }

    @Test
    void create_periodWithoutSudo_400() {
        TestCore t = new TestCore();
        t.putPolicy("plain", rule("auth/token/create", "update"));

        assertThatThrownBy(() -> t.write("auth/token/create", Map.of("period", "1h"), t.token("plain")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("root or sudo privileges required to create periodic token");
    }
}

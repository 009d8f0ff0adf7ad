package io.coffer.core.token;

import static io.coffer.core.token.TokenFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExpirationManagerTest {
    private final TokenFixture f = new TokenFixture();
    private final ExpirationManager manager = new ExpirationManager(f.store);

    @AfterEach
    void stop() {
        manager.close();
    }

    @Test
    void start_storedTokenAlreadyExpired_revokedWithoutLookup() {
        TokenEntry expired = f.create(spec().ttl(60));
        TokenEntry live = f.create(spec().ttl(3600));
        f.clock.advanceSeconds(61);

        manager.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> f.store.stored(expired.id()) == null);
        assertThat(f.revoked).containsExactly(expired);
        assertThat(f.store.stored(live.id())).isEqualTo(live);
    }

    @Test
    void schedule_tokenCreatedAfterStart_revokedAfterItsRealTtl() {
        manager.start();
        TokenEntry parent = f.create(spec().ttl(1));
        TokenEntry child = f.create(spec().parent(parent).ttl(3600));
        f.clock.advanceSeconds(2);

        await().atMost(Duration.ofSeconds(5)).until(() -> f.store.stored(parent.id()) == null);
        assertThat(f.store.stored(child.id())).isNull();
        assertThat(f.revoked).containsExactly(child, parent);
    }

    @Test
    void schedule_timerFiresBeforeClockReachesExpiry_tokenKept() {
        manager.start();
        TokenEntry e = f.create(spec().ttl(1));

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> f.store.stored(e.id()) != null);
        assertThat(f.revoked).isEmpty();
    }

    @Test
    void schedule_renewedBeforeExpiry_oldTimerLeavesTokenAlone() {
        manager.start();
        TokenEntry e = f.create(spec().ttl(1));
        f.store.renew(e, 3600);
        f.clock.advanceSeconds(2);

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> f.store.stored(e.id()) != null);
        assertThat(f.store.lookup(e.id())).isNotNull();
    }

    @Test
    void schedule_tokenWithoutExpiry_neverScheduled() {
        manager.start();
        TokenEntry root = f.create(spec().policies("root"));
        f.clock.advanceSeconds(100L * 86400);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> f.store.stored(root.id()) != null);
        assertThat(f.revoked).isEmpty();
    }

    @Test
    void schedule_renewedManyTimes_oneTimerPerToken() {
        manager.start();
        TokenEntry e = f.create(spec().ttl(3600));
        for (int i = 0; i < 50; i++) {
            e = f.store.renew(e, 3600).entry();
        }

        assertThat(manager.pendingCount()).isEqualTo(1);
    }

    @Test
    void revoke_beforeExpiry_timerCancelled() {
        manager.start();
        TokenEntry parent = f.create(spec().ttl(3600));
        f.create(spec().parent(parent).ttl(3600));
        assertThat(manager.pendingCount()).isEqualTo(2);

        f.store.revokeTree(parent);

        assertThat(manager.pendingCount()).isZero();
    }

    @Test
    void expire_timerFiredEarly_rescheduledAndRevokedOnceDue() {
        manager.start();
        TokenEntry e = f.create(spec().ttl(1));

        await().pollDelay(Duration.ofMillis(1300)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(f.store.stored(e.id())).isNotNull();
        f.clock.advanceSeconds(1);

        await().atMost(Duration.ofSeconds(3)).until(() -> f.store.stored(e.id()) == null);
        assertThat(manager.pendingCount()).isZero();
    }

    @Test
    void start_afterClose_schedulesNothing() {
        manager.close();
        f.create(spec().ttl(1));

        manager.start();

        assertThat(manager.pendingCount()).isZero();
    }
}

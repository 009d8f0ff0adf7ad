package io.coffer.builtin.auth.userpass;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class UserpassFailedLoginsTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final LockoutPolicy POLICY = new LockoutPolicy(3, Duration.ofMinutes(10), Duration.ofMinutes(5), false);

    @Test
    void after_firstFailure_countsOne() {
        assertThat(FailedLogins.after(null, POLICY, T0)).isEqualTo(new FailedLogins(1, T0));
    }

    @Test
    void lockedAt_reachingTheThreshold_locksUntilDurationAfterTheLastFailure() {
        FailedLogins f = new FailedLogins(3, T0);

        assertThat(f.lockedAt(POLICY, T0)).isTrue();
        assertThat(f.lockedAt(POLICY, T0.plus(Duration.ofMinutes(10)).minusNanos(1))).isTrue();
        assertThat(f.lockedAt(POLICY, T0.plus(Duration.ofMinutes(10)))).isFalse();
        assertThat(f.lockedUntil(POLICY)).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void lockedAt_belowTheThreshold_isNeverLocked() {
        assertThat(new FailedLogins(2, T0).lockedAt(POLICY, T0)).isFalse();
    }

    @Test
    void after_countPastItsReset_restartsAtOne() {
        FailedLogins f = new FailedLogins(2, T0);

        assertThat(FailedLogins.after(f, POLICY, T0.plus(Duration.ofMinutes(5)).minusNanos(1)).count()).isEqualTo(3);
        assertThat(FailedLogins.after(f, POLICY, T0.plus(Duration.ofMinutes(5))).count()).isEqualTo(1);
    }

    @Test
    void after_endedLockout_restartsAtOne() {
        assertThat(FailedLogins.after(new FailedLogins(3, T0), POLICY, T0.plus(Duration.ofMinutes(10))).count()).isEqualTo(1);
    }

    @Property
    void failuresInQuickSuccession_lockExactlyAtTheThreshold(@ForAll @IntRange(min = 1, max = 50) int threshold,
                                                             @ForAll @LongRange(min = 0, max = 299) long gapSeconds) {
        LockoutPolicy policy = new LockoutPolicy(threshold, Duration.ofMinutes(10), Duration.ofMinutes(5), false);
        FailedLogins f = null;
        Instant now = T0;
        for (int i = 1; i <= threshold; i++) {
            assertThat(f != null && f.lockedAt(policy, now)).as("locked before failure %d", i).isFalse();
            f = FailedLogins.after(f, policy, now);
            assertThat(f.count()).isEqualTo(i);
            now = now.plusSeconds(gapSeconds);
        }
        assertThat(f.lockedAt(policy, f.lastFailure())).isTrue();
    }
}

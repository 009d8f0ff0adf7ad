package io.coffer.builtin.auth.userpass;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.LogicalException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserpassLockoutTest {
    private final UserpassFixture up = new UserpassFixture();

    UserpassLockoutTest() {
        up.createUser("alice", "right", "");
    }

    @Test
    void login_fifthFailure_locksTheUserOutEvenWithTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertThat(up.loginFailure("alice", "wrong" + i)).isInstanceOf(InvalidRequestException.class);
        }

        LogicalException e = up.loginFailure("alice", "right");

        assertThat(e).isInstanceOf(PermissionDeniedException.class);
        assertThat(e.errors()).containsExactly("permission denied");
    }

    @Test
    void login_fourFailures_stillAllowTheRightPassword() {
        for (int i = 0; i < 4; i++) {
            up.loginFailure("alice", "wrong");
        }

        assertThat(up.login("alice", "right").login()).isNotNull();
    }

    @Test
    void login_caseAndWhitespaceVariants_countAgainstTheSameUser() {
        for (String variant : List.of("Alice", " alice", "ALICE", "alice\t", " aLiCe ")) {
            up.loginFailure(variant, "wrong");
        }

        assertThat(up.loginFailure("alice", "right")).isInstanceOf(PermissionDeniedException.class);
        assertThat(up.loginFailure("ALICE", "right")).isInstanceOf(PermissionDeniedException.class);
        assertThat(up.loginFailure(" Alice ", "right")).isInstanceOf(PermissionDeniedException.class);
        assertThat(up.storage().keys()).containsExactly("lockout/alice", "user/alice");
    }

    @Test
    void login_lockedUser_isRefusedWithoutAPasswordCheck() {
        lockOut("alice");
        up.hasher().reset();

        up.loginFailure("alice", "right");
        up.loginFailure("alice", "wrong");

        assertThat(up.hasher().verifications()).isZero();
    }

    @Test
    void login_lockedUser_failuresWhileLockedDoNotExtendTheLockout() {
        lockOut("alice");
        String record = up.storage().text("lockout/alice");
        up.clock().advance(Duration.ofMinutes(10));

        up.loginFailure("alice", "wrong");

        assertThat(up.storage().text("lockout/alice")).isEqualTo(record);
        up.clock().advance(Duration.ofMinutes(5));
        assertThat(up.login("alice", "right").login()).isNotNull();
    }

    @Test
    void login_lockoutExpires_afterTheLockoutDuration() {
        lockOut("alice");

        up.clock().advance(Duration.ofMinutes(15).minusNanos(1));
        assertThat(up.loginFailure("alice", "right")).isInstanceOf(PermissionDeniedException.class);

        up.clock().advance(Duration.ofNanos(1));
        assertThat(up.login("alice", "right").login()).isNotNull();
        assertThat(up.storage().keys()).containsExactly("user/alice");
    }

    @Test
    void login_afterAnExpiredLockout_countsFromZeroAgain() {
        lockOut("alice");
        up.clock().advance(Duration.ofMinutes(16));

        up.loginFailure("alice", "wrong");

        assertThat(up.storage().text("lockout/alice")).contains("\"failed_attempts\":1");
        assertThat(up.login("alice", "right").login()).isNotNull();
    }

    @Test
    void login_success_resetsTheCount() {
        for (int i = 0; i < 4; i++) {
            up.loginFailure("alice", "wrong");
        }

        up.login("alice", "right");
        assertThat(up.storage().keys()).containsExactly("user/alice");
        for (int i = 0; i < 4; i++) {
            up.loginFailure("alice", "wrong");
        }

        assertThat(up.login("Alice", "right").login()).isNotNull();
    }

    @Test
    void login_quietPeriodLongerThanCounterReset_restartsTheCount() {
        for (int i = 0; i < 4; i++) {
            up.loginFailure("alice", "wrong");
        }
        up.clock().advance(Duration.ofMinutes(15));

        up.loginFailure("alice", "wrong");

        assertThat(up.storage().text("lockout/alice")).contains("\"failed_attempts\":1");
        assertThat(up.login("alice", "right").login()).isNotNull();
    }

    @Test
    void login_failuresWithinCounterReset_keepCounting() {
        for (int i = 0; i < 5; i++) {
            up.loginFailure("alice", "wrong");
            up.clock().advance(Duration.ofMinutes(14));
        }

        assertThat(up.loginFailure("alice", "right")).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void login_unknownUsers_areNeverRecordedOrLockedOut() {
        for (int i = 0; i < 10; i++) {
            assertThat(up.loginFailure("ghost", "wrong").errors()).containsExactly("invalid username or password");
        }

        assertThat(up.storage().keys()).containsExactly("lockout-decoy", "user/alice");
        assertThat(up.backend().lockedUsers(up.storage())).isEmpty();
    }

    @Test
    void login_oneUsersLockout_leavesOthersAlone() {
        up.createUser("bob", "pw", "");
        lockOut("alice");

        assertThat(up.login("bob", "pw").login()).isNotNull();
    }

    @Test
    void lockedUsers_listsLockedUsersWithTheEndOfTheirLockout() {
        up.createUser("bob", "pw", "");
        up.createUser("carol", "pw", "");
        lockOut("alice");
        up.clock().advance(Duration.ofMinutes(1));
        lockOut("bob");
        up.loginFailure("carol", "wrong");

        Map<String, Instant> locked = up.backend().lockedUsers(up.storage());

        assertThat(locked).containsOnly(
                Map.entry("alice", BackendHarness.START.plus(Duration.ofMinutes(15))),
                Map.entry("bob", BackendHarness.START.plus(Duration.ofMinutes(16))));
        up.clock().advance(Duration.ofMinutes(14));
        assertThat(up.backend().lockedUsers(up.storage())).containsOnlyKeys("bob");
    }

    @Test
    void unlock_liftsTheLockoutWhateverTheCaseOfTheAlias() {
        lockOut("alice");

        up.backend().unlock(up.storage(), " ALICE");

        assertThat(up.backend().lockedUsers(up.storage())).isEmpty();
        assertThat(up.login("alice", "right").login()).isNotNull();
    }

    @Test
    void unlock_unknownOrInvalidAlias_isANoOp() {
        up.backend().unlock(up.storage(), "nobody");
        up.backend().unlock(up.storage(), "../etc");

        assertThat(up.storage().keys()).containsExactly("user/alice");
    }

    @Test
    void deleteUser_removesItsFailedLogins() {
        lockOut("alice");

        up.delete("users/alice");
        up.createUser("alice", "right", "");

        assertThat(up.login("alice", "right").login()).isNotNull();
    }

    @Test
    void passwordChange_doesNotLiftALockout() {
        lockOut("alice");

        up.write("users/alice/password", "{'password':'fresh'}");

        assertThat(up.loginFailure("alice", "fresh")).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void disabledLockout_neverLocksAndWritesNothing() {
        UserpassFixture relaxed = new UserpassFixture(new UserpassSettings(4,
                new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15), true)));
        relaxed.createUser("alice", "right", "");

        for (int i = 0; i < 20; i++) {
            relaxed.loginFailure("alice", "wrong");
            relaxed.loginFailure("ghost", "wrong");
        }

        assertThat(relaxed.login("alice", "right").login()).isNotNull();
        assertThat(relaxed.storage().keys()).containsExactly("user/alice");
        assertThat(relaxed.backend().lockedUsers(relaxed.storage())).isEmpty();
    }

    @Test
    void customPolicy_shortDurationsAndThresholdApply() {
        UserpassFixture strict = new UserpassFixture(new UserpassSettings(4,
                new LockoutPolicy(2, Duration.ofSeconds(30), Duration.ofSeconds(10), false)));
        strict.createUser("alice", "right", "");

        strict.loginFailure("alice", "wrong");
        strict.clock().advance(Duration.ofSeconds(10));
        strict.loginFailure("alice", "wrong");
        assertThat(strict.login("alice", "right").login()).as("count restarted after 10s").isNotNull();

        strict.loginFailure("alice", "wrong");
        strict.loginFailure("alice", "wrong");
        assertThat(strict.loginFailure("alice", "right")).isInstanceOf(PermissionDeniedException.class);
        strict.clock().advance(Duration.ofSeconds(30));
        assertThat(strict.login("alice", "right").login()).isNotNull();
    }

    @Test
    void failedLoginRecord_isVersionedJsonWithoutSecrets() {
        up.loginFailure("alice", "wrong-guess");

        assertThat(up.storage().text("lockout/alice")).isEqualTo(
                "{\"format_version\":1,\"failed_attempts\":1,\"last_failed_time\":\"2024-05-01T10:00:00.123456789Z\"}");
    }

    private void lockOut(String name) {
        for (int i = 0; i < 5; i++) {
            up.loginFailure(name, "wrong");
        }
    }
}

package io.coffer.core.ha;

import io.coffer.crypto.SecretBytes;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JoinChallengesTest {
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-28T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final JoinChallenges challenges = new JoinChallenges(random, clock);
    private final SecretBytes rootKey = SecretBytes.random(random, 32);

    @Test
    void verify_answerOpenedWithTheRootKey_isAcceptedOnce() {
        byte[] challenge = challenges.issue("node2", rootKey);
        byte[] answer = JoinChallenges.open(rootKey, "node2", challenge);

        assertThat(challenges.verify("node2", answer)).isTrue();
        assertThat(challenges.verify("node2", answer)).as("single use").isFalse();
    }

    @Test
    void open_withAnotherRootKey_isRefused() {
        byte[] challenge = challenges.issue("node2", rootKey);

        assertThatThrownBy(() -> JoinChallenges.open(SecretBytes.random(random, 32), "node2", challenge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(java.util.HexFormat.of().formatHex(challenge));
    }

    @Test
    void open_forAnotherNodeId_isRefused() {
        byte[] challenge = challenges.issue("node2", rootKey);

        assertThatThrownBy(() -> JoinChallenges.open(rootKey, "node3", challenge)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verify_wrongAnswer_isRefusedAndTheChallengeStaysPending() {
        byte[] challenge = challenges.issue("node2", rootKey);

        assertThat(challenges.verify("node2", new byte[32])).isFalse();
        assertThat(challenges.verify("node2", JoinChallenges.open(rootKey, "node2", challenge))).isTrue();
    }

    @Test
    void verify_afterThirtyMinutes_isRefused() {
        byte[] answer = JoinChallenges.open(rootKey, "node2", challenges.issue("node2", rootKey));
        now.set(now.get().plus(Duration.ofMinutes(31)));

        assertThat(challenges.isPending("node2")).isFalse();
        assertThat(challenges.verify("node2", answer)).isFalse();
    }

    @Test
    void issue_again_replacesTheEarlierChallenge() {
        byte[] first = JoinChallenges.open(rootKey, "node2", challenges.issue("node2", rootKey));
        byte[] second = JoinChallenges.open(rootKey, "node2", challenges.issue("node2", rootKey));

        assertThat(challenges.verify("node2", first)).isFalse();
        assertThat(challenges.verify("node2", second)).isTrue();
    }

    @Test
    void issue_beyondTheLimit_dropsTheOldest() {
        byte[] oldest = JoinChallenges.open(rootKey, "n0", challenges.issue("n0", rootKey));
        for (int i = 1; i <= JoinChallenges.MAX_PENDING; i++) {
            challenges.issue("n" + i, rootKey);
        }

        assertThat(challenges.isPending("n0")).isFalse();
        assertThat(challenges.verify("n0", oldest)).isFalse();
        assertThat(challenges.isPending("n" + JoinChallenges.MAX_PENDING)).isTrue();
    }

    @Test
    void verify_unknownNode_isRefused() {
        assertThat(challenges.verify("nobody", new byte[32])).isFalse();
    }
}

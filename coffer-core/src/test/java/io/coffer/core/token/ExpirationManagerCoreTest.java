package io.coffer.core.token;

import static io.coffer.core.testing.TestCore.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coffer.core.testing.TestCore;
import io.coffer.sdk.logical.Auth;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The expiry timer of a real core over in-memory storage: it revokes expired tokens with their
 * children without anyone touching them, and after a seal and unseal it revokes at once what
 * expired meanwhile. Revocation is observed through {@code LIST auth/token/accessors}, which
 * reads the accessor index and never revokes lazily. The core's clock is a stepping clock; the
 * timers run in real time, so each wait is the real TTL (at most 2 s).
 */
class ExpirationManagerCoreTest {
    private final TestCore t = new TestCore();

    @SuppressWarnings("unchecked")
    private List<String> accessors() {
        try {
            return (List<String>) t.list("auth/token/accessors/", t.root()).data().get("keys");
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    @Test
    void expire_twoSecondTtl_revokedAfterExpiryWithoutLookup() {
        Auth auth = t.createToken(List.of("default"), Map.of("ttl", "2s"));
        Auth keeper = t.createToken(List.of("default"), Map.of("ttl", "1h"));
        assertThat(accessors()).contains(auth.accessor());
        t.clock().advanceSeconds(2);

        await().atMost(Duration.ofSeconds(5)).until(() -> !accessors().contains(auth.accessor()));
        assertThat(accessors()).contains(keeper.accessor());
    }

    @Test
    void expire_parent_childRevokedWithIt() {
        t.putPolicy("parent", rule("auth/token/create", "update"));
        Auth parent = t.createToken(List.of("parent"), Map.of("ttl", "2s"));
        Auth child = t.write("auth/token/create", Map.of("ttl", "1h"), parent.clientToken()).auth();
        Auth grandchild = t.write("auth/token/create", Map.of("ttl", "1h"), child.clientToken()).auth();
        assertThat(accessors()).contains(parent.accessor(), child.accessor(), grandchild.accessor());
        t.clock().advanceSeconds(2);

        await().atMost(Duration.ofSeconds(5)).until(() -> !accessors().contains(parent.accessor()));
        assertThat(accessors()).doesNotContain(child.accessor(), grandchild.accessor());
    }

    @Test
    void unseal_tokenExpiredWhileSealed_revokedPromptly() {
        Auth auth = t.createToken(List.of("default"), Map.of("ttl", "1h"));
        Auth keeper = t.createToken(List.of("default"), Map.of("ttl", "3h"));
        t.core().seal();
        t.clock().advanceSeconds(2 * 3600);

        t.core().unseal(t.share());

        await().atMost(Duration.ofSeconds(2)).until(() -> !accessors().contains(auth.accessor()));
        assertThat(accessors()).contains(keeper.accessor());
    }

    @Test
    void unseal_tokenStillLive_expiresOnTheNewTimer() {
        Auth auth = t.createToken(List.of("default"), Map.of("ttl", "3s"));
        t.core().seal();
        t.clock().advanceSeconds(1);
        t.core().unseal(t.share());
        assertThat(accessors()).contains(auth.accessor());
        t.clock().advanceSeconds(2);

        await().atMost(Duration.ofSeconds(5)).until(() -> !accessors().contains(auth.accessor()));
    }

    @Test
    void seal_timerOfSealedStateDoesNothing_tokenRevokedAfterUnseal() {
        Auth auth = t.createToken(List.of("default"), Map.of("ttl", "1s"));
        t.core().seal();
        t.clock().advanceSeconds(5);
        await().pollDelay(Duration.ofMillis(1500)).until(() -> true);

        t.core().unseal(t.share());

        await().atMost(Duration.ofSeconds(2)).until(() -> !accessors().contains(auth.accessor()));
    }
}

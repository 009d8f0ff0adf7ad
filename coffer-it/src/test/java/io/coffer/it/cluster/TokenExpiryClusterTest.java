package io.coffer.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.it.http.VaultHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Token expiry on a real three-process cluster: tokens with a 2 s TTL (and their children) are
 * revoked once they expire — on a healthy cluster, after every node was killed before the
 * expiry and restarted after it (so the expiry passed while no node was active and the next
 * active node must revoke from stored state), and after the active node holding their timers
 * was killed (the new active node revokes them, also a token created through a standby).
 *
 * <p>Revocation is observed first through {@code LIST auth/token/accessors}, which reads the
 * stored accessor index without touching the tokens: a lookup of an expired token would revoke
 * it on the spot and hide a missing timer. Only then are the tokens looked up (403 "bad token",
 * as Vault answers), looked up by accessor (400 "invalid accessor") and used (403).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenExpiryClusterTest {
    private static final String POLICY = "expiry-test";
    private static final String SECRET = "secret/data/expiry/probe";
    /** Generous: an expiry timer fires within a second of the expiry time. */
    private static final Duration REVOKE_WITHIN = Duration.ofSeconds(15);
    private static final Duration ROLE_TIMEOUT = Duration.ofSeconds(60);

    private static ClusterFixture cluster;
    private static String root;

    /** A created token: its id, accessor and expiry time (Unix seconds, 0 for never). */
    private record Issued(String token, String accessor, long expireTime) {
    }

    @BeforeAll
    static void up() throws Exception {
        cluster = ClusterFixture.start();
        root = cluster.rootToken();
        int active = cluster.awaitActive(ROLE_TIMEOUT);
        VaultHttp.Result p = cluster.http(active).put("sys/policy/" + POLICY, VaultHttp.json(java.util.Map.of("policy",
                "path \"auth/token/create\" { capabilities = [\"create\", \"update\"] }\n"
                        + "path \"secret/data/expiry/*\" { capabilities = [\"read\"] }\n"))).token(root).send();
        assertThat(p.status()).as(p.text()).isEqualTo(204);
        VaultHttp.Result w = cluster.http(active).post(SECRET, "{\"data\":{\"v\":\"still-here\"}}").token(root).send();
        assertThat(w.status()).as(w.text()).isEqualTo(200);
    }

    @AfterAll
    static void down() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void twoSecondToken_andItsChild_areRevokedAfterExpiry() {
        int active = cluster.awaitActive(ROLE_TIMEOUT);
        int standby = (active + 1) % 3;
        VaultHttp node = cluster.http(active);
        startOfSecond();
        Issued parent = create(node, root, "2s", 2);
        // the child asks for an hour: it goes only because its parent goes
        Issued child = create(cluster.http(standby), parent.token(), "1h", 3600);

        JsonNode self = lookupSelf(node, parent.token());
        assertThat(self.get("accessor").asText()).isEqualTo(parent.accessor());
        assertThat(self.get("creation_ttl").asLong()).isEqualTo(2);
        assertThat(self.get("ttl").asLong()).isBetween(1L, 2L);
        assertThat(self.get("policies")).extracting(JsonNode::asText).contains(POLICY);
        JsonNode childSelf = lookupSelf(node, child.token());
        assertThat(childSelf.get("orphan").asBoolean()).isFalse();
        assertThat(childSelf.get("creation_ttl").asLong()).isEqualTo(3600);
        VaultHttp.Result byAccessor = node.post("auth/token/lookup-accessor", accessorBody(parent)).token(root).send();
        assertThat(byAccessor.status()).as(byAccessor.text()).isEqualTo(200);
        assertThat(byAccessor.json().at("/data/accessor").asText()).isEqualTo(parent.accessor());
        assertThat(byAccessor.json().at("/data/id").asText()).as("lookup by accessor hides the id").isEmpty();
        assertCanRead(node, parent);
        assertCanRead(node, child);
        assertThat(storedAccessors(active)).contains(parent.accessor(), child.accessor());

        awaitRevoked(active, parent, child);
        assertThat(Instant.now().getEpochSecond()).as("revoked no earlier than its expiry time")
                .isGreaterThanOrEqualTo(parent.expireTime());
        System.out.printf("token expiry: 2 s token revoked %d ms after its expiry time%n",
                System.currentTimeMillis() - parent.expireTime() * 1000);
        for (int i = 0; i < 3; i++) {
            assertGone(cluster.http(i), parent);
            assertGone(cluster.http(i), child);
        }
    }

    @Test
    @Order(2)
    void wholeClusterKilledBeforeExpiry_restartedAfterIt_expiredTokensAreRevokedOnActivation() throws Exception {
        int active = cluster.awaitActive(ROLE_TIMEOUT);
        VaultHttp node = cluster.http(active);
        Issued control = create(node, root, "1h", 3600);
        startOfSecond();
        Issued shortLived = create(node, root, "2s", 2);
        Issued child = create(node, shortLived.token(), "1h", 3600);
        Issued viaStandby = create(cluster.http((active + 2) % 3), root, "2s", 2);
        assertThat(storedAccessors(active)).contains(shortLived.accessor(), child.accessor(), viaStandby.accessor(),
                control.accessor());

        // followers first, so no other node can take over before the active one is gone too
        for (int i = 1; i <= 3; i++) {
            cluster.kill((active + i) % 3);
        }
        long killedAt = Instant.now().getEpochSecond();
        assertThat(killedAt).as("every node was down before the tokens expired").isLessThan(shortLived.expireTime());

        // keep the whole cluster down until the expiry has passed: no node was active at that moment
        sleepUntil(Math.max(shortLived.expireTime(), viaStandby.expireTime()) + 1);
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            starts.add(CompletableFuture.runAsync(() -> {
                try {
                    cluster.restartAndUnseal(n);
                } catch (Exception e) {
                    throw new IllegalStateException("restarting node " + n + " failed\n" + cluster.logs(), e);
                }
            }));
        }
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        int after = cluster.awaitActive(ROLE_TIMEOUT);

        awaitRevoked(after, shortLived, child, viaStandby);
        assertThat(storedAccessors(after)).as("the control token survives the restart").contains(control.accessor());
        for (int i = 0; i < 3; i++) {
            VaultHttp n = cluster.http(i);
            assertGone(n, shortLived);
            assertGone(n, child);
            assertGone(n, viaStandby);
            assertThat(lookupSelf(n, control.token()).get("creation_ttl").asLong()).isEqualTo(3600);
            assertCanRead(n, control);
        }
    }

    @Test
    @Order(3)
    void activeNodeKilledRightAfterCreation_newActiveNodeRevokesTheTokens() throws Exception {
        int active = cluster.awaitActive(ROLE_TIMEOUT);
        int standby = (active + 1) % 3;
        VaultHttp node = cluster.http(active);
        Issued control = create(node, root, "1h", 3600);
        startOfSecond();
        // expires after the new active node has (very likely) taken over: revoked by a timer it set
        Issued later = create(node, root, "6s", 6);
        Issued direct = create(node, root, "2s", 2);
        Issued child = create(node, direct.token(), "1h", 3600);
        Issued forwarded = create(cluster.http(standby), root, "2s", 2);
        Issued forwardedChild = create(cluster.http(standby), forwarded.token(), "1h", 3600);

        cluster.kill(active);
        long killedAt = System.currentTimeMillis();
        assertThat(killedAt / 1000).as("the active node died before the tokens expired")
                .isLessThan(Math.min(direct.expireTime(), forwarded.expireTime()));

        int next = cluster.awaitActive(ROLE_TIMEOUT);
        assertThat(next).isNotEqualTo(active);
        long tookOverAt = System.currentTimeMillis();
        // with a margin, so the check below cannot race the timer
        boolean beforeLater = tookOverAt < later.expireTime() * 1000 - 1500;
        if (beforeLater) {
            assertThat(storedAccessors(next)).as("not revoked before its expiry").contains(later.accessor());
        }
        System.out.printf("token expiry failover: node %d active %d ms after the kill (%s the 6 s token expired)%n",
                next, tookOverAt - killedAt, beforeLater ? "before" : "after");

        List<Integer> survivors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (i != active) {
                survivors.add(i);
            }
        }
        for (int s : survivors) {
            awaitRevoked(s, direct, child, forwarded, forwardedChild, later);
        }
        assertThat(Instant.now().getEpochSecond()).isGreaterThanOrEqualTo(later.expireTime());
        for (int s : survivors) {
            VaultHttp n = cluster.http(s);
            assertThat(storedAccessors(s)).contains(control.accessor());
            for (Issued t : List.of(direct, child, forwarded, forwardedChild, later)) {
                assertGone(n, t);
            }
            assertCanRead(n, control);
        }

        // the killed node comes back as a member and sees the same
        cluster.restartAndUnseal(active);
        ClusterFixture.await(() -> cluster.health(active) == 429 || cluster.health(active) == 200, ROLE_TIMEOUT,
                "the restarted node to serve again");
        // a restarted standby reports 429 before it has caught up with the new leader's advertisement
        await("the restarted node to forward").atMost(ROLE_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> cluster.http(active).get("auth/token/lookup-self").token(control.token()).send().status() == 200);
        assertGone(cluster.http(active), direct);
        assertGone(cluster.http(active), forwarded);
        assertCanRead(cluster.http(active), control);
    }

    /** Creates a token with {@code ttl} and the test policy through {@code via}, as {@code caller}. */
    private static Issued create(VaultHttp via, String caller, String ttl, long expectedSeconds) {
        VaultHttp.Result r = via.post("auth/token/create",
                "{\"ttl\":\"" + ttl + "\",\"policies\":[\"" + POLICY + "\"]}").token(caller).send();
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode auth = r.json().get("auth");
        assertThat(auth.get("lease_duration").asLong()).isEqualTo(expectedSeconds);
        assertThat(auth.get("renewable").asBoolean()).isTrue();
        String token = auth.get("client_token").asText();
        JsonNode self = lookupSelf(via, token);
        long expireTime = Instant.parse(self.get("expire_time").asText()).getEpochSecond();
        long issueTime = Instant.parse(self.get("issue_time").asText()).getEpochSecond();
        assertThat(expireTime - issueTime).as("expire_time - issue_time").isEqualTo(expectedSeconds);
        return new Issued(token, auth.get("accessor").asText(), expireTime);
    }

    private static JsonNode lookupSelf(VaultHttp via, String token) {
        VaultHttp.Result r = via.get("auth/token/lookup-self").token(token).send();
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().get("data");
    }

    private static void assertCanRead(VaultHttp via, Issued t) {
        VaultHttp.Result r = via.get(SECRET).token(t.token()).send();
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().at("/data/data/v").asText()).isEqualTo("still-here");
    }

    /** Everything Vault answers for a revoked token, asked through {@code via}. */
    private static void assertGone(VaultHttp via, Issued t) {
        VaultHttp.Result lookup = via.post("auth/token/lookup", VaultHttp.json(java.util.Map.of("token", t.token())))
                .token(root).send();
        assertThat(lookup.status()).as(lookup.text()).isEqualTo(403);
        assertThat(lookup.errors()).containsExactly("bad token");
        VaultHttp.Result byAccessor = via.post("auth/token/lookup-accessor", accessorBody(t)).token(root).send();
        assertThat(byAccessor.status()).as(byAccessor.text()).isEqualTo(400);
        assertThat(byAccessor.errors()).containsExactly("invalid accessor");
        VaultHttp.Result self = via.get("auth/token/lookup-self").token(t.token()).send();
        assertThat(self.status()).as(self.text()).isEqualTo(403);
        VaultHttp.Result use = via.get(SECRET).token(t.token()).send();
        assertThat(use.status()).as(use.text()).isEqualTo(403);
        assertThat(use.errors()).anySatisfy(e -> assertThat(e).contains("permission denied"));
        VaultHttp.Result createChild = via.post("auth/token/create", "{\"ttl\":\"1h\"}").token(t.token()).send();
        assertThat(createChild.status()).as(createChild.text()).isEqualTo(403);
    }

    /**
     * Waits until none of {@code tokens} is in the stored accessor index any more, asked through
     * node {@code node} without touching the tokens themselves.
     */
    private static void awaitRevoked(int node, Issued... tokens) {
        Set<String> accessors = new TreeSet<>();
        for (Issued t : tokens) {
            accessors.add(t.accessor());
        }
        await("expired tokens to be revoked, seen through node " + node).atMost(REVOKE_WITHIN)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(storedAccessors(node)).doesNotContainAnyElementsOf(accessors));
    }

    /** {@code LIST auth/token/accessors}: the accessors in storage, expired or not. */
    private static Set<String> storedAccessors(int node) {
        VaultHttp.Result r = cluster.http(node).list("auth/token/accessors").token(root).timeout(Duration.ofSeconds(10))
                .send();
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Set<String> out = new TreeSet<>();
        r.json().at("/data/keys").forEach(k -> out.add(k.asText()));
        assertThat(out).isNotEmpty();
        return out;
    }

    private static String accessorBody(Issued t) {
        return VaultHttp.json(java.util.Map.of("accessor", t.accessor()));
    }

    /**
     * Expiry times are whole seconds: creating a token just after a second starts gives it
     * nearly its full TTL, so the checks before expiry have time on a busy machine.
     */
    private static void startOfSecond() {
        long ms = System.currentTimeMillis() % 1000;
        sleepMillis(1000 - ms + 20);
    }

    private static void sleepUntil(long epochSecond) {
        long ms = epochSecond * 1000 - System.currentTimeMillis();
        if (ms > 0) {
            sleepMillis(ms);
        }
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}

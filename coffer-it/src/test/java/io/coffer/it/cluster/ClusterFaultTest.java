package io.coffer.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.it.http.VaultHttp;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.storage.file.RocksDbBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults on a real three-process cluster: the active node is killed with SIGKILL and restarted
 * ten times while clients run check-and-set increments through random nodes; a follower is
 * killed and catches up; the active node is cut off from the other two (they are stopped with
 * SIGSTOP) and must give up its role and refuse writes. At the end all three stores hold
 * byte-identical data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultTest {
    private static final int WORKERS = 4;
    private static final int LEADER_KILLS = 10;
    private static ClusterFixture cluster;
    private static String token;

    @BeforeAll
    static void up() throws Exception {
        cluster = ClusterFixture.start();
        token = cluster.rootToken();
        cluster.awaitActive(Duration.ofSeconds(30));
    }

    @AfterAll
    static void down() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** One acknowledged increment: the version its write created and the writer's tag. */
    private record Ack(int version, String tag) {
    }

    @Test
    @Order(1)
    void casIncrements_whileTheActiveNodeIsKilledTenTimes_noAcknowledgedIncrementIsLostOrDoubled() throws Exception {
        int a = cluster.awaitActive(Duration.ofSeconds(30));
        assertThat(cluster.http(a).post("secret/metadata/counter", "{\"max_versions\":100000}").token(token).send().status())
                .isEqualTo(204);
        VaultHttp.Result first = cluster.http(a).post("secret/data/counter", "{\"options\":{\"cas\":0},\"data\":{\"n\":0,\"by\":\"init\"}}")
                .token(token).send();
        assertThat(first.status()).as(first.text()).isEqualTo(200);

        List<Ack> acked = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger unknown = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, Integer> seq = new ConcurrentHashMap<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            String name = "w" + w;
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    increment(name, seq.merge(name, 1, Integer::sum), acked, unknown);
                }
            }, "cas-" + name);
            t.start();
            workers.add(t);
        }
        try {
            for (int round = 0; round < LEADER_KILLS; round++) {
                int active = cluster.awaitActive(Duration.ofSeconds(30));
                int before = acked.size();
                ClusterFixture.await(() -> acked.size() > before, Duration.ofSeconds(20), "an increment before kill " + round);
                cluster.kill(active);
                int afterKill = acked.size();
                ClusterFixture.await(() -> acked.size() > afterKill, Duration.ofSeconds(20),
                        "an acknowledged increment after killing the active node (round " + round + ")");
                cluster.restartAndUnseal(active);
                ClusterFixture.await(() -> cluster.health(active) == 429 || cluster.health(active) == 200,
                        Duration.ofSeconds(30), "the restarted node to serve again");
            }
            int last = acked.size();
            ClusterFixture.await(() -> acked.size() > last + 10, Duration.ofSeconds(20), "increments after the last round");
        } finally {
            stop.set(true);
            for (Thread t : workers) {
                t.join(30_000);
            }
        }

        int active = cluster.awaitActive(Duration.ofSeconds(30));
        JsonNode latest = cluster.http(active).get("secret/data/counter").token(token).send().json().get("data");
        int finalValue = latest.at("/data/n").asInt();
        int finalVersion = latest.at("/metadata/version").asInt();
        int attempted = acked.size() + unknown.get();
        assertThat(finalValue).as("each version adds exactly one").isEqualTo(finalVersion - 1);
        assertThat(finalValue).isBetween(acked.size(), attempted);
        for (Ack ack : acked) {
            JsonNode v = cluster.http(active).get("secret/data/counter?version=" + ack.version()).token(token).send().json();
            assertThat(v.at("/data/data/by").asText()).as("version %d", ack.version()).isEqualTo(ack.tag());
            assertThat(v.at("/data/data/n").asInt()).isEqualTo(ack.version() - 1);
        }
        System.out.printf("CAS fault test: %d acknowledged, %d unknown outcome, final value %d after %d leader kills%n",
                acked.size(), unknown.get(), finalValue, LEADER_KILLS);
    }

    /** Reads the counter through a random node and writes n+1 with check-and-set. */
    private static void increment(String worker, int n, List<Ack> acked, AtomicInteger unknown) {
        VaultHttp node = cluster.http(ThreadLocalRandom.current().nextInt(3));
        JsonNode current;
        try {
            VaultHttp.Result r = node.get("secret/data/counter").token(token).timeout(Duration.ofSeconds(5)).send();
            if (r.status() != 200) {
                pause();
                return;
            }
            current = r.json().get("data");
        } catch (RuntimeException e) {
            pause();
            return;
        }
        int version = current.at("/metadata/version").asInt();
        int value = current.at("/data/n").asInt();
        String tag = worker + "-" + n;
        VaultHttp.Result w;
        try {
            w = node.post("secret/data/counter", "{\"options\":{\"cas\":" + version + "},\"data\":{\"n\":" + (value + 1)
                    + ",\"by\":\"" + tag + "\"}}").token(token).timeout(Duration.ofSeconds(15)).send();
        } catch (RuntimeException e) {
            unknown.incrementAndGet();
            pause();
            return;
        }
        if (w.status() == 200) {
            acked.add(new Ack(w.json().at("/data/version").asInt(), tag));
        } else if (w.status() == 400 && w.text().contains("check-and-set")) {
            // refused before writing: another increment won the race
        } else {
            unknown.incrementAndGet();
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @Order(2)
    void follower_killedWhileWritesContinue_catchesUpAfterRestart() throws Exception {
        int active = cluster.awaitActive(Duration.ofSeconds(30));
        int follower = (active + 1) % 3;
        cluster.kill(follower);
        for (int i = 0; i < 50; i++) {
            assertThat(cluster.http(active).post("secret/data/catchup/" + i, "{\"data\":{\"i\":" + i + "}}").token(token)
                    .send().status()).isEqualTo(200);
        }
        long target = appliedIndex(active);
        cluster.restartAndUnseal(follower);
        ClusterFixture.await(() -> appliedIndex(follower) >= target, Duration.ofSeconds(30),
                "the restarted follower to apply index " + target);
        VaultHttp.Result r = cluster.http(follower).get("secret/data/catchup/49").token(token).send();
        assertThat(r.json().at("/data/data/i").asInt()).isEqualTo(49);
    }

    @Test
    @Order(3)
    void activeNodeCutOffFromTheOtherTwo_givesUpItsRoleAndRefusesWrites() throws Exception {
        int isolated = cluster.awaitActive(Duration.ofSeconds(30));
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (i != isolated) {
                others.add(cluster.cluster().pid(i));
            }
        }
        signal("STOP", others);
        try {
            VaultHttp.Result w = cluster.http(isolated).post("secret/data/partition", "{\"data\":{\"x\":1}}").token(token)
                    .timeout(Duration.ofSeconds(30)).send();
            assertThat(w.status()).as("a write on the minority side").isNotEqualTo(200);
            ClusterFixture.await(() -> cluster.health(isolated) != 200, Duration.ofSeconds(20),
                    "the cut-off node to give up the active role");
            VaultHttp.Result again = cluster.http(isolated).post("secret/data/partition", "{\"data\":{\"x\":2}}")
                    .token(token).timeout(Duration.ofSeconds(30)).send();
            assertThat(again.status()).isIn(503, 500);
        } finally {
            signal("CONT", others);
        }
        int active = cluster.awaitActive(Duration.ofSeconds(30));
        assertThat(cluster.http(active).post("secret/data/partition", "{\"data\":{\"x\":3}}").token(token).send().status())
                .isEqualTo(200);
        ClusterFixture.await(() -> cluster.health(isolated) == 429 || cluster.health(isolated) == 200,
                Duration.ofSeconds(30), "the cut-off node to rejoin");
    }

    @Test
    @Order(4)
    void afterAllFaults_everyStoreHoldsIdenticalData() throws Exception {
        int active = cluster.awaitActive(Duration.ofSeconds(30));
        assertThat(cluster.http(active).post("secret/data/final", "{\"data\":{\"done\":true}}").token(token).send().status())
                .isEqualTo(200);
        long target = appliedIndex(active);
        for (int i = 0; i < 3; i++) {
            int node = i;
            ClusterFixture.await(() -> appliedIndex(node) >= target, Duration.ofSeconds(30), "node " + i + " to catch up");
        }
        // the standbys first: stopping the active node first lets the other two elect a leader,
        // which writes its advertisement (core/leader, core/nodes/<id>) on those two only
        for (int i = 0; i < 3; i++) {
            if (i != active) {
                cluster.cluster().stop(i);
            }
        }
        cluster.cluster().stop(active);
        Map<String, String> reference = null;
        for (int i = 1; i <= 3; i++) {
            Map<String, String> store = dump(cluster.directory().resolve("node" + i).resolve("store"));
            assertThat(store).as("node %d store", i).isNotEmpty();
            if (reference == null) {
                reference = store;
            } else {
                // names only the keys that differ: a failure prints no stored ciphertext (keyring included)
                assertThat(differingKeys(reference, store)).as("keys whose values differ between node %d and node 1", i)
                        .isEmpty();
            }
        }
    }

    /** The keys present in only one of the two stores or holding different values in them, sorted. */
    private static List<String> differingKeys(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        keys.removeIf(k -> Objects.equals(a.get(k), b.get(k)));
        return List.copyOf(keys);
    }

    private static long appliedIndex(int node) {
        try {
            VaultHttp.Result r = cluster.http(node).get("sys/leader").timeout(Duration.ofSeconds(2)).send();
            return r.status() == 200 ? r.json().path("raft_applied_index").asLong() : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        for (long pid : pids) {
            Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            assertThat(p.waitFor()).isZero();
        }
    }

    /** Every key and value of a stopped node's store (values hex), walked through the storage API. */
    private static Map<String, String> dump(Path store) {
        Map<String, String> out = new TreeMap<>();
        try (RocksDbBackend db = new RocksDbBackend(store)) {
            walk(db, "", out);
        }
        return out;
    }

    private static void walk(RocksDbBackend db, String prefix, Map<String, String> out) {
        for (String k : db.list(prefix)) {
            if (k.endsWith("/")) {
                walk(db, prefix + k, out);
            } else {
                StorageEntry e = db.get(prefix + k);
                out.put(prefix + k, e == null ? "<gone>" : java.util.HexFormat.of().formatHex(e.value()));
            }
        }
    }
}

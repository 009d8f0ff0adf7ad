package io.coffer.raft;

import io.coffer.sdk.logical.StorageEntry;
import io.coffer.storage.file.Mutation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A three-node cluster of real Ratis servers on loopback: replication, failover, catch-up, partitions. */
@Timeout(60)
class RaftClusterTest {
    private static final Duration ELECTION = Duration.ofSeconds(10);
    private static final Duration CONVERGE = Duration.ofSeconds(15);

    @TempDir
    Path temp;
    private TestCluster cluster;

    @BeforeEach
    void start() throws Exception {
        cluster = TestCluster.start(temp, 3);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void write_throughLeader_allThreeStoresConverge() {
        int leader = cluster.awaitLeader(ELECTION);
        RaftPhysicalBackend storage = cluster.node(leader).storage();
        for (int i = 0; i < 40; i++) {
            storage.put(new StorageEntry("app/" + (i % 4) + "/k" + i, value(i)));
        }
        storage.apply(List.of(Mutation.delete("app/0/k0"), Mutation.put("app/moved", value(99))));
        storage.delete("app/1/k1");

        Map<String, String> expected = TestCluster.snapshotOf(storage);
        assertThat(expected).hasSize(39).doesNotContainKeys("app/0/k0", "app/1/k1").containsKey("app/moved");
        awaitConverged(expected, 0, 1, 2);
        long applied = cluster.node(leader).stateMachine().appliedIndex().index();
        for (int i = 0; i < 3; i++) {
            assertThat(cluster.node(i).stateMachine().appliedIndex().index()).isEqualTo(applied);
        }
    }

    @Test
    void concurrentWriters_throughLeader_shareEntriesAndEveryAcknowledgedWriteIsOnEveryNode() throws Exception {
        int leader = cluster.awaitLeader(ELECTION);
        RaftPhysicalBackend storage = cluster.node(leader).storage();
        long before = cluster.node(leader).stateMachine().appliedIndex().index();
        ExecutorService writers = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        storage.apply(List.of(
                                Mutation.put("c/" + thread + "/" + i, value(i)),
                                Mutation.put("c/" + thread + "/last", value(i))));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        Map<String, String> expected = TestCluster.snapshotOf(storage);
        assertThat(expected).hasSize(16 * 41);
        for (int t = 0; t < 16; t++) {
            assertThat(storage.get("c/" + t + "/last").value()).isEqualTo(value(39));
        }
        // 640 writes took fewer log entries: concurrent writes were combined
        assertThat(cluster.node(leader).stateMachine().appliedIndex().index() - before).isLessThan(640);
        awaitConverged(expected, 0, 1, 2);
    }

    @Test
    void awaitReadIndex_onFollower_thenLocalReadSeesTheLeadersLatestWrite() {
        int leader = cluster.awaitLeader(ELECTION);
        int follower = (leader + 1) % 3;
        for (int i = 0; i < 20; i++) {
            cluster.node(leader).storage().put(new StorageEntry("r/" + i, value(i)));
            cluster.node(follower).awaitReadIndex(Duration.ofSeconds(5));
            assertThat(cluster.node(follower).storage().get("r/" + i)).isNotNull();
        }
        cluster.node(leader).awaitReadIndex(Duration.ofSeconds(5));
    }

    @Test
    void write_onFollower_isRefusedWithTheLeaderAndWritesNothing() {
        int leader = cluster.awaitLeader(ELECTION);
        int follower = (leader + 1) % 3;
        await().atMost(ELECTION).until(() -> cluster.node(follower).leaderId().isPresent());

        assertThatThrownBy(() -> cluster.node(follower).storage().put(new StorageEntry("f", value(1))))
                .isInstanceOfSatisfying(NotLeaderException.class, e -> {
                    assertThat(e.leader()).map(RaftPeerAddress::id).contains("node-" + leader);
                    assertThat(e.leader().orElseThrow().address())
                            .isEqualTo(cluster.node(leader).config().self().address());
                });
        assertThat(cluster.node(follower).isLeader()).isFalse();
        assertThat(cluster.node(leader).storage().get("f")).isNull();
    }

    @Test
    void closeLeader_newLeaderWithinSecondsAndWritesContinue_restartedNodeCatchesUp() {
        int first = cluster.awaitLeader(ELECTION);
        cluster.node(first).storage().put(new StorageEntry("before", value(1)));

        long closedAt = System.nanoTime();
        cluster.stop(first);
        int second = cluster.awaitLeader(ELECTION);
        Duration failover = Duration.ofNanos(System.nanoTime() - closedAt);

        assertThat(second).isNotEqualTo(first);
        assertThat(failover).isLessThan(Duration.ofSeconds(5));
        RaftPhysicalBackend storage = cluster.node(second).storage();
        assertThat(storage.get("before").value()).isEqualTo(value(1));
        for (int i = 0; i < 20; i++) {
            storage.put(new StorageEntry("after/" + i, value(i)));
        }

        cluster.restart(first);
        awaitConverged(TestCluster.snapshotOf(storage), 0, 1, 2);
        assertThat(cluster.node(first).isLeader()).isFalse();
    }

    @Test
    void snapshotAndPurge_nodeBehindAndWipedNode_catchUpByInstallingTheSnapshot() throws Exception {
        int leader = cluster.awaitLeader(ELECTION);
        int lagging = (leader + 1) % 3;
        int other = (leader + 2) % 3;
        RaftPhysicalBackend storage = cluster.node(leader).storage();
        storage.put(new StorageEntry("seed", value(0)));
        awaitConverged(TestCluster.snapshotOf(storage), lagging);

        // 1. a node that is behind a purged log gets the snapshot over its old store
        cluster.stop(lagging);
        writeAndPurge(storage, "behind/", leader, other);
        cluster.restart(lagging);
        awaitConverged(TestCluster.snapshotOf(storage), lagging);
        assertInstalledSnapshot(lagging, leader);

        // 2. a node whose directory is gone starts empty and gets the snapshot too
        cluster.stop(lagging);
        cluster.wipe(lagging);
        writeAndPurge(storage, "wiped/", leader, other);
        cluster.restart(lagging);
        awaitConverged(TestCluster.snapshotOf(storage), lagging);
        assertInstalledSnapshot(lagging, leader);
        assertThat(cluster.failStop(lagging).reasons()).isEmpty();

        // and it keeps following afterwards
        storage.put(new StorageEntry("last", value(7)));
        awaitConverged(TestCluster.snapshotOf(storage), 0, 1, 2);
    }

    /** The lagging node holds the leader's newest snapshot: it caught up by installing it, not from the log. */
    private void assertInstalledSnapshot(int lagging, int leader) {
        long leaderSnapshot = cluster.node(leader).stateMachine().getLatestSnapshot().getIndex();
        assertThat(cluster.node(lagging).stateMachine().getLatestSnapshot()).isNotNull();
        assertThat(cluster.node(lagging).stateMachine().getLatestSnapshot().getIndex()).isEqualTo(leaderSnapshot);
    }

    /** Writes enough to fill several 64 KiB log segments, snapshots both running nodes, checks the purge. */
    private void writeAndPurge(RaftPhysicalBackend storage, String prefix, int leader, int other) {
        for (int i = 0; i < 250; i++) {
            storage.put(new StorageEntry(prefix + i, new byte[700]));
        }
        long firstBefore = cluster.node(leader).logStartIndex();
        long snapshot = cluster.node(leader).takeSnapshot(Duration.ofSeconds(10));
        await().atMost(CONVERGE).until(() -> cluster.node(other).stateMachine().appliedIndex().index() >= snapshot);
        cluster.node(other).takeSnapshot(Duration.ofSeconds(10));
        assertThat(snapshot).isEqualTo(cluster.node(leader).stateMachine().appliedIndex().index());
        await().atMost(CONVERGE).until(() -> cluster.node(leader).logStartIndex() > firstBefore + 100);
    }

    @Test
    void isolatedLeader_writeFailsWithinTheTimeoutAndItStepsDown() {
        int leader = cluster.awaitLeader(ELECTION);
        RaftPhysicalBackend storage = cluster.node(leader).storage();
        storage.put(new StorageEntry("ok", value(1)));
        cluster.stop((leader + 1) % 3);
        cluster.stop((leader + 2) % 3);

        long start = System.nanoTime();
        assertThatThrownBy(() -> storage.put(new StorageEntry("lost", value(2))))
                .isInstanceOfAny(CommitTimeoutException.class, NotLeaderException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        await().atMost(ELECTION).until(() -> !cluster.node(leader).isLeader());
        assertThatThrownBy(() -> storage.put(new StorageEntry("refused", value(3))))
                .isInstanceOf(NotLeaderException.class);
        long readStart = System.nanoTime();
        assertThatThrownBy(() -> cluster.node(leader).awaitReadIndex(Duration.ofSeconds(2)))
                .isInstanceOf(RaftException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - readStart)).isLessThan(Duration.ofSeconds(3));
        assertThat(storage.get("ok").value()).isEqualTo(value(1));
    }

    private void awaitConverged(Map<String, String> expected, int... nodes) {
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            List<Map<String, String>> seen = new ArrayList<>();
            for (int i : nodes) {
                seen.add(TestCluster.snapshotOf(cluster.node(i).storage()));
            }
            assertThat(seen).allSatisfy(s -> assertThat(s).isEqualTo(expected));
        });
    }

    private static byte[] value(int i) {
        return ("value-" + i).getBytes(StandardCharsets.UTF_8);
    }
}

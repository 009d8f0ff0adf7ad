package io.coffer.raft;

import io.coffer.sdk.logical.StorageEntry;
import io.coffer.storage.file.AppliedIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A node restarted on its directory keeps every acknowledged write and resumes after its store's
 * index — also when its store lost its most recent applies (the state machine does not fsync the
 * store on each apply; a power loss may take the tail): those entries are applied again from the
 * node's own Raft log.
 */
@Timeout(60)
class RaftNodeRestartTest {
    /** Keeps the whole log behind snapshots, so that removing a snapshot leaves a consistent node. */
    private static final UnaryOperator<RaftNodeConfig.Builder> KEEP_LOG = b -> b.trailingLogs(100_000);
    private static final Pattern SNAPSHOT_NAME = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");

    @Test
    void restart_onItsDirectory_keepsDataAndReportsTheStoresIndexAsApplied(@TempDir Path temp) throws Exception {
        try (TestCluster cluster = TestCluster.start(temp, 1)) {
            cluster.awaitLeader(Duration.ofSeconds(10));
            for (int i = 0; i < 30; i++) {
                cluster.node(0).storage().put(new StorageEntry("k/" + i, ("v" + i).getBytes(StandardCharsets.UTF_8)));
            }
            AppliedIndex before = cluster.node(0).stateMachine().appliedIndex();
            cluster.stop(0);
            assertThatThrownBy(() -> cluster.node(0).storage().get("k/1")).isInstanceOf(RaftException.class);

            RaftNode node = cluster.restart(0);
            // the store's index is reported as applied, and a snapshot at it tells Ratis to replay only later entries
            assertThat(node.stateMachine().getLastAppliedTermIndex().getIndex()).isGreaterThanOrEqualTo(before.index());
            assertThat(node.stateMachine().getLatestSnapshot().getIndex()).isEqualTo(before.index());
            assertThat(node.stateMachine().appliedIndex()).isEqualTo(before);
            assertThat(node.storage().list("k/")).hasSize(30);

            cluster.awaitLeader(Duration.ofSeconds(10));
            node.storage().put(new StorageEntry("k/new", new byte[] {1}));
            assertThat(node.storage().list("k/")).hasSize(31);
            assertThat(node.stateMachine().appliedIndex().term()).isGreaterThan(before.term());
        }
    }

    @Test
    void restart_singleNode_storeBehindItsLog_appliesTheMissingEntriesAgainFromTheLog(@TempDir Path temp)
            throws Exception {
        try (TestCluster cluster = TestCluster.start(temp, 1, KEEP_LOG)) {
            cluster.awaitLeader(Duration.ofSeconds(10));
            RaftNode node = cluster.node(0);
            for (int i = 0; i < 20; i++) {
                node.storage().put(new StorageEntry("k/" + i, ("v" + i).getBytes(StandardCharsets.UTF_8)));
            }
            // the store as a power loss could leave it: an earlier state, data and index agreeing
            Path earlier = node.stateMachine().checkpointTo(temp.resolve("earlier"));
            AppliedIndex earlierIndex = node.stateMachine().appliedIndex();
            for (int i = 20; i < 40; i++) {
                node.storage().put(new StorageEntry("k/" + i, ("v" + i).getBytes(StandardCharsets.UTF_8)));
            }
            node.storage().put(new StorageEntry("k/3", "changed".getBytes(StandardCharsets.UTF_8)));
            node.storage().delete("k/4");
            Map<String, String> expected = TestCluster.snapshotOf(node.storage());
            AppliedIndex last = node.stateMachine().appliedIndex();
            cluster.stop(0);
            simulateLostApplies(cluster.directory(0), earlier, earlierIndex);

            RaftNode restarted = cluster.restart(0);
            // the store opened at its (earlier) index, and Ratis resumes right after it: the
            // start-up checkpoint is taken there
            assertThat(restarted.stateMachine().getLatestSnapshot().getIndex()).isEqualTo(earlierIndex.index());
            cluster.awaitLeader(Duration.ofSeconds(10));
            // leading again, it commits an entry of its new term and with it the entries after the store's index
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(restarted.stateMachine().appliedIndex().index()).isGreaterThanOrEqualTo(last.index()));
            assertThat(TestCluster.snapshotOf(restarted.storage())).isEqualTo(expected);
            assertThat(restarted.logStartIndex()).isLessThanOrEqualTo(earlierIndex.index() + 1);
            assertThat(cluster.failStop(0).reasons()).isEmpty();
        }
    }

    @Test
    void restart_follower_storeBehindItsLog_appliesTheMissingEntriesAgainAndMatchesTheLeader(@TempDir Path temp)
            throws Exception {
        try (TestCluster cluster = TestCluster.start(temp, 3, KEEP_LOG)) {
            int leader = cluster.awaitLeader(Duration.ofSeconds(10));
            int follower = (leader + 1) % 3;
            RaftPhysicalBackend storage = cluster.node(leader).storage();
            for (int i = 0; i < 20; i++) {
                storage.put(new StorageEntry("k/" + i, ("v" + i).getBytes(StandardCharsets.UTF_8)));
            }
            AppliedIndex leaderEarlier = cluster.node(leader).stateMachine().appliedIndex();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    cluster.node(follower).stateMachine().appliedIndex().index() >= leaderEarlier.index());
            Path earlier = cluster.node(follower).stateMachine().checkpointTo(temp.resolve("earlier"));
            AppliedIndex earlierIndex = cluster.node(follower).stateMachine().appliedIndex();
            for (int i = 20; i < 40; i++) {
                storage.put(new StorageEntry("k/" + i, ("v" + i).getBytes(StandardCharsets.UTF_8)));
            }
            storage.put(new StorageEntry("k/3", "changed".getBytes(StandardCharsets.UTF_8)));
            storage.delete("k/4");
            Map<String, String> expected = TestCluster.snapshotOf(storage);
            long last = cluster.node(leader).stateMachine().appliedIndex().index();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    cluster.node(follower).stateMachine().appliedIndex().index() >= last);
            cluster.stop(follower);
            simulateLostApplies(cluster.directory(follower), earlier, earlierIndex);

            RaftNode restarted = cluster.restart(follower);
            // the store opened at its (earlier) index: the start-up checkpoint is taken there
            assertThat(restarted.stateMachine().getLatestSnapshot().getIndex()).isEqualTo(earlierIndex.index());
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(restarted.stateMachine().appliedIndex().index()).isGreaterThanOrEqualTo(last);
                assertThat(TestCluster.snapshotOf(restarted.storage())).isEqualTo(expected);
            });
            // caught up from log entries (its own), not by a snapshot from the leader
            assertThat(restarted.stateMachine().getLatestSnapshot().getIndex()).isEqualTo(earlierIndex.index());
            assertThat(restarted.logStartIndex()).isLessThanOrEqualTo(earlierIndex.index() + 1);
            assertThat(cluster.failStop(follower).reasons()).isEmpty();
        }
    }

    /**
     * Leaves a stopped node's directory as a power loss after unsynced applies could: the store
     * back at {@code earlier} (a checkpoint it took at {@code earlierIndex}), and no snapshot
     * beyond that index (closing the node took one; with {@link #KEEP_LOG} nothing was purged
     * behind it, so the log still holds every entry).
     */
    private static void simulateLostApplies(Path nodeDirectory, Path earlier, AppliedIndex earlierIndex) throws IOException {
        deleteTree(nodeDirectory.resolve("store"));
        Files.move(earlier, nodeDirectory.resolve("store"));
        List<Path> newerSnapshots;
        try (Stream<Path> walk = Files.walk(nodeDirectory.resolve("raft"))) {
            newerSnapshots = walk.filter(p -> {
                Matcher m = SNAPSHOT_NAME.matcher(p.getFileName().toString());
                return Files.isDirectory(p) && m.matches() && Long.parseLong(m.group(2)) > earlierIndex.index();
            }).toList();
        }
        for (Path snapshot : newerSnapshots) {
            deleteTree(snapshot);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Test
    void start_createsOwnerOnlyDirectories(@TempDir Path temp) throws Exception {
        try (TestCluster cluster = TestCluster.start(temp, 1)) {
            for (String dir : new String[] {"", "raft", "store"}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cluster.directory(0).resolve(dir))))
                        .isEqualTo("rwx------");
            }
        }
    }

    @Test
    void start_portAlreadyTaken_failsWithAClearError(@TempDir Path temp) throws Exception {
        try (TestCluster cluster = TestCluster.start(temp, 1)) {
            RaftNodeConfig clash = RaftNodeConfig.builder("node-0", temp.resolve("other"))
                    .peers(cluster.node(0).config().peers())
                    .build();
            assertThatThrownBy(() -> RaftNode.start(clash))
                    .isInstanceOf(RaftException.class)
                    .hasMessageContaining("cannot start Raft node node-0");
        }
    }
}

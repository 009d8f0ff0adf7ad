package io.coffer.raft;

import io.coffer.core.ha.ClusterConfiguration;
import io.coffer.core.ha.ClusterMembership;
import io.coffer.core.ha.Peer;
import io.coffer.core.ha.PeerProgress;
import io.coffer.core.testing.LoopbackPorts;
import io.coffer.sdk.logical.StorageEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@link RaftStorage} clusters of real Ratis servers on loopback: join, membership, leadership, restart. */
@Timeout(120)
class RaftStorageClusterTest {

    @Test
    void joinTwoNodes_throughAddPeer_convergeWithoutDisturbingTheLeader_andReportTheCluster(@TempDir Path temp) throws Exception {
        try (StorageCluster cluster = StorageCluster.of(temp, 3)) {
            RaftStorage a = cluster.bootstrap(0);
            for (int i = 0; i < 30; i++) {
                a.put(new StorageEntry("seed/" + i, value(i)));
            }
            long term = a.term();
            String group = a.clusterGroupId().orElseThrow();
            // the first joiner fills its store from the leader's snapshot (InstallSnapshot), not from the log
            long leaderSnapshot = a.nodeForTesting().takeSnapshot(Duration.ofSeconds(10));
            assertThat(leaderSnapshot).isPositive();

            // the leader answers at once, before the new node even exists, with the target membership
            ClusterMembership forB = a.addPeer(cluster.peer(1));
            assertThat(forB.groupId()).isEqualTo(group);
            assertThat(forB.peers()).containsExactly(cluster.peer(0), cluster.peer(1));
            assertThat(a.configuration().servers()).extracting(ClusterConfiguration.Server::nodeId).containsExactly("node-0");
            // adding it again while pending changes nothing
            assertThat(a.addPeer(cluster.peer(1))).isEqualTo(forB);
            assertThatThrownBy(() -> a.addPeer(new Peer("node-1", "127.0.0.1:1", true)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already being added");

            RaftStorage b = cluster.open(1);
            AtomicInteger bLeadership = new AtomicInteger();
            b.addLeadershipListener(bLeadership::incrementAndGet);
            b.join(forB);
            assertThat(b.isMember()).isTrue();
            assertThat(b.clusterGroupId()).contains(group);
            cluster.awaitVoters(0, "node-0", "node-1");
            cluster.awaitVoters(1, "node-0", "node-1");
            Map<String, String> expected = StorageCluster.contents(a);
            assertThat(expected).hasSize(30);
            cluster.awaitContents(expected, 1);
            assertThat(b.nodeForTesting().stateMachine().getLatestSnapshot().getIndex()).isEqualTo(leaderSnapshot);
            assertThat(cluster.failStop(1).reasons()).isEmpty();

            ClusterMembership forC = a.addPeer(cluster.peer(2));
            assertThat(forC.peers()).containsExactly(cluster.peer(0), cluster.peer(1), cluster.peer(2));
            cluster.open(2).join(forC);
            cluster.awaitVoters(0, "node-0", "node-1", "node-2");
            a.put(new StorageEntry("after-join", value(99)));
            cluster.awaitContents(StorageCluster.contents(a), 1, 2);

            // the joiners started without a group: no election, the first leader still leads in its term
            assertThat(a.isLeader()).isTrue();
            assertThat(a.term()).isEqualTo(term);
            await().atMost(StorageCluster.CONVERGE).until(() -> b.term() == term && cluster.node(2).term() == term);
            await().atMost(StorageCluster.CONVERGE).until(() -> bLeadership.get() > 0);

            // re-adding a member at the same address is a no-op; at another address it is refused
            long index = a.configuration().index();
            assertThat(a.addPeer(cluster.peer(1)).peers()).containsExactly(cluster.peer(0), cluster.peer(1), cluster.peer(2));
            assertThat(a.configuration().index()).isEqualTo(index);
            assertThatThrownBy(() -> a.addPeer(new Peer("node-1", "127.0.0.1:2", true)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("remove it before");
            assertThatThrownBy(() -> b.addPeer(new Peer("node-9", "127.0.0.1:3", true)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not the Raft leader");

            // every node reports the same configuration, the leader flagged
            for (int i = 0; i < 3; i++) {
                int node = i;
                await().atMost(StorageCluster.CONVERGE).untilAsserted(() ->
                        assertThat(cluster.node(node).configuration()).isEqualTo(new ClusterConfiguration(index, List.of(
                                new ClusterConfiguration.Server("node-0", cluster.address(0), true, true),
                                new ClusterConfiguration.Server("node-1", cluster.address(1), false, true),
                                new ClusterConfiguration.Server("node-2", cluster.address(2), false, true)))));
                assertThat(cluster.node(i).leader()).contains(cluster.peer(0));
            }
            // progress: the leader's view of everyone, followers caught up and heard from recently
            await().atMost(StorageCluster.CONVERGE).untilAsserted(() -> {
                List<PeerProgress> progress = a.progress();
                assertThat(progress).extracting(p -> p.peer().id()).containsExactly("node-0", "node-1", "node-2");
                assertThat(progress).extracting(PeerProgress::leader).containsExactly(true, false, false);
                assertThat(progress).allSatisfy(p -> {
                    assertThat(p.matchIndex()).isEqualTo(a.committedIndex());
                    assertThat(p.lastContact()).isLessThan(Duration.ofSeconds(2));
                    assertThat(p.term()).isEqualTo(term);
                });
            });
            assertThat(b.progress()).isEmpty();
            await().atMost(StorageCluster.CONVERGE).untilAsserted(() -> {
                assertThat(b.committedIndex()).isEqualTo(a.committedIndex());
                assertThat(b.appliedIndex()).isEqualTo(a.appliedIndex());
            });
        }
    }

    @Test
    void transferLeadership_removePeer_andRestartOfEveryNodeAfterSnapshotAndPurge_keepTheMembership(@TempDir Path temp)
            throws Exception {
        try (StorageCluster cluster = StorageCluster.of(temp, 3)) {
            RaftStorage a = cluster.bootstrap(0);
            cluster.join(0, 1);
            cluster.join(0, 2);
            cluster.awaitVoters(0, "node-0", "node-1", "node-2");
            AtomicInteger[] leadership = new AtomicInteger[3];
            AtomicInteger[] sawItselfLead = new AtomicInteger[3];
            for (int i = 0; i < 3; i++) {
                int node = i;
                leadership[i] = new AtomicInteger();
                sawItselfLead[i] = new AtomicInteger();
                cluster.node(i).addLeadershipListener(leadership[i]::incrementAndGet);
                cluster.node(i).addLeadershipListener(() -> {
                    if (cluster.node(node).isLeader()) {
                        sawItselfLead[node].incrementAndGet();
                    }
                });
            }
            a.put(new StorageEntry("k", value(1)));
            cluster.awaitContents(StorageCluster.contents(a), 1, 2);

            // only the leader hands over, to an up-to-date voter
            assertThat(cluster.node(1).transferLeadership(Duration.ofSeconds(5))).isFalse();
            assertThat(a.transferLeadership(Duration.ofSeconds(10))).isTrue();
            int second = cluster.awaitLeader(0, 1, 2);
            assertThat(second).isNotZero();
            assertThat(a.isLeader()).isFalse();
            assertThat(a.leader()).contains(cluster.peer(second));
            // the old and the new leader both heard of it
            await().atMost(StorageCluster.CONVERGE).until(() -> leadership[0].get() > 0 && leadership[second].get() > 0);
            // the new leader was told once it was ready: a callback found it leading
            await().atMost(StorageCluster.CONVERGE).until(() -> sawItselfLead[second].get() > 0);
            RaftStorage leader = cluster.node(second);
            leader.put(new StorageEntry("k2", value(2)));

            // remove the third node: the others carry on as a two-member cluster
            int removed = 3 - second;
            assertThatThrownBy(() -> leader.removePeer("node-9")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> leader.removePeer(cluster.id(second))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("transfer leadership first");
            assertThatThrownBy(() -> a.removePeer(cluster.id(removed))).isInstanceOf(IllegalStateException.class);
            leader.removePeer(cluster.id(removed));
            String[] remaining = second == 1 ? new String[] {"node-0", "node-1"} : new String[] {"node-0", "node-2"};
            cluster.awaitVoters(second, remaining);
            cluster.awaitVoters(0, remaining);
            cluster.stop(removed);
            for (int i = 0; i < 300; i++) {
                leader.put(new StorageEntry("bulk/" + i, new byte[400]));
            }
            Map<String, String> expected = StorageCluster.contents(leader);
            cluster.awaitContents(expected, 0);

            // snapshot and purge on both members, so the configuration entries are gone from the logs
            for (int i : new int[] {0, second}) {
                RaftNode node = cluster.node(i).nodeForTesting();
                long snapshot = node.takeSnapshot(Duration.ofSeconds(10));
                assertThat(snapshot).isPositive();
                long confIndex = cluster.node(i).configuration().index();
                await().atMost(StorageCluster.CONVERGE).until(() -> node.logStartIndex() > confIndex);
            }

            // restart every member: each is a member again at once and the two-member configuration holds
            cluster.stop(0);
            cluster.stop(second);
            String group = a.clusterGroupId().orElseThrow();
            for (int i : new int[] {0, second}) {
                RaftStorage again = cluster.open(i);
                assertThat(again.isMember()).isTrue();
                assertThat(again.clusterGroupId()).contains(group);
            }
            int leaderAfter = cluster.awaitLeader(0, second);
            cluster.awaitVoters(0, remaining);
            cluster.awaitVoters(second, remaining);
            cluster.node(leaderAfter).put(new StorageEntry("after-restart", value(3)));
            expected.put("after-restart", java.util.HexFormat.of().formatHex(value(3)));
            cluster.awaitContents(expected, 0, second);
            assertThat(cluster.failStop(0).reasons()).isEmpty();
        }
    }

    @Test
    void addPeer_nodeThatNeverStarts_isAbandonedAfterTheJoinTimeoutWhileTheClusterKeepsWriting(@TempDir Path temp)
            throws Exception {
        try (StorageCluster cluster = new StorageCluster(temp, 3, Duration.ofSeconds(4), (i, b) -> b);
             ServerSocket impostor = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RaftStorage a = cluster.bootstrap(0);
            cluster.join(0, 1);
            cluster.awaitVoters(0, "node-0", "node-1");
            // node-2 is added but never started; node-3's port accepts TCP but never speaks Raft
            Peer ghost = cluster.peer(2);
            Peer mute = new Peer("node-3", "127.0.0.1:" + impostor.getLocalPort(), true);
            assertThat(a.addPeer(ghost).peers()).extracting(Peer::id).containsExactly("node-0", "node-1", "node-2");
            assertThat(a.addPeer(mute).peers()).extracting(Peer::id).containsExactly("node-0", "node-1", "node-2", "node-3");
            long start = System.nanoTime();
            int written = 0;
            while (Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(7)) < 0) {
                a.put(new StorageEntry("during/" + written, value(written)));
                written++;
                Thread.sleep(50);
            }
            assertThat(written).isGreaterThan(20);
            assertThat(a.configuration().servers()).extracting(ClusterConfiguration.Server::nodeId)
                    .containsExactly("node-0", "node-1");
            // the abandoned nodes are no longer pending: membership is back to the real members
            assertThat(a.addPeer(cluster.peer(1)).peers()).extracting(Peer::id).containsExactly("node-0", "node-1");
            assertThat(a.isLeader()).isTrue();
            cluster.awaitContents(StorageCluster.contents(a), 1);
        }
    }

    private static byte[] value(int i) {
        return ("value-" + i).getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unused")
    private static int unusedPort() throws IOException {
        return LoopbackPorts.next();
    }
}

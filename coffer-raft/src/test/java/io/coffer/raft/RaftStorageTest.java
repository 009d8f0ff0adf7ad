package io.coffer.raft;

import io.coffer.core.ha.ClusterConfiguration;
import io.coffer.core.ha.ClusterMembership;
import io.coffer.core.ha.Peer;
import io.coffer.sdk.logical.StorageEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** One {@link RaftStorage} node: life before membership, bootstrap, restart as a member. */
@Timeout(90)
class RaftStorageTest {

    @Test
    void beforeMembership_readsAreEmptyWritesAreRefusedAndNothingRuns(@TempDir Path temp) throws Exception {
        try (StorageCluster cluster = StorageCluster.of(temp, 1)) {
            RaftStorage node = cluster.open(0);
            assertThat(node.type()).isEqualTo("raft");
            assertThat(node.nodeId()).isEqualTo("node-0");
            assertThat(node.clusterAddress()).isEqualTo(cluster.address(0));
            assertThat(node.isMember()).isFalse();
            assertThat(node.clusterGroupId()).isEmpty();
            assertThat(node.get("k")).isNull();
            assertThat(node.list("")).isEmpty();
            assertThatThrownBy(() -> node.put(new StorageEntry("k", new byte[] {1})))
                    .isInstanceOf(IllegalStateException.class).hasMessage(RaftStorage.NO_CLUSTER);
            assertThatThrownBy(() -> node.delete("k")).isInstanceOf(IllegalStateException.class).hasMessage(RaftStorage.NO_CLUSTER);
            assertThatThrownBy(() -> node.addPeer(cluster.peer(0))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> node.saveSnapshot(new java.io.ByteArrayOutputStream())).isInstanceOf(IllegalStateException.class);
            assertThat(node.isLeader()).isFalse();
            assertThat(node.leader()).isEmpty();
            assertThat(node.configuration()).isEqualTo(new ClusterConfiguration(0, List.of()));
            assertThat(node.progress()).isEmpty();
            assertThat(node.committedIndex()).isZero();
            assertThat(node.appliedIndex()).isZero();
            assertThat(node.term()).isZero();
            assertThat(node.transferLeadership(Duration.ofSeconds(1))).isFalse();
            // nothing listens on the Raft port, nothing is written but the directory
            assertThat(Files.exists(cluster.directory(0).resolve(MembershipFile.NAME))).isFalse();
            assertThat(Files.exists(cluster.directory(0).resolve("raft"))).isFalse();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cluster.directory(0)))).isEqualTo("rwx------");
        }
    }

    @Test
    void bootstrap_formsAOneMemberClusterThatLeadsAndKeepsItsMembershipAcrossRestarts(@TempDir Path temp) throws Exception {
        try (StorageCluster cluster = StorageCluster.of(temp, 1)) {
            RaftStorage node = cluster.open(0);
            AtomicInteger leadershipEvents = new AtomicInteger();
            node.addLeadershipListener(leadershipEvents::incrementAndGet);
            node.addLeadershipListener(() -> {
                throw new IllegalStateException("a failing listener must not disturb the others");
            });
            node.bootstrap();

            assertThat(node.isMember()).isTrue();
            assertThat(node.isLeader()).isTrue();
            String group = node.clusterGroupId().orElseThrow();
            assertThat(node.leader()).contains(new Peer("node-0", cluster.address(0), true));
            ClusterConfiguration configuration = node.configuration();
            assertThat(configuration.servers()).containsExactly(
                    new ClusterConfiguration.Server("node-0", cluster.address(0), true, true));
            assertThat(node.term()).isPositive();
            await().atMost(Duration.ofSeconds(5)).until(() -> leadershipEvents.get() > 0);

            // bootstrapping again leaves it as it is
            node.bootstrap();
            assertThat(node.clusterGroupId()).contains(group);
            assertThatThrownBy(() -> node.join(new ClusterMembership(group, List.of(cluster.peer(0)))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already a member");

            for (int i = 0; i < 20; i++) {
                node.put(new StorageEntry("k/" + i, ("v" + i).getBytes(StandardCharsets.UTF_8)));
            }
            node.delete("k/0");
            assertThat(node.list("k/")).hasSize(19);
            assertThat(node.committedIndex()).isGreaterThanOrEqualTo(21);
            await().atMost(Duration.ofSeconds(5)).until(() -> node.appliedIndex() == node.committedIndex());
            List<io.coffer.core.ha.PeerProgress> progress = node.progress();
            assertThat(progress).singleElement().satisfies(p -> {
                assertThat(p.leader()).isTrue();
                assertThat(p.peer().id()).isEqualTo("node-0");
                assertThat(p.matchIndex()).isEqualTo(node.committedIndex());
                assertThat(p.term()).isEqualTo(node.term());
            });
            // a one-member cluster has nobody to hand leadership to
            assertThat(node.transferLeadership(Duration.ofSeconds(1))).isFalse();

            Path file = cluster.directory(0).resolve(MembershipFile.NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(file)).contains("\"format_version\" : 1").contains(group).contains("node-0");

            long term = node.term();
            cluster.stop(0);
            RaftStorage again = cluster.open(0);
            assertThat(again.isMember()).isTrue();
            assertThat(again.clusterGroupId()).contains(group);
            assertThat(again.list("k/")).hasSize(19);
            cluster.awaitLeader(0);
            assertThat(again.term()).isGreaterThan(term);
            again.put(new StorageEntry("after", new byte[] {7}));
            assertThat(again.get("after").value()).containsExactly(7);
        }
    }

    @Test
    void open_membershipFileOfAnotherNode_isRefusedClearly(@TempDir Path temp) throws Exception {
        try (StorageCluster cluster = StorageCluster.of(temp, 1)) {
            Files.createDirectories(cluster.directory(0));
            new MembershipFile(java.util.UUID.randomUUID(), "someone-else").write(cluster.directory(0));
            assertThatThrownBy(() -> cluster.open(0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("belongs to node someone-else, not to node node-0");
        }
    }

    @Test
    void join_membershipWithoutThisNodeOrAtAnotherAddress_isRefusedAndLeavesNoMembership(@TempDir Path temp) throws Exception {
        try (StorageCluster cluster = StorageCluster.of(temp, 2)) {
            RaftStorage node = cluster.open(1);
            String group = java.util.UUID.randomUUID().toString();
            assertThatThrownBy(() -> node.join(new ClusterMembership(group, List.of(cluster.peer(0)))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not include node node-1");
            assertThatThrownBy(() -> node.join(new ClusterMembership(group,
                    List.of(new Peer("node-1", "127.0.0.1:1", true)))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its Raft address is");
            assertThatThrownBy(() -> node.join(new ClusterMembership("not-a-uuid", List.of(cluster.peer(1)))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(node.isMember()).isFalse();
            assertThat(Files.exists(cluster.directory(1).resolve(MembershipFile.NAME))).isFalse();
        }
    }
}

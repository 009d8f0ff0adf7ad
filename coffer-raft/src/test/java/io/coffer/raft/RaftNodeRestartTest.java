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
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A node restarted on its directory keeps every acknowledged write and resumes after its store's index. */
@Timeout(60)
class RaftNodeRestartTest {

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

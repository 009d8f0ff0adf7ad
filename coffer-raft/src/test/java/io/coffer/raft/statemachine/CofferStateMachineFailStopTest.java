package io.coffer.raft.statemachine;

import io.coffer.raft.RaftException;
import io.coffer.raft.TestCluster;
import io.coffer.sdk.logical.StorageEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Apply failure is fail-stop: the failing node stops, it never skips the entry, the others go on. */
@Timeout(60)
class CofferStateMachineFailStopTest {

    @Test
    void applyFailure_onFollower_callsFailStopOnceStopsTheNodeAndTheClusterContinues(@TempDir Path temp) throws Exception {
        try (TestCluster cluster = TestCluster.start(temp, 3)) {
            int leader = cluster.awaitLeader(Duration.ofSeconds(10));
            int broken = (leader + 1) % 3;
            int healthy = (leader + 2) % 3;
            var storage = cluster.node(leader).storage();
            storage.put(new StorageEntry("before", bytes("1")));
            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.node(broken).storage().get("before") != null);
            long appliedBefore = cluster.node(broken).stateMachine().appliedIndex().index();

            // the follower's store fails underneath its state machine (as on an I/O error)
            cluster.node(broken).stateMachine().storeForTesting().close();
            storage.put(new StorageEntry("after", bytes("secret-value-2")));
            storage.put(new StorageEntry("later", bytes("secret-value-3")));

            await().atMost(Duration.ofSeconds(10)).until(() -> !cluster.failStop(broken).reasons().isEmpty());
            assertThat(cluster.failStop(broken).reasons()).singleElement().asString()
                    .contains("node-" + broken).contains("cannot apply the Raft log entry at term")
                    .doesNotContain("secret-value");
            assertThat(cluster.node(broken).stateMachine().hasFailed()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> !cluster.node(broken).isRunning());
            assertThatThrownBy(() -> cluster.node(broken).stateMachine().appliedIndex())
                    .isInstanceOf(RaftException.class);

            // the healthy majority keeps committing
            storage.put(new StorageEntry("still", bytes("4")));
            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.node(healthy).storage().get("still") != null);
            assertThat(cluster.failStop(leader).reasons()).isEmpty();
            assertThat(cluster.failStop(healthy).reasons()).isEmpty();

            // restarted on its directory, the node resumes from the last entry it did apply
            cluster.stop(broken);
            cluster.restart(broken);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(TestCluster.snapshotOf(cluster.node(broken).storage()))
                            .isEqualTo(TestCluster.snapshotOf(storage)));
            assertThat(cluster.node(broken).stateMachine().appliedIndex().index()).isGreaterThan(appliedBefore);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

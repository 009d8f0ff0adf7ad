package io.coffer.raft;

import io.coffer.core.storage.StorageContractTest;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.storage.file.Mutation;
import org.apache.ratis.protocol.RaftClientReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The storage contract on the raft backend of a single-node cluster (the node is its own
 * majority, so every write goes through the Ratis log, commit and apply), plus the backend's own
 * refusals. One node serves the whole class; each test starts from an emptied store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class RaftPhysicalBackendContractTest extends StorageContractTest {
    private TestCluster cluster;
    private RaftPhysicalBackend backend;

    @BeforeAll
    void startNode(@TempDir Path temp) throws Exception {
        cluster = TestCluster.start(temp, 1);
        cluster.awaitLeader(Duration.ofSeconds(10));
        backend = cluster.node(0).storage();
    }

    @AfterAll
    void stopNode() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    protected Storage newStorage() {
        List<Mutation> wipe = new ArrayList<>();
        for (String key : TestCluster.contents(backend, "").keySet()) {
            wipe.add(Mutation.delete(key));
        }
        for (int from = 0; from < wipe.size(); from += 100) {
            backend.apply(wipe.subList(from, Math.min(wipe.size(), from + 100)));
        }
        assertThat(backend.list("")).isEmpty();
        return backend;
    }

    @Test
    void type_isRaft() {
        assertThat(backend.type()).isEqualTo("raft");
    }

    @Test
    void apply_batch_appliesInOrderAsOneWrite() {
        long before = cluster.node(0).stateMachine().appliedIndex().index();
        backend.apply(List.of(
                Mutation.put("batch/a", bytes("1")),
                Mutation.put("batch/b", bytes("2")),
                Mutation.delete("batch/a")));
        assertThat(backend.list("batch/")).containsExactly("b");
        // Ratis may interleave its own (metadata) entries, so the index grows by one or more
        assertThat(cluster.node(0).stateMachine().appliedIndex().index()).isGreaterThan(before);
    }

    @Test
    void apply_emptyBatch_writesNothing() {
        long before = cluster.node(0).stateMachine().appliedIndex().index();
        backend.apply(List.of());
        assertThat(cluster.node(0).stateMachine().appliedIndex().index()).isEqualTo(before);
    }

    @Test
    void put_entryAboveMaxEntrySize_isRefusedWithoutWriting() {
        long before = cluster.node(0).stateMachine().appliedIndex().index();
        assertThatThrownBy(() -> backend.put(new StorageEntry("big", new byte[1024 * 1024])))
                .isInstanceOf(EntryTooLargeException.class)
                .hasMessageContaining("above the limit of 1048576 bytes");
        assertThat(backend.get("big")).isNull();
        assertThat(cluster.node(0).stateMachine().appliedIndex().index()).isEqualTo(before);
    }

    @Test
    void put_keyThatIsNotUnicode_isRefusedBeforeTheLog() {
        assertThatThrownBy(() -> backend.put(new StorageEntry("bad\uD800key", bytes("v"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cluster.node(0).stateMachine().hasFailed()).isFalse();
        assertThat(cluster.failStop(0).reasons()).isEmpty();
    }

    @Test
    void submit_malformedPayload_isRefusedByTheLeaderBeforeTheLog() throws Exception {
        long before = cluster.node(0).stateMachine().appliedIndex().index();
        RaftClientReply reply = cluster.node(0).submit(new byte[] {9, 0, 0}).get(10, TimeUnit.SECONDS);
        assertThat(reply.isSuccess()).isFalse();
        assertThat(reply.getStateMachineException()).hasMessageContaining("format version 9");
        assertThat(cluster.failStop(0).reasons()).isEmpty();
        assertThat(cluster.node(0).isRunning()).isTrue();
        backend.put(new StorageEntry("fine", bytes("v")));
        assertThat(cluster.node(0).stateMachine().appliedIndex().index()).isGreaterThan(before);
    }

    @Test
    void put_afterManySnapshots_readsStayConsistent() {
        for (int i = 0; i < 20; i++) {
            backend.put(new StorageEntry("snap/" + i, bytes("v" + i)));
        }
        long index = cluster.node(0).takeSnapshot(Duration.ofSeconds(10));
        assertThat(index).isEqualTo(cluster.node(0).stateMachine().appliedIndex().index());
        backend.put(new StorageEntry("snap/after", bytes("x")));
        Map<String, byte[]> all = TestCluster.contents(backend, "snap/");
        assertThat(all).hasSize(21);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

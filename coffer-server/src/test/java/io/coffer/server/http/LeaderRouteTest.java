package io.coffer.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.ha.LeaderStatus;
import io.coffer.core.ha.NodeRole;
import io.coffer.sdk.logical.exception.SealedException;
import io.coffer.server.cluster.CoreClusterView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sys/leader} and {@code sys/step-down}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaderRouteTest {
    private final TestClient http = new TestClient();
    private final StubClusterView view = new StubClusterView(NodeRole.ACTIVE, null);
    private TestCores.Unsealed core;
    private FrontNode node;

    @BeforeAll
    void start() throws Exception {
        core = TestCores.unsealed();
        node = FrontNode.start(core.core(), view);
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    @Test
    void leader_activeRaftNode_reportsEveryFieldInVaultsOrder() throws Exception {
        view.leaderStatus(() -> new LeaderStatus(true, true, Optional.of(Instant.parse("2024-05-01T10:00:00.123Z")),
                "https://10.0.0.1:8200", "https://10.0.0.1:8201", 142, 141));

        TestClient.Reply r = http.get(node.address() + "/v1/sys/leader");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("{\"ha_enabled\":true,\"is_self\":true,\"active_time\":\"2024-05-01T10:00:00.123Z\","
                + "\"leader_address\":\"https://10.0.0.1:8200\",\"leader_cluster_address\":\"https://10.0.0.1:8201\","
                + "\"performance_standby\":false,\"performance_standby_last_remote_wal\":0,"
                + "\"raft_committed_index\":142,\"raft_applied_index\":141}");
    }

    @Test
    void leader_unknownActiveTimeAndZeroIndexes_zeroTimeAndIndexesOmitted() throws Exception {
        view.leaderStatus(() -> new LeaderStatus(true, false, Optional.empty(), "https://10.0.0.2:8200", "", 0, 0));

        JsonNode b = http.get(node.address() + "/v1/sys/leader").json();

        assertThat(b.path("active_time").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(b.path("is_self").asBoolean(true)).isFalse();
        assertThat(b.has("raft_committed_index")).isFalse();
        assertThat(b.has("raft_applied_index")).isFalse();
    }

    @Test
    void leader_wholeSecondActiveTime_isRfc3339WithoutFraction() throws Exception {
        view.leaderStatus(() -> new LeaderStatus(true, true, Optional.of(Instant.parse("2024-05-01T10:00:00Z")), "", "", 5, 0));

        JsonNode b = http.get(node.address() + "/v1/sys/leader").json();

        assertThat(b.path("active_time").asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(b.path("raft_committed_index").asLong()).isEqualTo(5);
        assertThat(b.has("raft_applied_index")).isFalse();
    }

    @Test
    void leader_sealedHaNode_is503VaultIsSealed() throws Exception {
        view.leaderStatus(() -> { throw new SealedException(); });

        TestClient.Reply r = http.get(node.address() + "/v1/sys/leader");

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.text()).isEqualTo("{\"errors\":[\"Vault is sealed\"]}");
    }

    @Test
    void leader_coreWithoutHa_reportsHaDisabled() throws Exception {
        try (FrontNode plain = FrontNode.start(core.core(), new CoreClusterView(core.core()))) {
            JsonNode b = http.get(plain.address() + "/v1/sys/leader").json();

            assertThat(b.path("ha_enabled").asBoolean(true)).isFalse();
            assertThat(b.path("leader_address").asText()).isEmpty();
            assertThat(b.path("active_time").asText()).isEqualTo("0001-01-01T00:00:00Z");
        }
    }

    @Test
    void leader_wrongVerb_is405() throws Exception {
        assertThat(http.send("PUT", node.address() + "/v1/sys/leader", "{}").status()).isEqualTo(405);
    }

    @Test
    void stepDown_rootToken_is204_badToken_is403_get_is405() throws Exception {
        view.role(NodeRole.ACTIVE);
        List<Integer> statuses = new ArrayList<>();
        statuses.add(http.send("PUT", node.address() + "/v1/sys/step-down", (String) null, "X-Vault-Token", core.rootToken()).status());
        statuses.add(http.send("POST", node.address() + "/v1/sys/step-down", (String) null, "X-Vault-Token", "hvs.nope").status());
        statuses.add(http.get(node.address() + "/v1/sys/step-down", "X-Vault-Token", core.rootToken()).status());

        assertThat(statuses).containsExactly(204, 403, 405);
    }
}

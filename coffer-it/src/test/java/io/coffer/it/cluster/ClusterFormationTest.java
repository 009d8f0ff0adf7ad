package io.coffer.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.it.cli.CliSession;
import io.coffer.it.http.VaultHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.vault.support.Versioned;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A three-process cluster formed the way an operator does it: init on node 1, nodes 2 and 3 join
 * through {@code retry_join} and are unsealed with the cluster's keys. Then every node serves
 * clients: standbys forward writes and reads to the active node, or redirect when asked not to
 * forward; Spring Vault and the CLI work against a standby.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFormationTest {
    private static ClusterFixture cluster;
    private static int active;

    @BeforeAll
    static void up() throws Exception {
        cluster = ClusterFixture.start();
        active = cluster.awaitActive(Duration.ofSeconds(30));
    }

    @AfterAll
    static void down() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static int standby() {
        return (active + 1) % 3;
    }

    @Test
    @Order(1)
    void health_oneActiveTwoStandbys_withStandbyOkAllHealthy() {
        int actives = 0;
        int standbys = 0;
        for (int i = 0; i < 3; i++) {
            VaultHttp.Result r = cluster.http(i).get("sys/health").send();
            JsonNode body = r.json();
            if (r.status() == 200) {
                actives++;
                assertThat(body.get("standby").asBoolean()).isFalse();
            } else {
                assertThat(r.status()).isEqualTo(429);
                assertThat(body.get("standby").asBoolean()).isTrue();
                standbys++;
            }
            assertThat(body.get("sealed").asBoolean()).isFalse();
            assertThat(cluster.http(i).raw("GET", "/v1/sys/health?standbyok=true&drsecondaryok=true").send().status())
                    .isEqualTo(200);
        }
        assertThat(actives).isEqualTo(1);
        assertThat(standbys).isEqualTo(2);
    }

    @Test
    @Order(2)
    void leader_everyNodeNamesTheSameActiveNode() {
        Set<String> leaders = new HashSet<>();
        int self = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode l = cluster.http(i).get("sys/leader").send().json();
            assertThat(l.get("ha_enabled").asBoolean()).isTrue();
            leaders.add(l.get("leader_address").asText());
            if (l.get("is_self").asBoolean()) {
                self++;
                assertThat(i).isEqualTo(active);
            }
            assertThat(l.get("raft_applied_index").asLong()).isPositive();
        }
        assertThat(leaders).containsExactly(cluster.address(active));
        assertThat(self).isEqualTo(1);
    }

    @Test
    @Order(3)
    void writeThroughStandby_readsBackThroughEveryNode() {
        String token = cluster.rootToken();
        VaultHttp.Result w = cluster.http(standby()).post("secret/data/app/db", "{\"data\":{\"password\":\"s3cr3t\"}}")
                .token(token).send();
        assertThat(w.status()).as(w.text()).isEqualTo(200);
        assertThat(w.json().at("/data/version").asInt()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            VaultHttp.Result r = cluster.http(i).get("secret/data/app/db").token(token).send();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().at("/data/data/password").asText()).isEqualTo("s3cr3t");
        }
    }

    @Test
    @Order(4)
    void standbyAskedNotToForward_redirectsToTheActiveNodeWithPathAndQuery() {
        VaultHttp.Result r = cluster.http(standby()).raw("GET", "/v1/secret/data/app/db?version=1")
                .token(cluster.rootToken()).header("X-Vault-No-Request-Forwarding", "true").send();
        assertThat(r.status()).isEqualTo(307);
        assertThat(r.header("Location")).isEqualTo(cluster.address(active) + "/v1/secret/data/app/db?version=1");
    }

    @Test
    @Order(5)
    void cidrBoundToken_throughAStandby_isCheckedAgainstTheRealClient_notTheStandby() throws Exception {
        VaultHttp.Result role = cluster.http(active).post("auth/token/roles/bound",
                "{\"token_bound_cidrs\":[\"127.0.0.2/32\"]}").token(cluster.rootToken()).send();
        assertThat(role.status()).as(role.text()).isEqualTo(204);
        VaultHttp.Result created = cluster.http(active).post("auth/token/create/bound", "{\"policies\":[\"default\"]}")
                .token(cluster.rootToken()).send();
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        String token = created.json().at("/auth/client_token").asText();
        int port = java.net.URI.create(cluster.address(standby())).getPort();

        assertThat(statusFrom("127.0.0.2", port, token)).isEqualTo(200);
        assertThat(statusFrom("127.0.0.1", port, token)).isEqualTo(403);
        // a client cannot claim an address itself
        assertThat(statusFrom("127.0.0.1", port, token, "X-Coffer-Client-Address: 127.0.0.2;"
                + (System.currentTimeMillis() / 1000) + ";forged")).isEqualTo(403);
    }

    /** The status of {@code GET auth/token/lookup-self} sent from local address {@code from}. */
    private static int statusFrom(String from, int port, String token, String... headers) throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(from, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(15_000);
            StringBuilder req = new StringBuilder("GET /v1/auth/token/lookup-self HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Vault-Token: " + token + "\r\nConnection: close\r\n");
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            socket.getOutputStream().write(req.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    @Order(5)
    void standbyForwarding_relaysErrorsExactly() {
        VaultHttp.Result missing = cluster.http(standby()).get("secret/data/none").token(cluster.rootToken()).send();
        assertThat(missing.status()).isEqualTo(404);
        VaultHttp.Result denied = cluster.http(standby()).get("secret/data/app/db").token("hvs.nottoken").send();
        VaultHttp.Result direct = cluster.http(active).get("secret/data/app/db").token("hvs.nottoken").send();
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errors()).isEqualTo(direct.errors());
        assertThat(denied.errors().get(0)).contains("permission denied");
    }

    @Test
    @Order(6)
    void springVault_againstAStandby_writesAndReadsVersions() throws Exception {
        VaultTemplate template = new VaultTemplate(VaultEndpoint.from(URI.create(cluster.address(standby()))),
                new TokenAuthentication(cluster.rootToken()));
        try {
            VaultVersionedKeyValueOperations kv = template.opsForVersionedKeyValue("secret");
            kv.put("spring/app", Map.of("user", "alice"));
            kv.put("spring/app", Map.of("user", "bob"));
            Versioned<Map<String, Object>> latest = kv.get("spring/app");
            assertThat(latest.getVersion().getVersion()).isEqualTo(2);
            assertThat(latest.getData()).containsEntry("user", "bob");
            Versioned<Map<String, Object>> first = kv.get("spring/app", Versioned.Version.from(1));
            assertThat(first.getData()).containsEntry("user", "alice");
        } finally {
            template.destroy();
        }
    }

    @Test
    @Order(7)
    void raftConfigurationAutopilotAndHaStatus_listAllThreeMembers() {
        JsonNode config = cluster.http(standby()).get("sys/storage/raft/configuration").token(cluster.rootToken())
                .send().json().at("/data/config/servers");
        assertThat(config).hasSize(3);
        int leaders = 0;
        for (JsonNode s : config) {
            assertThat(s.get("voter").asBoolean()).isTrue();
            leaders += s.get("leader").asBoolean() ? 1 : 0;
        }
        assertThat(leaders).isEqualTo(1);

        JsonNode autopilot = cluster.http(0).get("sys/storage/raft/autopilot/state").token(cluster.rootToken())
                .send().json().get("data");
        assertThat(autopilot.get("healthy").asBoolean()).isTrue();
        assertThat(autopilot.get("failure_tolerance").asInt()).isEqualTo(1);
        assertThat(autopilot.get("voters")).hasSize(3);

        JsonNode nodes = cluster.http(standby()).get("sys/ha-status").token(cluster.rootToken()).send().json().get("nodes");
        Map<String, Boolean> byAddress = new HashMap<>();
        nodes.forEach(n -> byAddress.put(n.get("api_address").asText(), n.get("active_node").asBoolean()));
        assertThat(byAddress).containsOnlyKeys(cluster.address(0), cluster.address(1), cluster.address(2));
        assertThat(byAddress.get(cluster.address(active))).isTrue();
    }

    @Test
    @Order(8)
    void cli_againstAStandby_listsPeersMembersAndStatus() {
        CliSession cli = cli(cluster.address(standby()));
        CliSession.Result peers = cli.run("operator", "raft", "list-peers");
        assertThat(peers.exitCode()).as(peers.err()).isZero();
        assertThat(peers.out()).contains("node1", "node2", "node3", "leader", "follower");

        CliSession.Result members = cli.run("operator", "members");
        assertThat(members.exitCode()).as(members.err()).isZero();
        assertThat(members.out()).contains(cluster.address(0), cluster.address(1), cluster.address(2));

        CliSession.Result status = cli.run("status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("HA Enabled", "standby", cluster.address(active));
    }

    @Test
    @Order(9)
    void snapshot_saveThenRestore_bringsBackTheSavedState() throws Exception {
        String token = cluster.rootToken();
        cluster.http(active).post("secret/data/snap", "{\"data\":{\"v\":\"before\"}}").token(token).send();
        Path file = cluster.directory().resolve("backup.snap");
        CliSession cli = cli(cluster.address(standby()));
        CliSession.Result save = cli.run("operator", "raft", "snapshot", "save", file.toString());
        assertThat(save.exitCode()).as(save.err()).isZero();
        assertThat(Files.size(file)).isPositive();

        cluster.http(active).post("secret/data/snap", "{\"data\":{\"v\":\"after\"}}").token(token).send();
        cluster.http(active).post("secret/data/only-after", "{\"data\":{\"v\":\"x\"}}").token(token).send();

        CliSession.Result restore = cli(cluster.address(active)).run("operator", "raft", "snapshot", "restore",
                file.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();

        ClusterFixture.await(() -> {
            VaultHttp.Result r = cluster.http(standby()).get("secret/data/snap").token(token).send();
            return r.status() == 200 && r.json().at("/data/data/v").asText().equals("before");
        }, Duration.ofSeconds(20), "the restored value through a standby");
        assertThat(cluster.http(active).get("secret/data/only-after").token(token).send().status()).isEqualTo(404);
    }

    @Test
    @Order(10)
    void stranger_withAnotherClustersKeysOrAForgedAnswer_cannotJoin() throws Exception {
        try (InProcessRaftNode other = InProcessRaftNode.start(cluster.directory(), "other");
             InProcessRaftNode stranger = InProcessRaftNode.start(cluster.directory(), "stranger")) {
            List<String> otherKeys = other.initAndUnseal();
            VaultHttp.Result join = stranger.http().post("sys/storage/raft/join",
                    "{\"leader_api_addr\":\"" + cluster.address(standby()) + "\"}").send();
            assertThat(join.status()).as(join.text()).isEqualTo(200);
            assertThat(join.json().get("joined").asBoolean()).isTrue();
            VaultHttp.Result last = null;
            for (int i = 0; i < 3; i++) {
                last = stranger.http().put("sys/unseal", "{\"key\":\"" + otherKeys.get(i) + "\"}").send();
            }
            assertThat(last.status()).isEqualTo(400);
            assertThat(last.errors().get(0)).contains("unseal");

            VaultHttp.Result forged = cluster.http(active).post("sys/storage/raft/bootstrap/answer",
                    "{\"server_id\":\"stranger\",\"answer\":\"" + java.util.Base64.getEncoder().encodeToString(new byte[32])
                            + "\",\"cluster_addr\":\"127.0.0.1:1\"}").send();
            assertThat(forged.status()).isEqualTo(400);
            assertThat(forged.errors()).containsExactly("invalid answer given");
        }
        JsonNode servers = cluster.http(active).get("sys/storage/raft/configuration").token(cluster.rootToken())
                .send().json().at("/data/config/servers");
        assertThat(servers).hasSize(3);
    }

    @Test
    @Order(11)
    void sealedActiveNode_handsLeadershipToAnUnsealedNode() throws Exception {
        int sealed = active;
        VaultHttp.Result r = cluster.http(sealed).put("sys/seal", "").token(cluster.rootToken()).send();
        assertThat(r.status()).isEqualTo(204);
        assertThat(cluster.health(sealed)).isEqualTo(503);
        active = cluster.awaitActive(Duration.ofSeconds(20));
        assertThat(active).isNotEqualTo(sealed);
        cluster.cluster().unseal(sealed);
        ClusterFixture.await(() -> cluster.health(sealed) == 429, Duration.ofSeconds(20), "the unsealed node to stand by");
    }

    @Test
    @Order(12)
    void stepDown_anotherNodeBecomesActive() {
        VaultHttp.Result r = cluster.http(standby()).put("sys/step-down", "").token(cluster.rootToken()).send();
        assertThat(r.status()).as(r.text()).isEqualTo(204);
        int before = active;
        ClusterFixture.await(() -> cluster.health(before) == 429, Duration.ofSeconds(20), "the old active node to stand by");
        active = cluster.awaitActive(Duration.ofSeconds(20));
        assertThat(active).isNotEqualTo(before);
        assertThat(cluster.http(before).get("secret/data/app/db").token(cluster.rootToken()).send().status()).isEqualTo(200);
    }

    @Test
    @Order(20)
    void snapshotOfAnotherCluster_refusedWithoutForce_forcedItNeedsThatClustersKeys() throws Exception {
        String token = cluster.rootToken();
        try (InProcessRaftNode other = InProcessRaftNode.start(cluster.directory(), "donor")) {
            List<String> otherKeys = other.initAndUnseal();
            String otherToken = otherKeys.get(otherKeys.size() - 1);
            other.http().post("sys/mounts/secret", "{\"type\":\"kv\",\"options\":{\"version\":\"2\"}}").token(otherToken).send();
            assertThat(other.http().post("secret/data/from-other", "{\"data\":{\"site\":\"dr\"}}").token(otherToken)
                    .send().status()).isEqualTo(200);
            byte[] snapshot = other.http().get("sys/storage/raft/snapshot").token(otherToken).send().bytes();

            VaultHttp.Result refused = cluster.http(active).post("sys/storage/raft/snapshot", "")
                    .body(java.net.http.HttpRequest.BodyPublishers.ofByteArray(snapshot)).token(token).send();
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errors().get(0)).contains("different cluster");
            assertThat(cluster.http(active).get("secret/data/app/db").token(token).send().status()).isEqualTo(200);

            VaultHttp.Result forced = cluster.http(active).post("sys/storage/raft/snapshot-force", "")
                    .body(java.net.http.HttpRequest.BodyPublishers.ofByteArray(snapshot)).token(token).send();
            assertThat(forced.status()).as(forced.text()).isEqualTo(204);
            for (int i = 0; i < 3; i++) {
                int node = i;
                ClusterFixture.await(() -> cluster.health(node) == 503, Duration.ofSeconds(20),
                        "node " + i + " to seal: its keys no longer open the restored keyring");
            }
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    cluster.http(i).put("sys/unseal", "{\"key\":\"" + otherKeys.get(k) + "\"}").send();
                }
            }
            active = cluster.awaitActive(Duration.ofSeconds(30));
            VaultHttp.Result read = cluster.http(standby()).get("secret/data/from-other").token(otherToken).send();
            assertThat(read.status()).as(read.text()).isEqualTo(200);
            assertThat(read.json().at("/data/data/site").asText()).isEqualTo("dr");
            assertThat(cluster.http(active).get("secret/data/app/db").token(token).send().status()).isEqualTo(403);
        }
    }

    private static CliSession cli(String address) {
        return new CliSession(address, cluster.rootToken(), cluster.directory());
    }
}

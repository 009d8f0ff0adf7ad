package io.coffer.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.core.ha.ClusterMembership;
import io.coffer.core.ha.JoinChallenge;
import io.coffer.core.ha.JoinTransport.JoinException;
import io.coffer.core.ha.LeaderTarget;
import io.coffer.core.ha.Peer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpJoinTransportTest {
    private static final String CHALLENGE_OK = "{\"challenge\":\"" + b64("sealed-challenge") + "\",\"seal_config\":\"" + b64("{\"shares\":1}") + "\"}";
    private static final String ANSWER_OK = """
            {"group_id":"7f1b6c1e-group","peers":[{"id":"node-1","address":"10.0.0.1:8201","voter":true},
             {"id":"node-2","address":"10.0.0.2:8201","voter":false}]}""";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpJoinTransport transport = new HttpJoinTransport(json, Duration.ofSeconds(5));
    private TestPki pki;
    private TestPki clientPki;
    private TestPki.Issued clientCert;
    private JoinTestServer plain;
    private JoinTestServer https;
    private JoinTestServer namedOnly;
    private JoinTestServer mutual;

    @BeforeAll
    void start() throws Exception {
        pki = new TestPki("coffer-test-ca");
        clientPki = new TestPki("coffer-client-ca");
        clientCert = clientPki.issue("node-2");
        plain = new JoinTestServer(null);
        https = new JoinTestServer(TestPki.serverTls(pki.issue("127.0.0.1", "localhost"), null));
        namedOnly = new JoinTestServer(TestPki.serverTls(pki.issue("leader.coffer.test"), null));
        mutual = new JoinTestServer(TestPki.serverTls(pki.issue("127.0.0.1"), clientPki));
        for (JoinTestServer s : new JoinTestServer[]{plain, https, namedOnly, mutual}) {
            s.reply("challenge", JoinTestServer.Reply.json(200, CHALLENGE_OK));
            s.reply("answer", JoinTestServer.Reply.json(200, ANSWER_OK));
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{plain, https, namedOnly, mutual}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void challenge_leaderAnswers_decodesChallengeAndSealConfigAndSendsServerId() throws Exception {
        JoinChallenge c = transport.challenge(target(plain.address()), "node-2");

        assertThat(new String(c.challenge(), StandardCharsets.UTF_8)).isEqualTo("sealed-challenge");
        assertThat(new String(c.sealConfig(), StandardCharsets.UTF_8)).isEqualTo("{\"shares\":1}");
        assertThat(json.readTree(plain.receivedBody("challenge"))).isEqualTo(json.readTree("{\"server_id\":\"node-2\"}"));
        assertThat(plain.receivedHeaders("challenge")).contains("Content-Type: application/json");
    }

    @Test
    void answer_leaderAnswers_returnsMembershipAndSendsEveryField() throws Exception {
        ClusterMembership m = transport.answer(target(plain.address() + "/"), "node-2",
                "opened".getBytes(StandardCharsets.UTF_8), "10.0.0.2:8201", "https://10.0.0.2:8200", true);

        assertThat(m.groupId()).isEqualTo("7f1b6c1e-group");
        assertThat(m.peers()).containsExactly(new Peer("node-1", "10.0.0.1:8201", true), new Peer("node-2", "10.0.0.2:8201", false));
        JsonNode sent = json.readTree(plain.receivedBody("answer"));
        assertThat(sent.path("server_id").asText()).isEqualTo("node-2");
        assertThat(Base64.getDecoder().decode(sent.path("answer").asText())).isEqualTo("opened".getBytes(StandardCharsets.UTF_8));
        assertThat(sent.path("cluster_addr").asText()).isEqualTo("10.0.0.2:8201");
        assertThat(sent.path("api_addr").asText()).isEqualTo("https://10.0.0.2:8200");
        assertThat(sent.path("non_voter").asBoolean(false)).isTrue();
    }

    @Test
    void challenge_leaderRefusesWithVaultErrors_messageNamesLeaderStatusAndErrors() throws Exception {
        try (JoinTestServer s = new JoinTestServer(null)) {
            s.reply("challenge", JoinTestServer.Reply.json(400, "{\"errors\":[\"raft storage is not in use\"]}"));

            assertThatThrownBy(() -> transport.challenge(target(s.address()), "node-2"))
                    .isInstanceOf(JoinException.class)
                    .hasMessageContaining(s.address())
                    .hasMessageContaining("HTTP 400")
                    .hasMessageContaining("raft storage is not in use");
        }
    }

    @Test
    void challenge_leaderFailsWithoutEnvelope_messageHasStatusButNotTheBody() throws Exception {
        try (JoinTestServer s = new JoinTestServer(null)) {
            s.reply("challenge", new JoinTestServer.Reply(502, "text/plain", "upstream said c2VjcmV0", 0));

            assertThatThrownBy(() -> transport.challenge(target(s.address()), "node-2"))
                    .isInstanceOf(JoinException.class)
                    .hasMessageContaining("HTTP 502")
                    .hasMessageNotContaining("c2VjcmV0");
        }
    }

    @Test
    void challenge_answerIsNotTheExpectedJson_invalidResponseWithoutBody() throws Exception {
        try (JoinTestServer s = new JoinTestServer(null)) {
            s.reply("challenge", JoinTestServer.Reply.json(200, "{\"challenge\":\"!!notbase64\",\"seal_config\":\"c2VjcmV0\"}"));

            assertThatThrownBy(() -> transport.challenge(target(s.address()), "node-2"))
                    .isInstanceOf(JoinException.class)
                    .hasMessageContaining("invalid response")
                    .hasMessageNotContaining("c2VjcmV0");
        }
    }

    @Test
    void answer_peersMissing_invalidResponse() throws Exception {
        try (JoinTestServer s = new JoinTestServer(null)) {
            s.reply("answer", JoinTestServer.Reply.json(200, "{\"group_id\":\"g\"}"));

            assertThatThrownBy(() -> transport.answer(target(s.address()), "n", new byte[]{1}, "h:1", "http://h:2", false))
                    .isInstanceOf(JoinException.class)
                    .hasMessageContaining("invalid response");
        }
    }

    @Test
    void challenge_nothingListens_messageNamesLeader() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String address = "http://127.0.0.1:" + port;

        assertThatThrownBy(() -> transport.challenge(target(address), "node-2"))
                .isInstanceOf(JoinException.class)
                .hasMessageContaining("cannot reach leader " + address);
    }

    @Test
    void challenge_leaderTooSlow_timesOut() throws Exception {
        try (JoinTestServer s = new JoinTestServer(null)) {
            s.reply("challenge", new JoinTestServer.Reply(200, "application/json", CHALLENGE_OK, 10_000));
            HttpJoinTransport impatient = new HttpJoinTransport(json, Duration.ofMillis(300));

            assertThatThrownBy(() -> impatient.challenge(target(s.address()), "node-2"))
                    .isInstanceOf(JoinException.class)
                    .hasMessageContaining(s.address());
        }
    }

    @Test
    void challenge_repeatedExchanges_leaveNoClientThreadsBehind() throws Exception {
        for (int i = 0; i < 3; i++) {
            transport.challenge(target(plain.address()), "node-2");
        }

        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith("coffer-join")))
                .isEmpty();
    }

    @Test
    void challenge_httpsWithLeaderCa_succeeds() {
        JoinChallenge c = transport.challenge(new LeaderTarget(https.address(), pki.caPem(), "", "", ""), "node-2");

        assertThat(new String(c.challenge(), StandardCharsets.UTF_8)).isEqualTo("sealed-challenge");
    }

    @Test
    void challenge_httpsWithoutCa_refusesUntrustedCertificate() {
        assertThatThrownBy(() -> transport.challenge(target(https.address()), "node-2"))
                .isInstanceOf(JoinException.class)
                .hasMessageContaining("cannot reach leader " + https.address());
    }

    @Test
    void challenge_certificateOnlyForServerName_verifiesAgainstTlsServerName() {
        LeaderTarget named = new LeaderTarget(namedOnly.address(), pki.caPem(), "", "", "leader.coffer.test");
        LeaderTarget unnamed = new LeaderTarget(namedOnly.address(), pki.caPem(), "", "", "");

        assertThat(transport.challenge(named, "node-2").challenge()).isNotEmpty();
        assertThatThrownBy(() -> transport.challenge(unnamed, "node-2")).isInstanceOf(JoinException.class);
    }

    @Test
    void challenge_leaderRequiresClientCertificate_succeedsOnlyWithIt() {
        LeaderTarget withCert = new LeaderTarget(mutual.address(), pki.caPem(), clientCert.certPem(), clientCert.keyPem(), "");
        LeaderTarget withoutCert = new LeaderTarget(mutual.address(), pki.caPem(), "", "", "");

        assertThat(transport.challenge(withCert, "node-2").challenge()).isNotEmpty();
        assertThatThrownBy(() -> transport.challenge(withoutCert, "node-2")).isInstanceOf(JoinException.class);
    }

    @Test
    void challenge_invalidAddressOrPem_failsWithoutCallingAndWithoutQuotingPem() {
        assertThatThrownBy(() -> transport.challenge(target("ftp://127.0.0.1:1"), "n"))
                .isInstanceOf(JoinException.class).hasMessageContaining("leader_api_addr");
        assertThatThrownBy(() -> transport.challenge(new LeaderTarget(https.address(), "-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----\n", "", "", ""), "n"))
                .isInstanceOf(JoinException.class).hasMessageContaining("leader_ca_cert").hasMessageNotContaining("bm9wZQ");
        assertThatThrownBy(() -> transport.challenge(new LeaderTarget(https.address(), pki.caPem(), "", clientCert.keyPem(), ""), "n"))
                .isInstanceOf(JoinException.class).hasMessageContaining("leader_client_cert and leader_client_key");
    }

    private static LeaderTarget target(String address) {
        return new LeaderTarget(address, "", "", "", "");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}

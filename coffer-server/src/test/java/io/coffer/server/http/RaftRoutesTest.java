package io.coffer.server.http;

import io.coffer.core.ha.NodeRole;
import io.coffer.server.cluster.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sys/storage/raft/join}, {@code bootstrap/challenge|answer} and {@code snapshot[-force]}
 * on an active node: request validation and verbs. The core has no Raft storage here, so a
 * request that passes validation ends in the core's 400 {@code raft storage is not in use}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RaftRoutesTest {
    private static final String NO_RAFT = "{\"errors\":[\"raft storage is not in use\"]}";

    private final TestClient http = new TestClient();
    private TestCores.Unsealed core;
    private FrontNode node;
    private TestPki pki;

    @BeforeAll
    void start() throws Exception {
        core = TestCores.unsealed();
        node = FrontNode.start(core.core(), new StubClusterView(NodeRole.ACTIVE, null));
        pki = new TestPki("join-ca");
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "''                                                                  | leader_api_addr must be provided",
            "{}                                                                  | leader_api_addr must be provided",
            "{\"leader_api_addr\":\"  \"}                                        | leader_api_addr must be provided",
            "{\"auto_join\":\"provider=aws tag_key=x\"}                          | auto_join is not supported",
            "{\"leader_api_addr\":\"https://h:8200\",\"auto_join_scheme\":\"https\"} | auto_join is not supported",
            "{\"leader_api_addr\":\"https://h:8200\",\"auto_join_port\":8200}    | auto_join is not supported",
            "{\"leader_api_addr\":\"10.0.0.1:8200\"}                             | leader_api_addr must be an http or https URL",
            "{\"leader_api_addr\":\"ftp://10.0.0.1\"}                            | leader_api_addr must be an http or https URL",
            "{\"leader_api_addr\":\"https://h:8200\",\"leader_ca_cert\":\"nope\"} | leader_ca_cert holds no PEM certificate",
            "{\"leader_api_addr\":\"https://h:8200\",\"non_voter\":\"maybe\"}    | ''"})
    void join_invalidRequest_is400WithoutToken(String body, String message) throws Exception {
        TestClient.Reply r = http.send("POST", node.address() + "/v1/sys/storage/raft/join", body);

        assertThat(r.status()).isEqualTo(400);
        if (!message.isEmpty()) {
            assertThat(r.text()).isEqualTo("{\"errors\":[\"" + message + "\"]}");
        }
    }

    @Test
    void join_goClientShapeWithEmptyAutoJoinFields_passesValidationToTheCore() throws Exception {
        String body = "{\"auto_join\":\"\",\"auto_join_scheme\":\"\",\"auto_join_port\":0,\"leader_api_addr\":\"https://10.0.0.1:8200\","
                + "\"leader_ca_cert\":" + json(pki.caPem()) + ",\"leader_client_cert\":\"\",\"leader_client_key\":\"\","
                + "\"leader_tls_servername\":\"\",\"retry\":false,\"non_voter\":false}";

        TestClient.Reply r = http.send("PUT", node.address() + "/v1/sys/storage/raft/join", body);

        assertThat(r.text()).isEqualTo(NO_RAFT);
    }

    @Test
    void join_clientCertWithoutKeyOrBadKey_is400WithoutQuotingPem() throws Exception {
        TestPki.Issued client = pki.issue("node-2");
        String certOnly = "{\"leader_api_addr\":\"https://h:8200\",\"leader_client_cert\":" + json(client.certPem()) + "}";
        String badKey = "{\"leader_api_addr\":\"https://h:8200\",\"leader_client_cert\":" + json(client.certPem())
                + ",\"leader_client_key\":" + json(client.certPem()) + "}";

        TestClient.Reply a = http.send("POST", node.address() + "/v1/sys/storage/raft/join", certOnly);
        TestClient.Reply b = http.send("POST", node.address() + "/v1/sys/storage/raft/join", badKey);

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.text()).contains("leader_client_cert and leader_client_key must be given together");
        assertThat(b.status()).isEqualTo(400);
        assertThat(b.text()).contains("leader_client_key").doesNotContain("BEGIN");
    }

    @ParameterizedTest
    @CsvSource({"GET,sys/storage/raft/join", "DELETE,sys/storage/raft/join", "GET,sys/storage/raft/bootstrap/challenge",
            "GET,sys/storage/raft/bootstrap/answer", "DELETE,sys/storage/raft/snapshot", "GET,sys/storage/raft/snapshot-force",
            "HEAD,sys/storage/raft/snapshot"})
    void wrongVerb_specialRaftRoute_is405WithEmptyErrors(String method, String path) throws Exception {
        TestClient.Reply r = http.send(method, node.address() + "/v1/" + path, (String) null, "X-Vault-Token", core.rootToken());

        assertThat(r.status()).isEqualTo(405);
        if (!method.equals("HEAD")) {
            assertThat(r.text()).isEqualTo("{\"errors\":[]}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}                                                                     | no server id provided",
            "{\"server_id\":\"n2\",\"cluster_addr\":\"10.0.0.2:8201\"}              | no answer provided",
            "{\"server_id\":\"n2\",\"answer\":\"b3BlbmVk\"}                         | no cluster_addr provided",
            "{\"server_id\":\"n2\",\"answer\":\"!!\",\"cluster_addr\":\"h:1\"}      | 'answer' must be a valid base64 string"})
    void answer_invalidRequest_is400(String body, String message) throws Exception {
        TestClient.Reply r = http.send("POST", node.address() + "/v1/sys/storage/raft/bootstrap/answer", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).isEqualTo("{\"errors\":[\"" + message + "\"]}");
    }

    @Test
    void answer_validRequest_reachesTheCore() throws Exception {
        TestClient.Reply r = http.send("PUT", node.address() + "/v1/sys/storage/raft/bootstrap/answer",
                "{\"server_id\":\"n2\",\"answer\":\"b3BlbmVk\",\"cluster_addr\":\"10.0.0.2:8201\",\"non_voter\":true}");

        assertThat(r.text()).isEqualTo(NO_RAFT);
    }

    @Test
    void challenge_withoutServerId_is400_withIt_reachesTheCore() throws Exception {
        TestClient.Reply missing = http.send("POST", node.address() + "/v1/sys/storage/raft/bootstrap/challenge", "{}");
        TestClient.Reply given = http.send("POST", node.address() + "/v1/sys/storage/raft/bootstrap/challenge", "{\"server_id\":\"n2\"}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).isEqualTo("{\"errors\":[\"no server id provided\"]}");
        assertThat(given.text()).isEqualTo(NO_RAFT);
    }

    @Test
    void snapshotSave_coreFailsBeforeAnyByte_isTheJsonErrorEnvelope() throws Exception {
        TestClient.Reply r = http.get(node.address() + "/v1/sys/storage/raft/snapshot", "X-Vault-Token", core.rootToken());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.text()).isEqualTo(NO_RAFT);
    }

    @ParameterizedTest
    @CsvSource({"POST,sys/storage/raft/snapshot", "PUT,sys/storage/raft/snapshot-force"})
    void snapshotRestore_bodyGoesToTheCore(String method, String path) throws Exception {
        TestClient.Reply r = http.sendBytes(method, node.address() + "/v1/" + path, new byte[]{31, -117, 8, 0},
                "X-Vault-Token", core.rootToken());

        assertThat(r.text()).isEqualTo(NO_RAFT);
    }

    @Test
    void snapshotRestore_declaredBodyOver64MiB_is413BeforeReading() throws Exception {
        try (Socket s = new Socket("127.0.0.1", Integer.parseInt(node.address().substring(node.address().lastIndexOf(':') + 1)))) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write(("POST /v1/sys/storage/raft/snapshot HTTP/1.1\r\nHost: x\r\nX-Vault-Token: t\r\n"
                    + "Content-Length: " + (64L * 1024 * 1024 + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            o.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(status).isEqualTo("HTTP/1.1 413");
        }
    }

    private static String json(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }
}

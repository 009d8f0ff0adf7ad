package io.coffer.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.ha.NodeRole;
import io.coffer.core.ha.StandbyException;
import io.coffer.server.DevServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A "standby" front whose cluster view names a real active node (a dev server, or a recording
 * echo server) forwards every non-local route there and relays the answer unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandbyForwardingTest {
    private static final String ROOT = "root-token-for-forwarding";
    private static final String NO_ACTIVE = "{\"errors\":[\"no active Vault instance found\"]}";

    private final TestClient http = new TestClient();
    private DevServer active;
    private EchoNode echo;
    private TestCores.Unsealed standbyCore;
    private FrontNode toActive;
    private FrontNode toEcho;

    @BeforeAll
    void start() throws Exception {
        active = DevServer.start("127.0.0.1:0", ROOT);
        echo = new EchoNode();
        standbyCore = TestCores.unsealed();
        // a standby shares the cluster's storage, so also its forwarding key: here, the same core
        toActive = FrontNode.start(active.core(), StubClusterView.standby(active.address()));
        toEcho = FrontNode.start(standbyCore.core(), StubClusterView.standby(echo.address()));
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{toActive, toEcho, echo, active}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void read_onStandby_relaysTheActiveNodesAnswer() throws Exception {
        assertThat(http.send("PUT", active.address() + "/v1/secret/data/fwd-read", "{\"data\":{\"k\":\"v\"}}", "X-Vault-Token", ROOT).status())
                .isEqualTo(200);

        TestClient.Reply direct = http.get(active.address() + "/v1/secret/data/fwd-read", "X-Vault-Token", ROOT);
        TestClient.Reply forwarded = http.get(toActive.address() + "/v1/secret/data/fwd-read", "X-Vault-Token", ROOT);

        assertThat(forwarded.status()).isEqualTo(200);
        assertThat(forwarded.json().path("data").path("data").path("k").asText()).isEqualTo("v");
        assertThat(withoutRequestId(forwarded.json())).isEqualTo(withoutRequestId(direct.json()));
        assertThat(forwarded.endToEndHeaders()).isEqualTo(direct.endToEndHeaders());
        assertThat(forwarded.header("Content-Type")).isEqualTo("application/json");
        assertThat(forwarded.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void writeListDelete_onStandby_changeTheActiveNode() throws Exception {
        String front = toActive.address() + "/v1/secret/";
        TestClient.Reply post = http.send("POST", front + "data/fwd-crud", "{\"data\":{\"n\":1}}", "X-Vault-Token", ROOT,
                "Content-Type", "application/json");
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.json().path("data").path("version").asInt()).isEqualTo(1);

        TestClient.Reply list = http.send("LIST", front + "metadata/", (String) null, "X-Vault-Token", ROOT);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("data").path("keys").toString()).contains("\"fwd-crud\"");
        assertThat(http.get(front + "metadata?list=true", "X-Vault-Token", ROOT).json().path("data").path("keys").toString())
                .contains("\"fwd-crud\"");

        TestClient.Reply delete = http.send("DELETE", front + "metadata/fwd-crud", (String) null, "X-Vault-Token", ROOT);
        assertThat(delete.status()).isEqualTo(204);
        assertThat(delete.body()).isEmpty();
        assertThat(http.get(active.address() + "/v1/secret/data/fwd-crud", "X-Vault-Token", ROOT).status()).isEqualTo(404);
    }

    @Test
    void policyWrite_onStandby_relays204() throws Exception {
        TestClient.Reply put = http.send("PUT", toActive.address() + "/v1/sys/policies/acl/fwd-policy",
                "{\"policy\":\"path \\\"secret/*\\\" { capabilities = [\\\"read\\\"] }\"}", "X-Vault-Token", ROOT);

        assertThat(put.status()).isEqualTo(204);
        assertThat(put.body()).isEmpty();
        assertThat(http.get(active.address() + "/v1/sys/policies/acl/fwd-policy", "X-Vault-Token", ROOT).status()).isEqualTo(200);
    }

    @Test
    void badToken_onStandby_relays403ByteForByte() throws Exception {
        TestClient.Reply direct = http.get(active.address() + "/v1/secret/data/x", "X-Vault-Token", "hvs.not-a-token");
        TestClient.Reply forwarded = http.get(toActive.address() + "/v1/secret/data/x", "X-Vault-Token", "hvs.not-a-token");

        assertThat(forwarded.status()).isEqualTo(403);
        assertThat(forwarded.text()).isEqualTo(direct.text()).contains("permission denied");
        assertThat(forwarded.endToEndHeaders()).isEqualTo(direct.endToEndHeaders());
    }

    @Test
    void invalidRequest_onStandby_relays400ByteForByte() throws Exception {
        TestClient.Reply direct = http.get(active.address() + "/v1/secret/metadata?list=maybe", "X-Vault-Token", ROOT);
        TestClient.Reply forwarded = http.get(toActive.address() + "/v1/secret/metadata?list=maybe", "X-Vault-Token", ROOT);

        assertThat(forwarded.status()).isEqualTo(400);
        assertThat(forwarded.text()).isEqualTo(direct.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "POST", "DELETE", "LIST", "PATCH"})
    void anyMethod_onStandby_reachesActiveUnchangedAndAnswerIsRelayedExactly(String method) throws Exception {
        String body = method.equals("GET") || method.equals("DELETE") || method.equals("LIST") ? null
                : "{\"data\":{\"k\":\"v\u00e9\"},\"n\":[1,2,3]}";
        String path = "/v1/kv/some%20path/k%2Bx?version=2&b=%2F&a=1";

        TestClient.Reply r = http.send(method, toEcho.address() + path, body, "X-Vault-Token", "hvs.token-value",
                "Content-Type", "application/merge-patch+json", "X-Vault-Request", "true", "X-Vault-Namespace", "ns1/");

        EchoNode.Received got = echo.last();
        assertThat(got.method()).isEqualTo(method);
        assertThat(got.pathQuery()).isEqualTo(path);
        assertThat(got.header("X-Vault-Token")).isEqualTo("hvs.token-value");
        assertThat(got.header("Content-Type")).isEqualTo("application/merge-patch+json");
        assertThat(got.header("X-Vault-Request")).isEqualTo("true");
        assertThat(got.header("X-Vault-Namespace")).isEqualTo("ns1/");
        assertThat(got.header("X-Coffer-Forwarded")).isEqualTo("true");
        assertThat(got.header("Host")).isEqualTo(echo.address().substring("http://".length()));
        assertThat(got.body()).isEqualTo(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));

        TestClient.Reply direct = http.send(method, echo.address() + path, body, "X-Vault-Token", "hvs.token-value");
        assertThat(r.status()).isEqualTo(299);
        assertThat(r.body()).isEqualTo(EchoNode.REPLY_BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(r.endToEndHeaders()).isEqualTo(direct.endToEndHeaders());
        assertThat(r.headers().allValues("X-Echo")).containsExactly("one", "two");
    }

    @Test
    void bodyLargerThanTheStandbysOwnLimit_isStreamedToTheActiveNode() throws Exception {
        byte[] body = new byte[40 * 1024 * 1024];
        new Random(7).nextBytes(body);

        TestClient.Reply r = http.sendBytes("PUT", toEcho.address() + "/v1/digest", body, "X-Vault-Token", "t");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("length").asLong()).isEqualTo(body.length);
        assertThat(r.json().path("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
    }

    @Test
    void noForwardingHeader_onStandby_redirectsToTheSamePathAndQueryOnTheActiveNode() throws Exception {
        int before = echo.requests();

        TestClient.Reply r = http.send("PUT", toEcho.address() + "/v1/secret/data/a%20b?version=2&x=y", "{\"data\":{}}",
                "X-Vault-Token", "t", "X-Vault-No-Request-Forwarding", "true");

        assertThat(r.status()).isEqualTo(307);
        assertThat(r.header("Location")).isEqualTo(echo.address() + "/v1/secret/data/a%20b?version=2&x=y");
        assertThat(r.body()).isEmpty();
        assertThat(echo.requests()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET sys/storage/raft/snapshot", "POST sys/storage/raft/snapshot", "PUT sys/storage/raft/snapshot-force"})
    void snapshot_onStandby_isAlwaysRedirectedNeverProxied(String call) throws Exception {
        String[] parts = call.split(" ");
        int before = echo.requests();

        TestClient.Reply r = http.send(parts[0], toEcho.address() + "/v1/" + parts[1], parts[0].equals("GET") ? null : "snapshot-bytes",
                "X-Vault-Token", "t");

        assertThat(r.status()).isEqualTo(307);
        assertThat(r.header("Location")).isEqualTo(echo.address() + "/v1/" + parts[1]);
        assertThat(echo.requests()).isEqualTo(before);
    }

    @Test
    void requestAlreadyForwarded_onStandby_is503AndNotForwardedAgain() throws Exception {
        int before = echo.requests();

        TestClient.Reply r = http.get(toEcho.address() + "/v1/secret/data/x", "X-Coffer-Forwarded", "true");

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.text()).isEqualTo(NO_ACTIVE);
        assertThat(echo.requests()).isEqualTo(before);
    }

    @Test
    void twoStandbysNamingEachOther_requestStopsAfterOneHop() throws Exception {
        StubClusterView viewA = StubClusterView.standby(null);
        StubClusterView viewB = StubClusterView.standby(null);
        try (FrontNode a = FrontNode.start(standbyCore.core(), viewA); FrontNode b = FrontNode.start(standbyCore.core(), viewB)) {
            viewA.activeAddress(b.address());
            viewB.activeAddress(a.address());

            TestClient.Reply r = http.get(a.address() + "/v1/secret/data/x", "X-Vault-Token", "t");

            // a forwards to b with the mark; b refuses to forward it back
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.text()).isEqualTo(NO_ACTIVE);
        }
    }

    @Test
    void activeUnknown_onStandby_is503() throws Exception {
        try (FrontNode lost = FrontNode.start(standbyCore.core(), StubClusterView.standby(null))) {
            TestClient.Reply r = http.send("PUT", lost.address() + "/v1/secret/data/x", "{}", "X-Vault-Token", "t");

            assertThat(r.status()).isEqualTo(503);
            assertThat(r.text()).isEqualTo(NO_ACTIVE);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void activeUnreachable_onStandby_is500NamingTheForwardingFailure() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (FrontNode orphan = FrontNode.start(standbyCore.core(), StubClusterView.standby("http://127.0.0.1:" + closedPort))) {
            for (String method : new String[]{"GET", "PUT"}) {
                TestClient.Reply r = http.send(method, orphan.address() + "/v1/secret/data/x", method.equals("PUT") ? "{\"data\":{}}" : null,
                        "X-Vault-Token", "t");

                assertThat(r.status()).isEqualTo(500);
                assertThat(r.text()).isEqualTo("{\"errors\":[\"local node not active but active cluster node not found\"]}");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET sys/health", "GET sys/seal-status", "GET sys/leader", "GET sys/init", "PUT sys/unseal",
            "PUT sys/seal", "POST sys/storage/raft/join"})
    void nodeLocalRoute_onStandby_isAnsweredHere(String call) throws Exception {
        String[] parts = call.split(" ");
        int before = echo.requests();

        TestClient.Reply r = http.send(parts[0], toEcho.address() + "/v1/" + parts[1], parts[0].equals("GET") ? null : "{}");

        assertThat(echo.requests()).isEqualTo(before);
        assertThat(r.status()).isNotEqualTo(299);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT sys/step-down", "GET sys/rekey/init", "PUT sys/rekey/update", "POST sys/storage/raft/bootstrap/challenge",
            "POST sys/storage/raft/bootstrap/answer", "GET sys/ha-status", "POST sys/storage/raft/remove-peer"})
    void clusterWideRoute_onStandby_isForwarded(String call) throws Exception {
        String[] parts = call.split(" ");

        TestClient.Reply r = http.send(parts[0], toEcho.address() + "/v1/" + parts[1], parts[0].equals("GET") ? null : "{}");

        assertThat(r.status()).isEqualTo(299);
        assertThat(echo.last().pathQuery()).isEqualTo("/v1/" + parts[1]);
    }

    @Test
    void leadershipLostMidRequest_redirectsToTheNewActiveNode_or503WhenUnknown() throws Exception {
        // the core throws StandbyException from handle(); the edge answers any StandbyException
        // raised while handling the same way, and the view can raise it here
        StubClusterView moved = new StubClusterView(NodeRole.ACTIVE, null)
                .role(() -> { throw new StandbyException(Optional.of("https://10.0.0.9:8200")); });
        StubClusterView unknown = new StubClusterView(NodeRole.ACTIVE, null)
                .role(() -> { throw new StandbyException(Optional.empty()); });
        try (FrontNode a = FrontNode.start(standbyCore.core(), moved); FrontNode b = FrontNode.start(standbyCore.core(), unknown)) {
            TestClient.Reply r = http.send("PUT", a.address() + "/v1/secret/data/x?cas=1", "{}", "X-Vault-Token", "t");
            assertThat(r.status()).isEqualTo(307);
            assertThat(r.header("Location")).isEqualTo("https://10.0.0.9:8200/v1/secret/data/x?cas=1");

            TestClient.Reply lost = http.send("PUT", b.address() + "/v1/secret/data/x", "{}", "X-Vault-Token", "t");
            assertThat(lost.status()).isEqualTo(503);
            assertThat(lost.text()).isEqualTo(NO_ACTIVE);
        }
    }

    @Test
    void activeNode_servesLocallyWhateverTheNoForwardingHeader() throws Exception {
        TestClient.Reply r = http.get(active.address() + "/v1/sys/mounts", "X-Vault-Token", ROOT,
                "X-Vault-No-Request-Forwarding", "true");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().has("secret/")).isTrue();
    }

    @Test
    void activeNode_refusesARequestClaimingToBeForwardedWithoutAVouchedClientAddress() throws Exception {
        TestClient.Reply r = http.get(active.address() + "/v1/sys/mounts", "X-Vault-Token", ROOT,
                "X-Coffer-Forwarded", "true", "X-Coffer-Client-Address", "10.0.0.1;1;forged");

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).contains("forwarded request without a valid client address");
    }

    private static JsonNode withoutRequestId(JsonNode n) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("request_id");
        return n;
    }
}

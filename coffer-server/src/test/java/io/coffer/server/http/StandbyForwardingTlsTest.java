package io.coffer.server.http;

import io.coffer.server.DevServer;
import io.coffer.server.ListenerConfig;
import io.coffer.server.cluster.ClusterTls;
import io.coffer.server.cluster.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Forwarding to an active node that serves HTTPS: trusted through the cluster TLS settings only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandbyForwardingTlsTest {
    private static final String ROOT = "root-token-for-tls-forwarding";

    private final TestClient http = new TestClient();
    private TestPki pki;
    private DevServer active;
    private TestCores.Unsealed standbyCore;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        pki = new TestPki("coffer-cluster-ca");
        Path[] files = pki.issue("127.0.0.1", "localhost").write(dir);
        active = DevServer.start(ListenerConfig.plain("127.0.0.1:0").withTls(files[0], files[1]), ROOT);
        standbyCore = TestCores.unsealed();
    }

    @AfterAll
    void stop() {
        if (active != null) {
            active.close();
        }
    }

    @Test
    void httpsActive_trustedThroughClusterCa_requestIsRelayed() throws Exception {
        assertThat(active.address()).startsWith("https://");
        // a standby shares the cluster's storage (and forwarding key): here, the same core
        try (FrontNode front = FrontNode.start(active.core(), StubClusterView.standby(active.address()),
                ClusterTls.trustingPem(pki.caPem()))) {
            TestClient.Reply r = http.get(front.address() + "/v1/sys/mounts", "X-Vault-Token", ROOT);

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().has("secret/")).isTrue();
        }
    }

    @Test
    void httpsActive_certificateNotTrusted_is500() throws Exception {
        try (FrontNode front = FrontNode.start(standbyCore.core(), StubClusterView.standby(active.address()), ClusterTls.jvmDefault())) {
            TestClient.Reply r = http.get(front.address() + "/v1/sys/mounts", "X-Vault-Token", ROOT);

            assertThat(r.status()).isEqualTo(500);
            assertThat(r.text()).isEqualTo("{\"errors\":[\"local node not active but active cluster node not found\"]}");
        }
    }
}

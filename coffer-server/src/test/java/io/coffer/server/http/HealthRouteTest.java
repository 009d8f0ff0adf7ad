package io.coffer.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.core.ha.NodeRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sys/health} status codes and body for every node role and override parameter. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthRouteTest {
    private final TestClient http = new TestClient();
    private final StubClusterView view = new StubClusterView(NodeRole.ACTIVE, "http://127.0.0.1:1");
    private FrontNode node;

    @BeforeAll
    void start() throws Exception {
        node = FrontNode.start(TestCores.unsealed().core(), view);
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "ACTIVE        |                                          | 200",
            "ACTIVE        | activecode=204                           | 204",
            "ACTIVE        | standbyok=true&standbycode=299           | 200",
            "ACTIVE        | drsecondaryok=true                       | 200",
            "STANDBY       |                                          | 429",
            "STANDBY       | standbycode=299                          | 299",
            "STANDBY       | standbyok=true                           | 200",
            "STANDBY       | standbyok=1&activecode=201               | 201",
            "STANDBY       | standbyok=false&standbycode=472          | 472",
            "STANDBY       | perfstandbyok=true                       | 429",
            "STANDBY       | standbyok=                               | 429",
            "SEALED        |                                          | 503",
            "SEALED        | sealedcode=299&standbyok=true            | 299",
            "SEALED        | standbyok=true                           | 503",
            "UNINITIALIZED |                                          | 501",
            "UNINITIALIZED | uninitcode=299&sealedcode=298            | 299",
            "UNINITIALIZED | standbyok=true&activecode=200            | 501"})
    void health_roleAndParameters_giveVaultsStatus(NodeRole role, String query, int status) throws Exception {
        view.role(role);

        TestClient.Reply get = http.get(node.address() + "/v1/sys/health" + (query == null ? "" : "?" + query));
        TestClient.Reply head = http.send("HEAD", node.address() + "/v1/sys/health" + (query == null ? "" : "?" + query), (String) null);

        assertThat(get.status()).isEqualTo(status);
        assertThat(get.header("Content-Type")).isEqualTo("application/json");
        assertThat(head.status()).isEqualTo(status);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void body_standby_isUnsealedStandbyWithClusterIdentity() throws Exception {
        view.role(NodeRole.STANDBY);

        JsonNode b = http.get(node.address() + "/v1/sys/health").json();

        assertThat(b.path("initialized").asBoolean()).isTrue();
        assertThat(b.path("sealed").asBoolean(true)).isFalse();
        assertThat(b.path("standby").asBoolean()).isTrue();
        assertThat(b.path("performance_standby").asBoolean(true)).isFalse();
        assertThat(b.path("replication_dr_mode").asText()).isEqualTo("disabled");
        assertThat(b.path("cluster_name").asText()).isEqualTo("test-cluster");
        assertThat(b.path("cluster_id").asText()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE,false,false,true", "SEALED,true,true,true", "UNINITIALIZED,true,true,false"})
    void body_otherRoles_reportSealedAndStandbyFlags(NodeRole role, boolean sealed, boolean standby, boolean initialized) throws Exception {
        view.role(role);

        JsonNode b = http.get(node.address() + "/v1/sys/health").json();

        assertThat(b.path("sealed").asBoolean()).isEqualTo(sealed);
        assertThat(b.path("standby").asBoolean()).isEqualTo(standby);
        assertThat(b.path("initialized").asBoolean()).isEqualTo(initialized);
        assertThat(b.has("cluster_id")).isEqualTo(!sealed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"activecode=abc", "standbycode=%20", "sealedcode=1.5", "uninitcode=x", "drsecondarycode=nope",
            "performancestandbycode=2xx", "haunhealthycode=y", "removedcode=z", "standbyok=maybe", "perfstandbyok=yes",
            "drsecondaryok=perhaps"})
    void badParameter_anyRole_is400WithEmptyErrors(String query) throws Exception {
        for (NodeRole role : NodeRole.values()) {
            view.role(role);

            TestClient.Reply r = http.get(node.address() + "/v1/sys/health?" + query);

            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).isEqualTo("{\"errors\":[]}");
        }
    }

    @Test
    void health_wrongVerb_is405() throws Exception {
        TestClient.Reply r = http.send("PUT", node.address() + "/v1/sys/health", "{}");

        assertThat(r.status()).isEqualTo(405);
        assertThat(r.text()).isEqualTo("{\"errors\":[]}");
    }
}

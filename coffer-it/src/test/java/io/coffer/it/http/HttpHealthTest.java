package io.coffer.it.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static io.coffer.it.http.HttpAsserts.assertError;
import static io.coffer.it.http.HttpAsserts.assertVaultHeaders;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET|HEAD sys/health}: the status code a load balancer acts on, the override
 * parameters, and the body, for an active dev node, an uninitialised node and a sealed one.
 */
class HttpHealthTest {
    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    private static VaultHttp http;

    @BeforeAll
    static void setUp() {
        http = SERVER.http();
    }

    @Test
    void get_activeNode_returns200WithBareBody() {
        long before = Instant.now().getEpochSecond();

        VaultHttp.Result r = http.get("sys/health").send();

        assertThat(r.status()).isEqualTo(200);
        assertVaultHeaders(r);
        JsonNode b = r.json();
        assertThat(b.has("data")).as("bare, not enveloped").isFalse();
        assertThat(b.path("initialized").asBoolean()).isTrue();
        assertThat(b.path("sealed").asBoolean()).isFalse();
        assertThat(b.path("standby").asBoolean()).isFalse();
        assertThat(b.path("performance_standby").asBoolean()).isFalse();
        assertThat(b.path("replication_performance_mode").asText()).isEqualTo("disabled");
        assertThat(b.path("replication_dr_mode").asText()).isEqualTo("disabled");
        assertThat(b.path("server_time_utc").asLong()).isBetween(before - 5, Instant.now().getEpochSecond() + 5);
        assertThat(b.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(b.path("cluster_name").asText()).isEqualTo("coffer-dev");
        assertThat(b.path("cluster_id").asText()).isNotEmpty();
        assertThat(b.path("enterprise").asBoolean()).isFalse();
    }

    @Test
    void head_activeNode_returns200WithoutBody() {
        VaultHttp.Result r = http.call("HEAD", "sys/health").send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bytes()).isEmpty();
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.headerValues("Content-Type")).containsExactly("application/json");
    }

    @Test
    void get_activeCodeOverride_returnsThatCode() {
        VaultHttp.Result r = http.get("sys/health?activecode=299").send();

        assertThat(r.status()).isEqualTo(299);
        assertVaultHeaders(r);
        assertThat(r.json().path("sealed").asBoolean()).isFalse();
    }

    @Test
    void head_activeCodeOverride_returnsThatCodeWithoutBody() {
        VaultHttp.Result r = http.call("HEAD", "sys/health?activecode=204").send();

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.bytes()).isEmpty();
    }

    @Test
    void get_nonActiveOverridesOnActiveNode_areValidatedButIgnored() {
        VaultHttp.Result r = http.get("sys/health?standbyok=true&standbycode=299&sealedcode=299&uninitcode=299"
                + "&drsecondarycode=299&performancestandbycode=299&haunhealthycode=299&removedcode=299&perfstandbyok=1").send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("initialized").asBoolean()).isTrue();
    }

    @Test
    void get_drsecondaryokOnPrimary_isAcceptedAndAnswers200() {
        VaultHttp.Result r = http.get("sys/health?standbyok=true&drsecondaryok=true").send();

        assertThat(r.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"activecode=abc", "sealedcode=1.5", "uninitcode=x", "standbycode=%20",
            "drsecondarycode=nope", "performancestandbycode=2xx", "standbyok=maybe", "perfstandbyok=yes"})
    void get_invalidParameter_returns400WithEmptyErrors(String query) {
        VaultHttp.Result r = http.get("sys/health?" + query).send();

        assertError(r, 400);
    }

    @Test
    void get_emptyCodeValue_isTreatedAsAbsent() {
        VaultHttp.Result r = http.get("sys/health?activecode=&standbyok=").send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("initialized").asBoolean()).isTrue();
    }

    @Test
    void post_sysHealth_returns405WithEmptyErrors() {
        assertError(http.post("sys/health", "{}").send(), 405);
    }

    @Test
    void get_uninitialisedNode_returns501AndUninitialisedBody() {
        try (FreshCoreServer fresh = FreshCoreServer.start()) {
            VaultHttp.Result r = fresh.http().get("sys/health").send();

            assertThat(r.status()).isEqualTo(501);
            assertVaultHeaders(r);
            JsonNode b = r.json();
            assertThat(b.path("initialized").asBoolean()).isFalse();
            assertThat(b.path("sealed").asBoolean()).isTrue();
            assertThat(b.path("standby").asBoolean()).isTrue();
            assertThat(b.path("replication_dr_mode").asText()).isEqualTo("unknown");
            assertThat(b.has("cluster_id")).isFalse();
        }
    }

    @Test
    void get_uninitialisedNodeWithUninitCode_returnsThatCode() {
        try (FreshCoreServer fresh = FreshCoreServer.start()) {
            assertThat(fresh.http().get("sys/health?uninitcode=299").send().status()).isEqualTo(299);
            assertThat(fresh.http().get("sys/health?uninitcode=200&sealedcode=299").send().status()).isEqualTo(200);
            VaultHttp.Result head = fresh.http().call("HEAD", "sys/health?uninitcode=299").send();
            assertThat(head.status()).isEqualTo(299);
            assertThat(head.bytes()).isEmpty();
        }
    }

    @Test
    void get_sealedNode_returns503AndStandbyTrue() {
        try (FreshCoreServer fresh = FreshCoreServer.start()) {
            fresh.core().initialize(1, 1);

            VaultHttp.Result r = fresh.http().get("sys/health").send();

            assertThat(r.status()).isEqualTo(503);
            assertVaultHeaders(r);
            assertThat(r.json().path("initialized").asBoolean()).isTrue();
            assertThat(r.json().path("sealed").asBoolean()).isTrue();
            assertThat(r.json().path("standby").asBoolean()).isTrue();
            assertThat(r.json().has("cluster_id")).isFalse();
        }
    }

    @Test
    void get_sealedNodeWithSealedCode_returnsThatCode() {
        try (FreshCoreServer fresh = FreshCoreServer.start()) {
            fresh.core().initialize(1, 1);

            assertThat(fresh.http().get("sys/health?sealedcode=299").send().status()).isEqualTo(299);
            assertThat(fresh.http().get("sys/health?sealedcode=200&activecode=299").send().status()).isEqualTo(200);
            assertThat(fresh.http().call("HEAD", "sys/health?sealedcode=473").send().status()).isEqualTo(473);
        }
    }
}

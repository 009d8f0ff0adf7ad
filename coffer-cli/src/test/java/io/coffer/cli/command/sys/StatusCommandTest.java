package io.coffer.cli.command.sys;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
    @TempDir Path home;
    private final FakeTransport server = new FakeTransport();

    private CliHarness cli() {
        return new CliHarness(server, home);
    }

    @Test
    void status_unsealed_printsTableAndExits0() {
        server.on("GET /v1/sys/seal-status", 200,
                "{\"type\":\"shamir\",\"initialized\":true,\"sealed\":false,\"t\":1,\"n\":1,\"progress\":0,"
                        + "\"nonce\":\"\",\"version\":\"1.15.6\",\"build_date\":\"2024-02-28T17:07:34Z\","
                        + "\"migration\":false,\"cluster_name\":\"vault-cluster-1\",\"cluster_id\":\"c1\","
                        + "\"recovery_seal\":false,\"storage_type\":\"inmem\"}");
        server.on("GET /v1/sys/leader", 200,
                "{\"ha_enabled\":true,\"is_self\":true,\"active_time\":\"2024-05-01T10:00:00.123Z\","
                        + "\"leader_address\":\"http://127.0.0.1:8200\",\"leader_cluster_address\":"
                        + "\"https://127.0.0.1:8201\",\"performance_standby\":false,"
                        + "\"performance_standby_last_remote_wal\":0,\"raft_committed_index\":42,"
                        + "\"raft_applied_index\":42}");
        Result r = cli().run("status");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .isEqualTo(
                        "Key                     Value\n"
                                + "---                     -----\n"
                                + "Seal Type               shamir\n"
                                + "Initialized             true\n"
                                + "Sealed                  false\n"
                                + "Total Shares            1\n"
                                + "Threshold               1\n"
                                + "Version                 1.15.6\n"
                                + "Build Date              2024-02-28T17:07:34Z\n"
                                + "Storage Type            inmem\n"
                                + "Cluster Name            vault-cluster-1\n"
                                + "Cluster ID              c1\n"
                                + "HA Enabled              true\n"
                                + "HA Cluster              https://127.0.0.1:8201\n"
                                + "HA Mode                 active\n"
                                + "Active Since            2024-05-01T10:00:00.123Z\n"
                                + "Raft Committed Index    42\n"
                                + "Raft Applied Index      42\n");
    }

    @Test
    void status_sealed_showsProgressAndExits2() {
        server.on("GET /v1/sys/seal-status", 200,
                "{\"type\":\"shamir\",\"initialized\":true,\"sealed\":true,\"t\":3,\"n\":5,\"progress\":1,"
                        + "\"nonce\":\"n-1\",\"version\":\"1.15.6\",\"build_date\":\"b\",\"migration\":false,"
                        + "\"recovery_seal\":false,\"storage_type\":\"raft\"}");
        server.on("GET /v1/sys/leader", 503, "{\"errors\":[\"Vault is sealed\"]}");
        Result r = cli().run("status");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).contains("Unseal Progress    1/3\n").contains("Unseal Nonce       n-1\n")
                .contains("HA Enabled         true\n").doesNotContain("HA Mode");
    }

    @Test
    void status_json_mergesSealAndLeaderFields() {
        server.on("GET /v1/sys/seal-status", 200,
                "{\"type\":\"shamir\",\"initialized\":true,\"sealed\":false,\"t\":1,\"n\":1,\"progress\":0,"
                        + "\"nonce\":\"\",\"version\":\"v\",\"build_date\":\"b\",\"migration\":false,"
                        + "\"recovery_seal\":false,\"storage_type\":\"inmem\"}");
        server.on("GET /v1/sys/leader", 200, "{\"ha_enabled\":false,\"is_self\":false,\"active_time\":\"0001-01-01T00:00:00Z\"}");
        Result r = cli().run("status", "-format=json");
        assertThat(r.out())
                .isEqualTo(
                        "{\n  \"type\": \"shamir\",\n  \"initialized\": true,\n  \"sealed\": false,\n"
                                + "  \"t\": 1,\n  \"n\": 1,\n  \"progress\": 0,\n  \"nonce\": \"\",\n"
                                + "  \"version\": \"v\",\n  \"build_date\": \"b\",\n  \"migration\": false,\n"
                                + "  \"recovery_seal\": false,\n  \"storage_type\": \"inmem\",\n"
                                + "  \"ha_enabled\": false,\n  \"active_time\": \"0001-01-01T00:00:00Z\"\n}\n");
    }

    private static final String RAFT_SEAL_STATUS =
            "{\"type\":\"shamir\",\"initialized\":true,\"sealed\":false,\"t\":3,\"n\":5,\"progress\":0,"
                    + "\"nonce\":\"\",\"version\":\"1.15.6\",\"build_date\":\"2024-02-28T17:07:34Z\","
                    + "\"migration\":false,\"cluster_name\":\"coffer-cluster-1\",\"cluster_id\":\"c1\","
                    + "\"recovery_seal\":false,\"storage_type\":\"raft\"}";

    @Test
    void status_haStandby_showsActiveNodeAddressInVaultsOrder() {
        server.on("GET /v1/sys/seal-status", 200, RAFT_SEAL_STATUS);
        server.on("GET /v1/sys/leader", 200,
                "{\"ha_enabled\":true,\"is_self\":false,\"active_time\":\"0001-01-01T00:00:00Z\","
                        + "\"leader_address\":\"https://10.0.0.1:8200\",\"leader_cluster_address\":"
                        + "\"https://10.0.0.1:8201\",\"performance_standby\":false,"
                        + "\"performance_standby_last_remote_wal\":0,\"raft_committed_index\":142,"
                        + "\"raft_applied_index\":141}");

        Result r = cli().run("status");

        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("GET /v1/sys/seal-status", "GET /v1/sys/leader");
        assertThat(r.out()).isEqualTo(
                "Key                     Value\n"
                        + "---                     -----\n"
                        + "Seal Type               shamir\n"
                        + "Initialized             true\n"
                        + "Sealed                  false\n"
                        + "Total Shares            5\n"
                        + "Threshold               3\n"
                        + "Version                 1.15.6\n"
                        + "Build Date              2024-02-28T17:07:34Z\n"
                        + "Storage Type            raft\n"
                        + "Cluster Name            coffer-cluster-1\n"
                        + "Cluster ID              c1\n"
                        + "HA Enabled              true\n"
                        + "HA Cluster              https://10.0.0.1:8201\n"
                        + "HA Mode                 standby\n"
                        + "Active Node Address     https://10.0.0.1:8200\n"
                        + "Raft Committed Index    142\n"
                        + "Raft Applied Index      141\n");
    }

    @Test
    void status_haStandbyWithoutLeader_showsNone() {
        server.on("GET /v1/sys/seal-status", 200, RAFT_SEAL_STATUS);
        server.on("GET /v1/sys/leader", 200,
                "{\"ha_enabled\":true,\"is_self\":false,\"active_time\":\"0001-01-01T00:00:00Z\","
                        + "\"leader_address\":\"\",\"leader_cluster_address\":\"\"}");

        Result r = cli().run("status");

        assertThat(r.out()).contains("HA Cluster             n/a\n").contains("HA Mode                standby\n")
                .endsWith("Active Node Address    <none>\n").doesNotContain("Raft");
    }

    @Test
    void status_haActive_json_carriesLeaderFieldsAsVaultDoes() {
        server.on("GET /v1/sys/seal-status", 200, RAFT_SEAL_STATUS);
        server.on("GET /v1/sys/leader", 200,
                "{\"ha_enabled\":true,\"is_self\":true,\"active_time\":\"2024-05-01T10:00:00.120Z\","
                        + "\"leader_address\":\"https://10.0.0.1:8200\",\"leader_cluster_address\":"
                        + "\"https://10.0.0.1:8201\",\"performance_standby\":false,"
                        + "\"performance_standby_last_remote_wal\":0,\"raft_committed_index\":142,"
                        + "\"raft_applied_index\":142}");

        Result r = cli().run("status", "-format=json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("{\n"
                + "  \"type\": \"shamir\",\n  \"initialized\": true,\n  \"sealed\": false,\n  \"t\": 3,\n"
                + "  \"n\": 5,\n  \"progress\": 0,\n  \"nonce\": \"\",\n  \"version\": \"1.15.6\",\n"
                + "  \"build_date\": \"2024-02-28T17:07:34Z\",\n  \"migration\": false,\n"
                + "  \"cluster_name\": \"coffer-cluster-1\",\n  \"cluster_id\": \"c1\",\n"
                + "  \"recovery_seal\": false,\n  \"storage_type\": \"raft\",\n"
                + "  \"ha_enabled\": true,\n  \"is_self\": true,\n"
                + "  \"active_time\": \"2024-05-01T10:00:00.12Z\",\n"
                + "  \"leader_address\": \"https://10.0.0.1:8200\",\n"
                + "  \"leader_cluster_address\": \"https://10.0.0.1:8201\",\n"
                + "  \"raft_committed_index\": 142,\n  \"raft_applied_index\": 142\n}\n");
    }

    @Test
    void status_sealedHaNode_json_keepsSealStatusAndExits2() {
        server.on("GET /v1/sys/seal-status", 200,
                "{\"type\":\"shamir\",\"initialized\":true,\"sealed\":true,\"t\":3,\"n\":5,\"progress\":0,"
                        + "\"nonce\":\"\",\"version\":\"1.15.6\",\"build_date\":\"b\",\"migration\":false,"
                        + "\"recovery_seal\":false,\"storage_type\":\"raft\"}");
        server.on("GET /v1/sys/leader", 503, "{\"errors\":[\"Vault is sealed\"]}");

        Result r = cli().run("status", "-format=json");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("  \"sealed\": true,\n").endsWith(
                "  \"storage_type\": \"raft\",\n  \"ha_enabled\": true,\n"
                        + "  \"active_time\": \"0001-01-01T00:00:00Z\"\n}\n");
    }

    @Test
    void status_sealedNodeAnswering503OtherwiseWorded_stillPrintsSealStatusAndExits2() {
        server.on("GET /v1/sys/seal-status", 200,
                "{\"type\":\"shamir\",\"initialized\":true,\"sealed\":true,\"t\":3,\"n\":5,\"progress\":0,"
                        + "\"nonce\":\"\",\"version\":\"1.15.6\",\"build_date\":\"b\",\"migration\":false,"
                        + "\"recovery_seal\":false,\"storage_type\":\"raft\"}");
        server.on("GET /v1/sys/leader", 503, "{\"errors\":[\"core is sealed\"]}");

        Result r = cli().run("status");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Sealed             true\n").endsWith("HA Enabled         true\n");
    }

    @Test
    void status_leaderUnavailableWhileUnsealed_exits1() {
        server.on("GET /v1/sys/seal-status", 200, RAFT_SEAL_STATUS);
        server.on("GET /v1/sys/leader", 500, "{\"errors\":[\"internal error\"]}");

        Result r = cli().run("status");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error checking leader status: Error making API request.");
    }

    @Test
    void status_unreachable_exits1() {
        server.refuse();
        Result r = cli().run("status");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error checking seal status: Get \"http://127.0.0.1:8200/v1/sys/seal-status\"");
    }

    @Test
    void version_printsCliVersionWithoutNetwork() {
        Result r = cli().run("version");
        assertThat(r.out()).matches("Coffer v\\S+\\n");
        assertThat(server.requests()).isEmpty();
    }
}

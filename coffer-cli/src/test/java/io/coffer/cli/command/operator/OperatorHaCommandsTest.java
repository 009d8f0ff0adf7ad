package io.coffer.cli.command.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.RecordingHttpServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code operator members} and {@code operator step-down} against a loopback server. */
class OperatorHaCommandsTest {
    private static final String NODES =
            "[{\"hostname\":\"node1\",\"api_address\":\"http://127.0.0.1:8200\","
                    + "\"cluster_address\":\"https://127.0.0.1:8201\",\"active_node\":true,\"last_echo\":null,"
                    + "\"version\":\"1.15.6\",\"echo_duration_ms\":0,\"clock_skew_ms\":0},"
                    + "{\"hostname\":\"node2\",\"api_address\":\"http://127.0.0.2:8200\","
                    + "\"cluster_address\":\"https://127.0.0.2:8201\",\"active_node\":false,"
                    + "\"last_echo\":\"2024-05-01T10:00:03.120Z\",\"version\":\"1.15.6\","
                    + "\"redundancy_zone\":\"zone-b\",\"echo_duration_ms\":2,\"clock_skew_ms\":-1}]";
    private static final String HA_STATUS =
            "{\"request_id\":\"h1\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                    + "\"data\":{\"nodes\":" + NODES + "},\"nodes\":" + NODES
                    + ",\"wrap_info\":null,\"warnings\":null,\"auth\":null}";

    @TempDir Path home;
    private RecordingHttpServer server;
    private CliHarness cli;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingHttpServer();
        cli = new CliHarness(server, home);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void members_table_printsVaultsColumns() {
        server.on("GET /v1/sys/ha-status", 200, HA_STATUS);

        Result r = cli.run("operator", "members");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("GET /v1/sys/ha-status");
        assertThat(server.requests().get(0).header("X-Vault-Token")).isEqualTo("s.test-token");
        assertThat(r.out()).isEqualTo(
                "Host Name    API Address              Cluster Address           Active Node    Version"
                        + "    Upgrade Version    Redundancy Zone    Last Echo\n"
                        + "---------    -----------              ---------------           -----------    -------"
                        + "    ---------------    ---------------    ---------\n"
                        + "node1        http://127.0.0.1:8200    https://127.0.0.1:8201    true           1.15.6 "
                        + "    n/a                n/a                n/a\n"
                        + "node2        http://127.0.0.2:8200    https://127.0.0.2:8201    false          1.15.6 "
                        + "    n/a                zone-b             2024-05-01T10:00:03Z\n");
    }

    @Test
    void members_json_printsVaultsHaStatusResponse() {
        server.on("GET /v1/sys/ha-status", 200, HA_STATUS);

        Result r = cli.run("operator", "members", "-format=json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("{\n"
                + "  \"Nodes\": [\n"
                + "    {\n"
                + "      \"hostname\": \"node1\",\n"
                + "      \"api_address\": \"http://127.0.0.1:8200\",\n"
                + "      \"cluster_address\": \"https://127.0.0.1:8201\",\n"
                + "      \"active_node\": true,\n"
                + "      \"last_echo\": null,\n"
                + "      \"echo_duration_ms\": 0,\n"
                + "      \"clock_skew_ms\": 0,\n"
                + "      \"version\": \"1.15.6\",\n"
                + "      \"replication_primary_canary_age_ms\": 0\n"
                + "    },\n"
                + "    {\n"
                + "      \"hostname\": \"node2\",\n"
                + "      \"api_address\": \"http://127.0.0.2:8200\",\n"
                + "      \"cluster_address\": \"https://127.0.0.2:8201\",\n"
                + "      \"active_node\": false,\n"
                + "      \"last_echo\": \"2024-05-01T10:00:03.12Z\",\n"
                + "      \"echo_duration_ms\": 2,\n"
                + "      \"clock_skew_ms\": -1,\n"
                + "      \"version\": \"1.15.6\",\n"
                + "      \"redundancy_zone\": \"zone-b\",\n"
                + "      \"replication_primary_canary_age_ms\": 0\n"
                + "    }\n"
                + "  ]\n"
                + "}\n");
    }

    @Test
    void members_forbidden_printsTheApiErrorWithoutPrefixAndExits2() {
        server.on("GET /v1/sys/ha-status", 403, "{\"errors\":[\"1 error occurred:\\n\\t* permission denied\\n\\n\"]}");

        Result r = cli.run("operator", "members");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("Error making API request.\n\n"
                + "URL: GET " + server.address() + "/v1/sys/ha-status\n"
                + "Code: 403. Errors:\n\n* 1 error occurred:\n\t* permission denied\n\n\n");
    }

    @Test
    void stepDown_putsSysStepDownAndNamesTheAddress() {
        server.on("PUT /v1/sys/step-down", 204, null);

        Result r = cli.run("operator", "step-down");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Success! Stepped down: " + server.address() + "\n");
        assertThat(server.requestLines()).containsExactly("PUT /v1/sys/step-down");
        assertThat(server.requests().get(0).body()).isEmpty();
        assertThat(server.requests().get(0).header("X-Vault-Token")).isEqualTo("s.test-token");
    }

    @Test
    void stepDown_forbidden_exits2() {
        server.on("PUT /v1/sys/step-down", 403, "{\"errors\":[\"permission denied\"]}");

        Result r = cli.run("operator", "step-down");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Error stepping down: Error making API request.\n\n"
                + "URL: PUT " + server.address() + "/v1/sys/step-down\n"
                + "Code: 403. Errors:\n\n* permission denied\n");
    }

    @Test
    void stepDown_withArguments_exits1() {
        Result r = cli.run("operator", "step-down", "node1");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Too many arguments (expected 0, got 1)\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void operatorHelp_listsTheNewCommands() {
        Result r = cli.run("operator", "-h");

        assertThat(r.out()).contains("    members       Returns the list of nodes in the cluster\n")
                .contains("    raft          Interact with Coffer's raft storage backend\n")
                .contains("    step-down     Forces Coffer to resign active duty\n");
    }
}

package io.coffer.cli.command.raft;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
import io.coffer.cli.RecordingHttpServer;
import io.coffer.cli.RecordingHttpServer.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code operator raft join|list-peers|remove-peer|autopilot state} against a loopback server. */
class OperatorRaftCommandsTest {
    private static final String CONFIGURATION =
            "{\"request_id\":\"8b0c\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                    + "\"data\":{\"config\":{\"index\":42,\"servers\":["
                    + "{\"node_id\":\"node1\",\"address\":\"127.0.0.1:8201\",\"leader\":true,"
                    + "\"protocol_version\":\"3\",\"voter\":true},"
                    + "{\"node_id\":\"node2\",\"address\":\"127.0.0.2:8201\",\"leader\":false,"
                    + "\"protocol_version\":\"3\",\"voter\":true},"
                    + "{\"node_id\":\"node3\",\"address\":\"127.0.0.3:8201\",\"leader\":false,"
                    + "\"protocol_version\":\"3\",\"voter\":false}]}},"
                    + "\"wrap_info\":null,\"warnings\":null,\"auth\":null}";

    private static final String AUTOPILOT =
            "{\"request_id\":\"a1\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,\"data\":{"
                    + "\"healthy\":true,\"failure_tolerance\":1,\"leader\":\"node1\","
                    + "\"voters\":[\"node1\",\"node2\"],\"non_voters\":[\"node3\"],\"servers\":{"
                    + server("node2", "127.0.0.2:8201", "voter", "412.5ms", true, "voter")
                    + "," + server("node1", "127.0.0.1:8201", "leader", "0s", true, "voter")
                    + "," + server("node3", "127.0.0.3:8201", "non-voter", "1.2s", false, "non-voter")
                    + "}},\"wrap_info\":null,\"warnings\":null,\"auth\":null}";

    @TempDir Path home;
    private RecordingHttpServer server;

    private CliHarness cli() throws Exception {
        if (server == null) {
            server = new RecordingHttpServer();
        }
        return new CliHarness(server, home);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String server(String id, String addr, String status, String contact, boolean healthy,
            String type) {
        return "\"" + id + "\":{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"address\":\"" + addr + "\","
                + "\"node_status\":\"alive\",\"last_contact\":\"" + contact + "\",\"last_term\":3,"
                + "\"last_index\":63,\"healthy\":" + healthy + ",\"stable_since\":\"2024-05-01T10:00:00Z\","
                + "\"status\":\"" + status + "\",\"version\":\"1.15.6\",\"node_type\":\"" + type + "\"}";
    }

    // ---------------------------------------------------------------- join

    @Test
    void join_postsVaultsJoinRequestWithoutTokenAndPrintsJoined() throws Exception {
        CliHarness cli = cli().env("VAULT_TOKEN", null);
        server.on("POST /v1/sys/storage/raft/join", 200, "{\"joined\":true}");
        Files.writeString(home.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

        Result r = cli.run("operator", "raft", "join", "-leader-ca-cert=@ca.pem", "-retry", "https://10.0.0.1:8200");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Key       Value\n---       -----\nJoined    true\n");
        assertThat(server.requestLines()).containsExactly("POST /v1/sys/storage/raft/join");
        Request req = server.requests().get(0);
        assertThat(req.header("X-Vault-Token")).isNull();
        assertThat(req.header("Content-Type")).isEqualTo("application/json");
        assertThat(req.bodyText()).isEqualTo(
                "{\"auto_join\":\"\",\"auto_join_scheme\":\"\",\"auto_join_port\":0,"
                        + "\"leader_api_addr\":\"https://10.0.0.1:8200\","
                        + "\"leader_ca_cert\":\"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n\","
                        + "\"leader_client_cert\":\"\",\"leader_client_key\":\"\",\"retry\":true,\"non_voter\":false}");
    }

    @Test
    void join_inlinePemTlsServerNameAndNonVoter_areSent() throws Exception {
        server = new RecordingHttpServer().on("POST /v1/sys/storage/raft/join", 200, "{\"joined\":true}");

        Result r = cli().run("operator", "raft", "join", "-leader-client-cert=CERT", "-leader-client-key=KEY",
                "-leader-tls-servername=node1.coffer", "-non-voter", "-format=json", "https://10.0.0.1:8200");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("{\n  \"joined\": true\n}\n");
        assertThat(server.requests().get(0).bodyText()).isEqualTo(
                "{\"auto_join\":\"\",\"auto_join_scheme\":\"\",\"auto_join_port\":0,"
                        + "\"leader_api_addr\":\"https://10.0.0.1:8200\",\"leader_ca_cert\":\"\","
                        + "\"leader_client_cert\":\"CERT\",\"leader_client_key\":\"KEY\","
                        + "\"leader_tls_servername\":\"node1.coffer\",\"retry\":false,\"non_voter\":true}");
    }

    @Test
    void join_serverRefuses_printsVaultErrorAndExits2() throws Exception {
        CliHarness cli = cli();
        server.on("POST /v1/sys/storage/raft/join", 500, "{\"errors\":[\"node must be sealed before joining\"]}");

        Result r = cli.run("operator", "raft", "join", "http://10.0.0.1:8200");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("Error joining the node to the Raft cluster: Error making API request.\n\n"
                + "URL: POST " + server.address() + "/v1/sys/storage/raft/join\n"
                + "Code: 500. Errors:\n\n* node must be sealed before joining\n");
    }

    @Test
    void join_unreadableCertFile_exits1WithoutRequest() throws Exception {
        CliHarness cli = cli();

        Result r = cli.run("operator", "raft", "join", "-leader-ca-cert=@missing.pem", "http://10.0.0.1:8200");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Failed to parse leader CA certificate: error reading file: open missing.pem:"
                + " no such file or directory\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void join_tooManyArguments_exits1() throws Exception {
        Result r = cli().run("operator", "raft", "join", "a", "b");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Too many arguments (expected 0-1, got 2)\n");
    }

    // ---------------------------------------------------------------- list-peers

    @Test
    void listPeers_table_showsLeaderFollowersAndVoters() throws Exception {
        CliHarness cli = cli();
        server.on("GET /v1/sys/storage/raft/configuration", 200, CONFIGURATION);

        Result r = cli.run("operator", "raft", "list-peers");

        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("GET /v1/sys/storage/raft/configuration");
        assertThat(server.requests().get(0).header("X-Vault-Token")).isEqualTo("s.test-token");
        assertThat(r.out()).isEqualTo(
                "Node     Address           State       Voter\n"
                        + "----     -------           -----       -----\n"
                        + "node1    127.0.0.1:8201    leader      true\n"
                        + "node2    127.0.0.2:8201    follower    true\n"
                        + "node3    127.0.0.3:8201    follower    false\n");
    }

    @Test
    void listPeers_json_printsTheSecretAsVaultDoes() throws Exception {
        CliHarness cli = cli();
        server.on("GET /v1/sys/storage/raft/configuration", 200, CONFIGURATION);

        Result r = cli.run("operator", "raft", "list-peers", "-format=json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("{\n"
                + "  \"request_id\": \"8b0c\",\n"
                + "  \"lease_id\": \"\",\n"
                + "  \"lease_duration\": 0,\n"
                + "  \"renewable\": false,\n"
                + "  \"data\": {\n"
                + "    \"config\": {\n"
                + "      \"index\": 42,\n"
                + "      \"servers\": [\n"
                + peerJson("node1", "127.0.0.1:8201", true, true) + ",\n"
                + peerJson("node2", "127.0.0.2:8201", false, true) + ",\n"
                + peerJson("node3", "127.0.0.3:8201", false, false) + "\n"
                + "      ]\n"
                + "    }\n"
                + "  },\n"
                + "  \"warnings\": null\n"
                + "}\n");
    }

    private static String peerJson(String id, String addr, boolean leader, boolean voter) {
        return "        {\n"
                + "          \"address\": \"" + addr + "\",\n"
                + "          \"leader\": " + leader + ",\n"
                + "          \"node_id\": \"" + id + "\",\n"
                + "          \"protocol_version\": \"3\",\n"
                + "          \"voter\": " + voter + "\n"
                + "        }";
    }

    @Test
    void listPeers_forbidden_exits2() throws Exception {
        CliHarness cli = cli();
        server.on("GET /v1/sys/storage/raft/configuration", 403,
                "{\"errors\":[\"1 error occurred:\\n\\t* permission denied\\n\\n\"]}");

        Result r = cli.run("operator", "raft", "list-peers");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Error reading the raft cluster configuration: Error making API request.\n\n"
                + "URL: GET " + server.address() + "/v1/sys/storage/raft/configuration\n"
                + "Code: 403. Errors:\n\n* 1 error occurred:\n\t* permission denied\n\n\n");
    }

    @Test
    void listPeers_notRaftStorage_showsServersMessage() throws Exception {
        CliHarness cli = cli();
        server.on("GET /v1/sys/storage/raft/configuration", 400, "{\"errors\":[\"raft storage is not in use\"]}");

        Result r = cli.run("operator", "raft", "list-peers");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).endsWith("Code: 400. Errors:\n\n* raft storage is not in use\n");
    }

    @Test
    void listPeers_emptyNotFound_saysNoConfiguration() throws Exception {
        Result r = cli().run("operator", "raft", "list-peers");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("No raft cluster configuration found\n");
    }

    @Test
    void listPeers_unreachable_exits2WithGoStyleError() {
        Result r = new CliHarness(new FakeTransport().refuse(), home).run("operator", "raft", "list-peers");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Error reading the raft cluster configuration: Get"
                + " \"http://127.0.0.1:8200/v1/sys/storage/raft/configuration\": dial tcp 127.0.0.1:8200:"
                + " connect: connection refused\n");
    }

    // ---------------------------------------------------------------- remove-peer

    @Test
    void removePeer_postsServerIdAndConfirms() throws Exception {
        CliHarness cli = cli();
        server.on("POST /v1/sys/storage/raft/remove-peer", 204, null);

        Result r = cli.run("operator", "raft", "remove-peer", "node3");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Peer removed successfully!\n");
        assertThat(server.requestLines()).containsExactly("POST /v1/sys/storage/raft/remove-peer");
        assertThat(server.requests().get(0).bodyText()).isEqualTo("{\"server_id\":\"node3\"}");
        assertThat(server.requests().get(0).header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void removePeer_badRequest_exits2() throws Exception {
        CliHarness cli = cli();
        server.on("POST /v1/sys/storage/raft/remove-peer", 400, "{\"errors\":[\"no server id provided\"]}");

        Result r = cli.run("operator", "raft", "remove-peer", "node9");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Error removing the peer from raft cluster: Error making API request.\n\n"
                + "URL: POST " + server.address() + "/v1/sys/storage/raft/remove-peer\n"
                + "Code: 400. Errors:\n\n* no server id provided\n");
    }

    @Test
    void removePeer_argumentErrors_exit1() throws Exception {
        CliHarness cli = cli();

        Result none = cli.run("operator", "raft", "remove-peer");
        Result blank = cli.run("operator", "raft", "remove-peer", " ");

        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("Incorrect arguments (expected 1, got 0)\n");
        assertThat(blank.exitCode()).isEqualTo(1);
        assertThat(blank.err()).isEqualTo("Server id is required\n");
        assertThat(server.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- autopilot state

    @Test
    void autopilotState_printsVaultsPrettyLayout() throws Exception {
        CliHarness cli = cli();
        server.on("GET /v1/sys/storage/raft/autopilot/state", 200, AUTOPILOT);

        Result r = cli.run("operator", "raft", "autopilot", "state");

        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("GET /v1/sys/storage/raft/autopilot/state");
        assertThat(r.out()).isEqualTo(
                "Healthy:                         true\n"
                        + "Failure Tolerance:               1\n"
                        + "Leader:                          node1\n"
                        + "Voters:\n"
                        + "   node1\n"
                        + "   node2\n"
                        + "Non Voters:\n"
                        + "   node3\n"
                        + "Servers:\n"
                        + prettyServer("node1", "127.0.0.1:8201", "leader", "true", "0s", "voter")
                        + prettyServer("node2", "127.0.0.2:8201", "voter", "true", "412.5ms", "voter")
                        + prettyServer("node3", "127.0.0.3:8201", "non-voter", "false", "1.2s", "non-voter")
                        + "\n");
    }

    private static String prettyServer(String id, String addr, String status, String healthy, String contact,
            String type) {
        return "   " + id + "\n"
                + "      Name:              " + id + "\n"
                + "      Address:           " + addr + "\n"
                + "      Status:            " + status + "\n"
                + "      Node Status:       alive\n"
                + "      Healthy:           " + healthy + "\n"
                + "      Last Contact:      " + contact + "\n"
                + "      Last Term:         3\n"
                + "      Last Index:        63\n"
                + "      Version:           1.15.6\n"
                + "      Node Type:         " + type + "\n";
    }

    @Test
    void autopilotState_json_usesVaultsGoFieldNames() throws Exception {
        CliHarness cli = cli();
        server.on("GET /v1/sys/storage/raft/autopilot/state", 200,
                "{\"data\":{\"healthy\":false,\"failure_tolerance\":0,\"leader\":\"node1\",\"voters\":[\"node1\"],"
                        + "\"servers\":{" + server("node1", "127.0.0.1:8201", "leader", "0s", true, "voter") + "}}}");

        Result r = cli.run("operator", "raft", "autopilot", "state", "-format=json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("{\n"
                + "  \"Healthy\": false,\n"
                + "  \"FailureTolerance\": 0,\n"
                + "  \"Servers\": {\n"
                + "    \"node1\": {\n"
                + "      \"ID\": \"node1\",\n"
                + "      \"Name\": \"node1\",\n"
                + "      \"Address\": \"127.0.0.1:8201\",\n"
                + "      \"NodeStatus\": \"alive\",\n"
                + "      \"LastContact\": \"0s\",\n"
                + "      \"LastTerm\": 3,\n"
                + "      \"LastIndex\": 63,\n"
                + "      \"Healthy\": true,\n"
                + "      \"StableSince\": \"2024-05-01T10:00:00Z\",\n"
                + "      \"Status\": \"leader\",\n"
                + "      \"Version\": \"1.15.6\",\n"
                + "      \"UpgradeVersion\": \"\",\n"
                + "      \"RedundancyZone\": \"\",\n"
                + "      \"NodeType\": \"voter\"\n"
                + "    }\n"
                + "  },\n"
                + "  \"Leader\": \"node1\",\n"
                + "  \"Voters\": [\n"
                + "    \"node1\"\n"
                + "  ],\n"
                + "  \"NonVoters\": null,\n"
                + "  \"RedundancyZones\": null,\n"
                + "  \"Upgrade\": null,\n"
                + "  \"OptimisticFailureTolerance\": 0\n"
                + "}\n");
    }

    @Test
    void autopilotState_notFound_printsNothingAndExits0AsVaultDoes() throws Exception {
        Result r = cli().run("operator", "raft", "autopilot", "state");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void autopilotState_serverError_exits2() throws Exception {
        CliHarness cli = cli();
        server.on("GET /v1/sys/storage/raft/autopilot/state", 400, "{\"errors\":[\"raft storage is not in use\"]}");

        Result r = cli.run("operator", "raft", "autopilot", "state");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error checking autopilot state: Error making API request.\n\n"
                + "URL: GET " + server.address() + "/v1/sys/storage/raft/autopilot/state\nCode: 400.");
    }

    @Test
    void autopilotState_withArguments_exits1() throws Exception {
        Result r = cli().run("operator", "raft", "autopilot", "state", "extra");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Incorrect arguments (expected 0, got 1)\n");
    }

    // ---------------------------------------------------------------- help and groups

    @Test
    void raftGroup_listsSubcommandsAndNestedGroups() throws Exception {
        Result r = cli().run("operator", "raft", "-h");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: coffer operator raft <subcommand> [options] [args]")
                .contains("    autopilot      ").contains("    join           ").contains("    list-peers     ")
                .contains("    remove-peer    ").contains("    snapshot       ");
    }

    @Test
    void raftSnapshotGroup_withoutSubcommand_printsHelpAndExits1() throws Exception {
        Result r = cli().run("operator", "raft", "snapshot");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Usage: coffer operator raft snapshot <subcommand>")
                .contains("    restore    ").contains("    save       ");
    }

    @Test
    void raftGroup_unknownSubcommand_exits1() throws Exception {
        Result r = cli().run("operator", "raft", "frobnicate");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Unknown subcommand \"operator raft frobnicate\".");
    }

    @Test
    void joinHelp_showsUsageAndCommandOptions() throws Exception {
        Result r = cli().run("operator", "raft", "join", "-h");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: coffer operator raft join [options] <leader-api-addr")
                .contains("Command Options:\n\n  -auto-join-port=<int>\n")
                .contains("  -leader-ca-cert=<string>\n").contains("  -non-voter\n").contains("  -retry\n");
        assertThat(r.out()).doesNotContain("vault operator");
    }
}

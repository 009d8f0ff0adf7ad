package io.coffer.cli.command.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.CliHarness;
import io.coffer.cli.CliHarness.Result;
import io.coffer.cli.FakeTransport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorUnsealCommandTest {
    private static final String FAKE_SHARE = "fake-share-0123";
    private static final String PROGRESS_1 =
            "{\"type\":\"shamir\",\"initialized\":true,\"sealed\":true,\"t\":3,\"n\":5,\"progress\":1,"
                    + "\"nonce\":\"9c1a3a4f\",\"version\":\"1.15.6\",\"build_date\":\"2024-02-28T17:07:34Z\","
                    + "\"migration\":false,\"recovery_seal\":false,\"storage_type\":\"file\"}";
    private static final String UNSEALED =
            "{\"type\":\"shamir\",\"initialized\":true,\"sealed\":false,\"t\":3,\"n\":5,\"progress\":0,"
                    + "\"nonce\":\"\",\"version\":\"1.15.6\",\"build_date\":\"2024-02-28T17:07:34Z\","
                    + "\"migration\":false,\"cluster_name\":\"coffer-cluster\",\"cluster_id\":\"c-1\","
                    + "\"recovery_seal\":false,\"storage_type\":\"file\"}";
    private static final String NO_HA =
            "{\"ha_enabled\":false,\"is_self\":false,\"active_time\":\"0001-01-01T00:00:00Z\","
                    + "\"leader_address\":\"\",\"leader_cluster_address\":\"\",\"performance_standby\":false,"
                    + "\"performance_standby_last_remote_wal\":0}";

    @TempDir Path home;
    private final FakeTransport server = new FakeTransport();

    private CliHarness cli() {
        return new CliHarness(server, home);
    }

    @Test
    void unseal_argument_putsKeyAndPrintsSealStatusTable() {
        server.on("PUT /v1/sys/unseal", 200, PROGRESS_1);
        server.on("GET /v1/sys/leader", 200, NO_HA);

        Result r = cli().run("operator", "unseal", FAKE_SHARE);

        assertThat(r.exitCode()).isZero();
        assertThat(server.requestLines()).containsExactly("PUT /v1/sys/unseal", "GET /v1/sys/leader");
        assertThat(server.body(0))
                .isEqualTo("{\"key\":\"" + FAKE_SHARE + "\",\"reset\":false,\"migrate\":false}");
        assertThat(r.out()).isEqualTo(
                "Key                Value\n"
                        + "---                -----\n"
                        + "Seal Type          shamir\n"
                        + "Initialized        true\n"
                        + "Sealed             true\n"
                        + "Total Shares       5\n"
                        + "Threshold          3\n"
                        + "Unseal Progress    1/3\n"
                        + "Unseal Nonce       9c1a3a4f\n"
                        + "Version            1.15.6\n"
                        + "Build Date         2024-02-28T17:07:34Z\n"
                        + "Storage Type       file\n"
                        + "HA Enabled         false\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void unseal_thresholdReached_showsUnsealedWithoutProgress() {
        server.on("PUT /v1/sys/unseal", 200, UNSEALED);
        server.on("GET /v1/sys/leader", 200, NO_HA);

        Result r = cli().run("operator", "unseal", FAKE_SHARE);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Sealed          false\n").doesNotContain("Unseal Progress")
                .contains("Cluster Name    coffer-cluster\n");
    }

    @Test
    void unseal_noArgument_promptsAndReadsOneLineWithoutEchoingIt() {
        server.on("PUT /v1/sys/unseal", 200, PROGRESS_1);
        server.on("GET /v1/sys/leader", 200, NO_HA);

        Result r = cli().stdin(FAKE_SHARE + "\nnext-line\n").run("operator", "unseal");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Unseal Key (will be hidden): \nKey ");
        assertThat(r.out() + r.err()).doesNotContain(FAKE_SHARE);
        assertThat(server.body(0)).startsWith("{\"key\":\"" + FAKE_SHARE + "\",");
    }

    @Test
    void unseal_dash_readsShareFromStdinAndTrimsIt() {
        server.on("PUT /v1/sys/unseal", 200, PROGRESS_1);
        server.on("GET /v1/sys/leader", 200, NO_HA);

        Result r = cli().stdin("  " + FAKE_SHARE + "\r\n").run("operator", "unseal", "-");

        assertThat(r.exitCode()).isZero();
        assertThat(server.body(0)).startsWith("{\"key\":\"" + FAKE_SHARE + "\",");
        assertThat(r.out()).doesNotContain("Unseal Key (will be hidden)").doesNotContain(FAKE_SHARE);
    }

    @Test
    void unseal_reset_sendsResetOnly() {
        server.on("PUT /v1/sys/unseal", 200, PROGRESS_1.replace("\"progress\":1", "\"progress\":0")
                .replace("9c1a3a4f", ""));
        server.on("GET /v1/sys/leader", 200, NO_HA);

        Result r = cli().run("operator", "unseal", "-reset");

        assertThat(r.exitCode()).isZero();
        assertThat(server.body(0)).isEqualTo("{\"reset\":true}");
        assertThat(r.out()).contains("Unseal Progress    0/3\n");
    }

    @Test
    void unseal_json_printsSealStatusMergedWithLeader() {
        server.on("PUT /v1/sys/unseal", 200, PROGRESS_1);
        server.on("GET /v1/sys/leader", 200, NO_HA);

        Result r = cli().run("operator", "unseal", "-format=json", FAKE_SHARE);

        assertThat(r.out()).startsWith("{\n  \"type\": \"shamir\",\n  \"initialized\": true,\n  \"sealed\": true,\n"
                        + "  \"t\": 3,\n  \"n\": 5,\n  \"progress\": 1,\n  \"nonce\": \"9c1a3a4f\",\n")
                .contains("  \"ha_enabled\": false,\n");
    }

    @Test
    void unseal_wrongShare_exits2WithoutEchoingTheShare() {
        server.on("PUT /v1/sys/unseal", 400, "{\"errors\":[\"Vault is sealed: unseal failed, invalid key\"]}");

        Result r = cli().run("operator", "unseal", FAKE_SHARE);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error unsealing: Error making API request.").doesNotContain(FAKE_SHARE);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unseal_sealedHaNode_toleratesLeader503() {
        server.on("PUT /v1/sys/unseal", 200, PROGRESS_1);
        server.on("GET /v1/sys/leader", 503, "{\"errors\":[\"Vault is sealed\"]}");

        Result r = cli().run("operator", "unseal", FAKE_SHARE);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("HA Enabled         true\n");
    }

    @Test
    void unseal_twoArguments_exits1() {
        Result r = cli().run("operator", "unseal", "a", "b");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Too many arguments (expected 1, got 2)");
        assertThat(server.requests()).isEmpty();
    }
}

package io.coffer.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.api.Secret;
import io.coffer.cli.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretPrinterTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Ui ui =
            new Ui(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    false);

    private static Secret secret(String json) {
        return Secret.fromJson(new JsonReader().read(json));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void outputSecret_kvV1Read_showsRefreshIntervalAndSortedData() {
        Secret s =
                secret(
                        "{\"request_id\":\"r\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":2764800,"
                                + "\"data\":{\"value\":\"world\",\"excited\":\"yes\"},\"warnings\":null}");
        int code = new SecretPrinter(ui, OutputFormat.TABLE).outputSecret(s);
        assertThat(code).isZero();
        assertThat(out())
                .isEqualTo(
                        "Key                 Value\n"
                                + "---                 -----\n"
                                + "refresh_interval    768h\n"
                                + "excited             yes\n"
                                + "value               world\n");
    }

    @Test
    void outputSecret_tokenCreate_showsTokenRowsLikeVault() {
        Secret s =
                secret(
                        "{\"request_id\":\"r\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                                + "\"data\":null,\"warnings\":null,\"auth\":{\"client_token\":\"hvs.abc\","
                                + "\"accessor\":\"acc1\",\"policies\":[\"default\",\"web\"],"
                                + "\"token_policies\":[\"default\",\"web\"],\"metadata\":{\"user\":\"armon\"},"
                                + "\"lease_duration\":3600,\"renewable\":true,\"entity_id\":\"\","
                                + "\"token_type\":\"service\",\"orphan\":false,\"num_uses\":0}}");
        new SecretPrinter(ui, OutputFormat.TABLE).outputSecret(s);
        assertThat(out())
                .isEqualTo(
                        "Key                  Value\n"
                                + "---                  -----\n"
                                + "token                hvs.abc\n"
                                + "token_accessor       acc1\n"
                                + "token_duration       1h\n"
                                + "token_renewable      true\n"
                                + "token_policies       [\"default\" \"web\"]\n"
                                + "identity_policies    []\n"
                                + "policies             [\"default\" \"web\"]\n"
                                + "token_meta_user      armon\n");
    }

    @Test
    void outputSecret_rootTokenWithoutTtl_showsInfinity() {
        Secret s = Secret.ofAuth(Map.of("client_token", "root", "lease_duration", 0L));
        new SecretPrinter(ui, OutputFormat.TABLE).outputSecret(s);
        assertThat(out()).contains("token_duration       \u221e\n");
    }

    @Test
    void outputSecret_json_hasGoSecretShape() {
        Secret s =
                secret(
                        "{\"request_id\":\"r1\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                                + "\"data\":{\"b\":\"2\",\"a\":\"1\"},\"wrap_info\":null,\"warnings\":null,"
                                + "\"auth\":null,\"mount_type\":\"kv\",\"unknown\":1}");
        new SecretPrinter(ui, OutputFormat.JSON).outputSecret(s);
        assertThat(out())
                .isEqualTo(
                        "{\n"
                                + "  \"request_id\": \"r1\",\n"
                                + "  \"lease_id\": \"\",\n"
                                + "  \"lease_duration\": 0,\n"
                                + "  \"renewable\": false,\n"
                                + "  \"data\": {\n"
                                + "    \"a\": \"1\",\n"
                                + "    \"b\": \"2\"\n"
                                + "  },\n"
                                + "  \"warnings\": null,\n"
                                + "  \"mount_type\": \"kv\"\n"
                                + "}\n");
    }

    @Test
    void outputSecret_jsonWithAuth_hasGoAuthFields() {
        Secret s =
                secret(
                        "{\"request_id\":\"r\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                                + "\"data\":null,\"warnings\":null,\"auth\":{\"client_token\":\"hvs.x\","
                                + "\"accessor\":\"a\",\"policies\":[\"root\"],\"token_policies\":[\"root\"],"
                                + "\"metadata\":null,\"lease_duration\":0,\"renewable\":false,\"entity_id\":\"\","
                                + "\"token_type\":\"service\",\"orphan\":true,\"mfa_requirement\":null,"
                                + "\"num_uses\":0},\"mount_type\":\"token\"}");
        new SecretPrinter(ui, OutputFormat.JSON).outputSecret(s);
        assertThat(out())
                .contains(
                        "  \"auth\": {\n"
                                + "    \"client_token\": \"hvs.x\",\n"
                                + "    \"accessor\": \"a\",\n"
                                + "    \"policies\": [\n"
                                + "      \"root\"\n"
                                + "    ],\n"
                                + "    \"token_policies\": [\n"
                                + "      \"root\"\n"
                                + "    ],\n"
                                + "    \"identity_policies\": null,\n"
                                + "    \"metadata\": null,\n"
                                + "    \"orphan\": true,\n"
                                + "    \"entity_id\": \"\",\n"
                                + "    \"lease_duration\": 0,\n"
                                + "    \"renewable\": false,\n"
                                + "    \"mfa_requirement\": null\n"
                                + "  },\n"
                                + "  \"mount_type\": \"token\"\n");
    }

    @Test
    void outputSecret_warnings_goToStandardError() {
        Secret s = secret("{\"data\":{\"a\":\"b\"},\"warnings\":[\"careful now\"]}");
        new SecretPrinter(ui, OutputFormat.TABLE).outputSecret(s);
        assertThat(err())
                .isEqualTo(
                        "WARNING! The following warnings were returned from Coffer:\n\n  * careful now\n\n");
        assertThat(out()).startsWith("Key    Value\n");
    }

    @Test
    void outputList_table_sortsKeysUnderKeysHeader() {
        Secret s = secret("{\"data\":{\"keys\":[\"foo/\",\"bar\",\"baz\"]}}");
        new SecretPrinter(ui, OutputFormat.TABLE).outputList(s, false);
        assertThat(out()).isEqualTo("Keys\n----\nbar\nbaz\nfoo/\n");
    }

    @Test
    void outputList_json_printsKeysArray() {
        Secret s = secret("{\"data\":{\"keys\":[\"b\",\"a\"]}}");
        new SecretPrinter(ui, OutputFormat.JSON).outputList(s, false);
        assertThat(out()).isEqualTo("[\n  \"b\",\n  \"a\"\n]\n");
    }

    @Test
    void printRawField_notTerminal_printsValueWithoutNewline() {
        Secret s = secret("{\"data\":{\"password\":\"hunter2\"}}");
        int code = new SecretPrinter(ui, OutputFormat.TABLE).printRawField(s, "password");
        assertThat(code).isZero();
        assertThat(out()).isEqualTo("hunter2");
    }

    @Test
    void printRawField_json_printsJsonValue() {
        Secret s = secret("{\"data\":{\"list\":[\"a\"]}}");
        new SecretPrinter(ui, OutputFormat.JSON).printRawField(s, "list");
        assertThat(out()).isEqualTo("[\n  \"a\"\n]");
    }

    @Test
    void printRawField_missing_failsWithVaultMessage() {
        Secret s = secret("{\"data\":{}}");
        int code = new SecretPrinter(ui, OutputFormat.TABLE).printRawField(s, "nope");
        assertThat(code).isEqualTo(1);
        assertThat(err()).isEqualTo("Field \"nope\" not present in secret\n");
    }

    @Test
    void rawField_authSecret_mapsTokenFields() {
        Secret s = Secret.ofAuth(Map.of("client_token", "hvs.t", "accessor", "acc"));
        assertThat(SecretPrinter.rawField(s, "token")).isEqualTo("hvs.t");
        assertThat(SecretPrinter.rawField(s, "token_accessor")).isEqualTo("acc");
    }

    @Test
    void outputData_map_sortsAndHumanizesDurations() {
        new SecretPrinter(ui, OutputFormat.TABLE)
                .outputData(
                        Map.of(
                                "ttl",
                                new io.coffer.cli.json.JsonNumber("3600"),
                                "policies",
                                java.util.List.of("default")));
        assertThat(out())
                .isEqualTo("Key         Value\n---         -----\npolicies    [default]\nttl         1h\n");
    }
}

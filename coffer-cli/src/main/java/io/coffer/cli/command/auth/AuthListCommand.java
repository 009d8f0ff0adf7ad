package io.coffer.cli.command.auth;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.MountTables;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.json.JsonStruct;
import io.coffer.cli.output.GoFormat;
import io.coffer.cli.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code coffer auth list}: the enabled auth methods from GET {@code sys/auth}, as vault's {@code
 * Path/Type/Accessor/Description/Version} table, the 16-column {@code -detailed} table, or JSON
 * shaped as vault's {@code map[string]*api.AuthMount}.
 */
public final class AuthListCommand extends BaseCommand {
    /** Creates the command. */
    public AuthListCommand() {
        super(
                "auth list",
                "Lists enabled auth methods",
                """
                Usage: coffer auth list [options]

                  Lists the enabled auth methods on the Coffer server. This command also outputs
                  information about the method including configuration and human-friendly
                  descriptions. A TTL of "system" indicates that the system default is in use.

                  List all enabled auth methods:

                      $ coffer auth list

                  List all enabled auth methods with detailed output:

                      $ coffer auth list -detailed
                """,
                StandardFlags.plus(
                        StandardFlags.httpAndFormat(),
                        MountTables.detailedFlag(
                                "Print detailed information such as configuration and replication status"
                                        + " about each auth method. This option is only applicable to"
                                        + " table-formatted output.")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(0, 0);
        String error = "Error listing enabled authentications: ";
        TreeMap<String, Map<String, Object>> auths = MountTables.fetch(inv, error, c -> c.get("sys/auth"));
        if (inv.format() == OutputFormat.JSON) {
            return MountTables.printJson(inv, auths, AuthListCommand::mountJson);
        }
        return MountTables.printTable(inv, auths, AuthListCommand::simple, AuthListCommand::detailed);
    }

    static List<String> simple(Map<String, Map<String, Object>> auths) {
        List<String> out = new ArrayList<>();
        out.add("Path | Type | Accessor | Description | Version");
        for (Map.Entry<String, Map<String, Object>> e : auths.entrySet()) {
            Map<String, Object> m = e.getValue();
            out.add(
                    String.join(
                            " | ",
                            e.getKey(),
                            Secret.string(m.get("type")),
                            Secret.string(m.get("accessor")),
                            Secret.string(m.get("description")),
                            Secret.string(m.get("plugin_version"))));
        }
        return out;
    }

    static List<String> detailed(Map<String, Map<String, Object>> auths) {
        List<String> out = new ArrayList<>();
        out.add(
                "Path | Plugin | Accessor | Default TTL | Max TTL | Token Type | Replication | Seal Wrap"
                        + " | External Entropy Access | Options | Description | UUID | Version"
                        + " | Running Version | Running SHA256 | Deprecation Status");
        for (Map.Entry<String, Map<String, Object>> e : auths.entrySet()) {
            Map<String, Object> m = e.getValue();
            Map<String, String> options = MountTables.options(m);
            List<String> row = MountTables.detailedLead(e.getKey(), m);
            row.addAll(
                    List.of(
                            Secret.string(MountTables.config(m).get("token_type")),
                            MountTables.replication(m),
                            Boolean.toString(Boolean.TRUE.equals(m.get("seal_wrap"))),
                            Boolean.toString(Boolean.TRUE.equals(m.get("external_entropy_access"))),
                            GoFormat.value(options == null ? Map.of() : options),
                            Secret.string(m.get("description")),
                            Secret.string(m.get("uuid")),
                            Secret.string(m.get("plugin_version")),
                            Secret.string(m.get("running_plugin_version")),
                            Secret.string(m.get("running_sha256")),
                            Secret.string(m.get("deprecation_status"))));
            out.add(String.join(" | ", row));
        }
        return out;
    }

    /** One mount as Go marshals {@code api.MountOutput} (struct field order, omitempty config). */
    static JsonStruct mountJson(Map<String, Object> m) {
        Map<String, Object> c = MountTables.config(m);
        JsonStruct config =
                new JsonStruct()
                        .put("default_lease_ttl", Secret.longValue(c.get("default_lease_ttl")))
                        .put("max_lease_ttl", Secret.longValue(c.get("max_lease_ttl")))
                        .put("force_no_cache", Boolean.TRUE.equals(c.get("force_no_cache")))
                        .putOmitEmpty("audit_non_hmac_request_keys", strings(c.get("audit_non_hmac_request_keys")))
                        .putOmitEmpty("audit_non_hmac_response_keys", strings(c.get("audit_non_hmac_response_keys")))
                        .putOmitEmpty("listing_visibility", Secret.string(c.get("listing_visibility")))
                        .putOmitEmpty("passthrough_request_headers", strings(c.get("passthrough_request_headers")))
                        .putOmitEmpty("allowed_response_headers", strings(c.get("allowed_response_headers")))
                        .putOmitEmpty("token_type", Secret.string(c.get("token_type")))
                        .putOmitEmpty("allowed_managed_keys", strings(c.get("allowed_managed_keys")));
        if (c.get("user_lockout_config") instanceof Map<?, ?> raw) {
            Map<String, Object> u = Secret.asMap(raw);
            JsonStruct lockout =
                    new JsonStruct()
                            .putOmitEmpty("lockout_threshold", Secret.longValue(u.get("lockout_threshold")))
                            .putOmitEmpty("lockout_duration", Secret.longValue(u.get("lockout_duration")))
                            .putOmitEmpty("lockout_counter_reset", Secret.longValue(u.get("lockout_counter_reset")));
            if (u.get("disable_lockout") instanceof Boolean b) {
                lockout.put("disable_lockout", b);
            }
            config.put("user_lockout_config", lockout);
        }
        return new JsonStruct()
                .put("uuid", Secret.string(m.get("uuid")))
                .put("type", Secret.string(m.get("type")))
                .put("description", Secret.string(m.get("description")))
                .put("accessor", Secret.string(m.get("accessor")))
                .put("config", config)
                .put("options", MountTables.options(m))
                .put("local", Boolean.TRUE.equals(m.get("local")))
                .put("seal_wrap", Boolean.TRUE.equals(m.get("seal_wrap")))
                .put("external_entropy_access", Boolean.TRUE.equals(m.get("external_entropy_access")))
                .put("plugin_version", Secret.string(m.get("plugin_version")))
                .put("running_plugin_version", Secret.string(m.get("running_plugin_version")))
                .put("running_sha256", Secret.string(m.get("running_sha256")))
                .put("deprecation_status", Secret.string(m.get("deprecation_status")));
    }

    private static List<String> strings(Object v) {
        return v instanceof List<?> l ? Secret.strings(l) : List.of();
    }
}

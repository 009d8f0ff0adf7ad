package io.coffer.cli.command.auth;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.json.GoJson;
import io.coffer.cli.json.JsonStruct;
import io.coffer.cli.output.Columns;
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
                        FlagSpec.of(
                                StandardFlags.COMMAND,
                                "detailed",
                                FlagType.BOOL,
                                Boolean.FALSE,
                                "Print detailed information such as configuration and replication status"
                                        + " about each auth method. This option is only applicable to"
                                        + " table-formatted output.")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(0, 0);
        String error = "Error listing enabled authentications: ";
        Secret secret = Requests.send(inv, error, c -> c.get("sys/auth"));
        if (secret == null || secret.data() == null) {
            throw inv.fail(ExitCodes.API, error + "data from server response is empty");
        }
        TreeMap<String, Map<String, Object>> auths = new TreeMap<>(GoJson.GO_STRING_ORDER);
        for (Map.Entry<String, Object> e : secret.data().entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m) {
                auths.put(e.getKey(), Secret.asMap(m));
            }
        }
        if (inv.format() == OutputFormat.JSON) {
            Map<String, Object> out = new TreeMap<>(GoJson.GO_STRING_ORDER);
            for (Map.Entry<String, Map<String, Object>> e : auths.entrySet()) {
                out.put(e.getKey(), mountJson(e.getValue()));
            }
            return inv.printer().outputData(out);
        }
        List<String> rows = inv.flags().bool("detailed") ? detailed(auths) : simple(auths);
        inv.ui().output(Columns.table(rows, "|"));
        return ExitCodes.OK;
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
            String type = Secret.string(m.get("type"));
            Map<String, Object> config = config(m);
            String plugin = type.equals("plugin") ? Secret.string(config.get("plugin_name")) : type;
            out.add(
                    String.join(
                            " | ",
                            e.getKey(),
                            plugin,
                            Secret.string(m.get("accessor")),
                            ttl(type, Secret.longValue(config.get("default_lease_ttl"))),
                            ttl(type, Secret.longValue(config.get("max_lease_ttl"))),
                            Secret.string(config.get("token_type")),
                            Boolean.TRUE.equals(m.get("local")) ? "local" : "replicated",
                            Boolean.toString(Boolean.TRUE.equals(m.get("seal_wrap"))),
                            Boolean.toString(Boolean.TRUE.equals(m.get("external_entropy_access"))),
                            GoFormat.value(options(m) == null ? Map.of() : options(m)),
                            Secret.string(m.get("description")),
                            Secret.string(m.get("uuid")),
                            Secret.string(m.get("plugin_version")),
                            Secret.string(m.get("running_plugin_version")),
                            Secret.string(m.get("running_sha256")),
                            Secret.string(m.get("deprecation_status"))));
        }
        return out;
    }

    /** One mount as Go marshals {@code api.MountOutput} (struct field order, omitempty config). */
    static JsonStruct mountJson(Map<String, Object> m) {
        Map<String, Object> c = config(m);
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
                .put("options", options(m))
                .put("local", Boolean.TRUE.equals(m.get("local")))
                .put("seal_wrap", Boolean.TRUE.equals(m.get("seal_wrap")))
                .put("external_entropy_access", Boolean.TRUE.equals(m.get("external_entropy_access")))
                .put("plugin_version", Secret.string(m.get("plugin_version")))
                .put("running_plugin_version", Secret.string(m.get("running_plugin_version")))
                .put("running_sha256", Secret.string(m.get("running_sha256")))
                .put("deprecation_status", Secret.string(m.get("deprecation_status")));
    }

    private static Map<String, Object> config(Map<String, Object> m) {
        return m.get("config") instanceof Map<?, ?> c ? Secret.asMap(c) : Map.of();
    }

    /** The mount's options as Go's {@code map[string]string}, or null when there are none. */
    private static Map<String, String> options(Map<String, Object> m) {
        if (!(m.get("options") instanceof Map<?, ?> o)) {
            return null;
        }
        Map<String, String> out = new TreeMap<>(GoJson.GO_STRING_ORDER);
        for (Map.Entry<?, ?> e : o.entrySet()) {
            out.put(String.valueOf(e.getKey()), Secret.string(e.getValue()));
        }
        return out;
    }

    private static List<String> strings(Object v) {
        return v instanceof List<?> l ? Secret.strings(l) : List.of();
    }

    /** Vault's {@code calcTTL}: seconds, {@code system} for 0, empty for system/cubbyhole. */
    private static String ttl(String type, long ttl) {
        if (type.equals("system") || type.equals("cubbyhole")) {
            return "";
        }
        return ttl != 0 ? Long.toString(ttl) : "system";
    }
}

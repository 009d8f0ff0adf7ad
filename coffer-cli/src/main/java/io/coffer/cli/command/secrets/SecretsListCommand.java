package io.coffer.cli.command.secrets;

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
import io.coffer.cli.output.Columns;
import io.coffer.cli.output.GoFormat;
import io.coffer.cli.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code coffer secrets list}: the enabled secrets engines from GET {@code sys/mounts}, as a
 * Path/Type/Accessor/Description table ({@code -detailed} adds TTLs, options, UUID...) or JSON.
 */
public final class SecretsListCommand extends BaseCommand {
    /** Creates the command. */
    public SecretsListCommand() {
        super(
                "secrets list",
                "List enabled secrets engines",
                """
                Usage: coffer secrets list [options]

                  Lists the enabled secret engines on the Coffer server. This command also
                  outputs information about the enabled path including configured TTLs and
                  human-friendly descriptions. A TTL of "system" indicates that the system
                  default is in use.

                  List all enabled secrets engines:

                      $ coffer secrets list

                  List all enabled secrets engines with detailed output:

                      $ coffer secrets list -detailed
                """,
                StandardFlags.plus(
                        StandardFlags.httpAndFormat(),
                        FlagSpec.of(
                                StandardFlags.COMMAND,
                                "detailed",
                                FlagType.BOOL,
                                Boolean.FALSE,
                                "Print detailed information such as TTLs and replication status about each"
                                        + " secrets engine.")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(0, 0);
        Secret secret =
                Requests.send(inv, "Error listing secrets engines: ", c -> c.read("sys/mounts", null));
        if (secret == null || secret.data() == null) {
            inv.ui().error("Error listing secrets engines: data from server response is empty");
            return ExitCodes.API;
        }
        TreeMap<String, Map<String, Object>> mounts = new TreeMap<>(GoJson.GO_STRING_ORDER);
        for (Map.Entry<String, Object> e : secret.data().entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m) {
                mounts.put(e.getKey(), Secret.asMap(m));
            }
        }
        if (inv.format() == OutputFormat.JSON) {
            return inv.printer().outputData(mounts);
        }
        List<String> rows = inv.flags().bool("detailed") ? detailed(mounts) : simple(mounts);
        inv.ui().output(Columns.table(rows, "|"));
        return ExitCodes.OK;
    }

    static List<String> simple(Map<String, Map<String, Object>> mounts) {
        List<String> out = new ArrayList<>();
        out.add("Path | Type | Accessor | Description");
        for (Map.Entry<String, Map<String, Object>> e : mounts.entrySet()) {
            Map<String, Object> m = e.getValue();
            out.add(
                    e.getKey()
                            + " | "
                            + Secret.string(m.get("type"))
                            + " | "
                            + Secret.string(m.get("accessor"))
                            + " | "
                            + Secret.string(m.get("description")));
        }
        return out;
    }

    static List<String> detailed(Map<String, Map<String, Object>> mounts) {
        List<String> out = new ArrayList<>();
        out.add(
                "Path | Plugin | Accessor | Default TTL | Max TTL | Force No Cache | Replication"
                        + " | Seal Wrap | Options | Description | UUID");
        for (Map.Entry<String, Map<String, Object>> e : mounts.entrySet()) {
            Map<String, Object> m = e.getValue();
            String type = Secret.string(m.get("type"));
            Map<String, Object> config =
                    m.get("config") instanceof Map<?, ?> c ? Secret.asMap(c) : Map.of();
            String plugin = type;
            if (type.equals("plugin")) {
                plugin = Secret.string(config.get("plugin_name"));
            }
            Object options = m.get("options") instanceof Map<?, ?> o ? o : Map.of();
            out.add(
                    String.join(
                            " | ",
                            e.getKey(),
                            plugin,
                            Secret.string(m.get("accessor")),
                            ttl(type, Secret.longValue(config.get("default_lease_ttl"))),
                            ttl(type, Secret.longValue(config.get("max_lease_ttl"))),
                            Boolean.toString(Boolean.TRUE.equals(config.get("force_no_cache"))),
                            Boolean.TRUE.equals(m.get("local")) ? "local" : "replicated",
                            Boolean.toString(Boolean.TRUE.equals(m.get("seal_wrap"))),
                            GoFormat.value(options),
                            Secret.string(m.get("description")),
                            Secret.string(m.get("uuid"))));
        }
        return out;
    }

    private static String ttl(String type, long ttl) {
        if (type.equals("system") || type.equals("cubbyhole")) {
            return "";
        }
        return ttl != 0 ? Long.toString(ttl) : "system";
    }
}

package io.coffer.cli.command.secrets;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.MountTables;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
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
                        MountTables.detailedFlag(
                                "Print detailed information such as TTLs and replication status about each"
                                        + " secrets engine.")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(0, 0);
        TreeMap<String, Map<String, Object>> mounts =
                MountTables.fetch(inv, "Error listing secrets engines: ", c -> c.read("sys/mounts", null));
        if (inv.format() == OutputFormat.JSON) {
            return inv.printer().outputData(mounts);
        }
        return MountTables.printTable(inv, mounts, SecretsListCommand::simple, SecretsListCommand::detailed);
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
            Object options = m.get("options") instanceof Map<?, ?> o ? o : Map.of();
            List<String> row = MountTables.detailedLead(e.getKey(), m);
            row.addAll(
                    List.of(
                            Boolean.toString(Boolean.TRUE.equals(MountTables.config(m).get("force_no_cache"))),
                            MountTables.replication(m),
                            Boolean.toString(Boolean.TRUE.equals(m.get("seal_wrap"))),
                            GoFormat.value(options),
                            Secret.string(m.get("description")),
                            Secret.string(m.get("uuid"))));
            out.add(String.join(" | ", row));
        }
        return out;
    }
}

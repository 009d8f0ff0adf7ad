package io.coffer.cli.command.audit;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.MountTables;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.json.JsonStruct;
import io.coffer.cli.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code coffer audit list}: the enabled audit devices from GET {@code sys/audit}, as vault's
 * {@code Path/Type/Description} table ({@code -detailed} adds replication and options), or JSON
 * shaped as vault's {@code map[string]*api.Audit}. With no device the table form prints {@code No
 * audit devices are enabled.} and exits 2, as vault does.
 */
public final class AuditListCommand extends BaseCommand {
    /** Creates the command. */
    public AuditListCommand() {
        super(
                "audit list",
                "Lists enabled audit devices",
                """
                Usage: coffer audit list [options]

                  Lists the enabled audit devices in the Coffer server. The output lists the
                  enabled audit devices and the options for those devices.

                  List all audit devices:

                      $ coffer audit list

                  List detailed output about the audit devices:

                      $ coffer audit list -detailed
                """,
                StandardFlags.plus(
                        StandardFlags.httpAndFormat(),
                        MountTables.detailedFlag(
                                "Print detailed information such as options and replication status about each"
                                        + " audit device.")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(0, 0);
        String error = "Error listing audits: ";
        TreeMap<String, Map<String, Object>> audits = MountTables.fetch(inv, error, c -> c.get("sys/audit"));
        if (inv.format() == OutputFormat.JSON) {
            return MountTables.printJson(inv, audits, AuditListCommand::deviceJson);
        }
        if (audits.isEmpty()) {
            inv.ui().output("No audit devices are enabled.");
            return ExitCodes.API;
        }
        return MountTables.printTable(inv, audits, AuditListCommand::simple, AuditListCommand::detailed);
    }

    /** One device as Go marshals {@code api.Audit} (struct field order). */
    static JsonStruct deviceJson(Map<String, Object> a) {
        return new JsonStruct()
                .put("type", Secret.string(a.get("type")))
                .put("description", Secret.string(a.get("description")))
                .put("options", MountTables.options(a))
                .put("local", Boolean.TRUE.equals(a.get("local")))
                .put("path", Secret.string(a.get("path")));
    }

    /** Vault prints each device's own {@code path} field here (the map key in the detailed form). */
    static List<String> simple(Map<String, Map<String, Object>> audits) {
        List<String> out = new ArrayList<>();
        out.add("Path | Type | Description");
        for (Map<String, Object> a : audits.values()) {
            out.add(
                    String.join(
                            " | ",
                            Secret.string(a.get("path")),
                            Secret.string(a.get("type")),
                            Secret.string(a.get("description"))));
        }
        return out;
    }

    /** Options as {@code k=v} separated by spaces, sorted by key (Go's order is random). */
    static List<String> detailed(Map<String, Map<String, Object>> audits) {
        List<String> out = new ArrayList<>();
        out.add("Path | Type | Description | Replication | Options");
        for (Map.Entry<String, Map<String, Object>> e : audits.entrySet()) {
            Map<String, Object> a = e.getValue();
            List<String> opts = new ArrayList<>();
            Map<String, String> options = MountTables.options(a);
            if (options != null) {
                for (Map.Entry<String, String> o : options.entrySet()) {
                    opts.add(o.getKey() + "=" + o.getValue());
                }
            }
            out.add(
                    String.join(
                            " | ",
                            e.getKey(),
                            Secret.string(a.get("type")),
                            Secret.string(a.get("description")),
                            MountTables.replication(a),
                            String.join(" ", opts)));
        }
        return out;
    }
}

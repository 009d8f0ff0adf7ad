package io.coffer.cli.command.audit;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.ParsedArgs;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.input.KeyValueArgs;
import io.coffer.cli.input.KeyValueException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code coffer audit enable [-path=P] [-description=D] [-local] TYPE [K=V...]}: enables an audit
 * device with PUT {@code sys/audit/<path>} and vault's {@code EnableAuditOptions} body; the
 * {@code K=V} arguments become the device's string {@code options}.
 */
public final class AuditEnableCommand extends BaseCommand {
    /** Creates the command. */
    public AuditEnableCommand() {
        super(
                "audit enable",
                "Enables an audit device",
                """
                Usage: coffer audit enable [options] TYPE [CONFIG K=V...]

                  Enables an audit device at a given path.

                  This command enables an audit device of TYPE. Additional options for
                  configuring the audit device can be specified after the type in the same
                  format as the "coffer write" command in key/value pairs.

                  For example, to configure the file audit device to write audit logs at the
                  path "/var/log/audit.log":

                      $ coffer audit enable file file_path=/var/log/audit.log
                """,
                flagSpecs());
    }

    private static List<FlagSpec> flagSpecs() {
        String s = StandardFlags.COMMAND;
        List<FlagSpec> l = new ArrayList<>(StandardFlags.http());
        l.add(
                FlagSpec.of(
                        s,
                        "description",
                        FlagType.STRING,
                        null,
                        "Human-friendly description for the purpose of this audit device."));
        l.add(
                FlagSpec.of(
                        s,
                        "path",
                        FlagType.STRING,
                        null,
                        "Place where the audit device will be accessible. This must be unique across all"
                                + " audit devices. This defaults to the \"type\" of the audit device."));
        l.add(
                FlagSpec.of(
                        s,
                        "local",
                        FlagType.BOOL,
                        Boolean.FALSE,
                        "Mark the audit device as a local-only device. Local devices are not replicated"
                                + " or removed by replication."));
        return l;
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        ParsedArgs f = inv.flags();
        List<String> args = inv.args();
        if (args.isEmpty()) {
            throw inv.fail(
                    ExitCodes.USAGE,
                    "Error enabling audit device: audit type missing. Valid types include 'file',"
                            + " 'socket' and 'syslog'.");
        }
        String auditType = args.get(0).strip();
        String pathFlag = f.string("path");
        String auditPath = ensureTrailingSlash(pathFlag.isEmpty() ? auditType : pathFlag);

        InputStream stdin = f.bool("non-interactive") ? InputStream.nullInputStream() : inv.stdin();
        Map<String, String> options;
        try {
            options =
                    new KeyValueArgs(stdin, inv.context().json(), inv.context().env().workingDir())
                            .parseStrings(args.subList(1, args.size()));
        } catch (KeyValueException e) {
            throw inv.fail(ExitCodes.USAGE, "Failed to parse K=V data: " + e.getMessage());
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", auditType);
        body.put("description", f.string("description"));
        body.put("options", options);
        body.put("local", f.bool("local"));
        Requests.send(inv, "Error enabling audit device: ", c -> c.write("sys/audit/" + auditPath, body));
        inv.ui().output("Success! Enabled the " + auditType + " audit device at: " + auditPath);
        return ExitCodes.OK;
    }
}

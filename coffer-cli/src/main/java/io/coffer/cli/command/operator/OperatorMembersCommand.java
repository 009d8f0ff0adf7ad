package io.coffer.cli.command.operator;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.json.GoJson;
import io.coffer.cli.output.Columns;
import io.coffer.cli.output.OutputFormat;
import java.util.Map;

/**
 * {@code coffer operator members}: lists the cluster's nodes from GET {@code sys/ha-status} (the
 * top-level {@code nodes}, which the active node reports) in vault's table, or as vault's JSON.
 * Errors are printed without a prefix, as vault prints them for this command.
 */
public final class OperatorMembersCommand extends BaseCommand {
    /** Creates the command. */
    public OperatorMembersCommand() {
        super(
                "operator members",
                "Returns the list of nodes in the cluster",
                """
                Usage: coffer operator members

                  Provides the details of all the nodes in the cluster.

                      $ coffer operator members
                """,
                StandardFlags.httpAndFormat());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        Map<String, Object> status = Requests.send(inv, "", c -> c.getRawJson("sys/ha-status"));
        MembersOutput members = new MembersOutput(status);
        if (inv.format() == OutputFormat.JSON) {
            inv.ui().output(GoJson.marshalIndent(members.json()));
        } else {
            inv.ui().output(Columns.table(members.rows(), "|"));
        }
        return ExitCodes.OK;
    }
}

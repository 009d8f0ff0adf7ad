package io.coffer.cli.command.raft;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.output.OutputFormat;

/**
 * {@code coffer operator raft autopilot state}: reads {@code sys/storage/raft/autopilot/state} and
 * prints it as vault does: by default in vault's "pretty" layout (vault makes that the default for
 * this command, so {@code table} means it too), with {@code -format=json} as the JSON of vault's
 * {@code api.AutopilotState}. A 404 prints nothing and exits 0, as vault's client treats it.
 */
public final class OperatorRaftAutopilotStateCommand extends BaseCommand {
    static final String PATH = "sys/storage/raft/autopilot/state";
    private static final String ERROR = "Error checking autopilot state: ";

    /** Creates the command. */
    public OperatorRaftAutopilotStateCommand() {
        super(
                "operator raft autopilot state",
                "Displays the state of the raft cluster under integrated storage as seen by autopilot",
                """
                Usage: coffer operator raft autopilot state

                  Displays the state of the raft cluster under integrated storage as seen by autopilot.

                      $ coffer operator raft autopilot state

                      $ coffer operator raft autopilot state -format=json
                """,
                StandardFlags.httpAndFormat());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        int n = inv.args().size();
        if (n != 0) {
            throw new UsageException("Incorrect arguments (expected 0, got " + n + ")");
        }
        Secret secret = Requests.send(inv, ERROR, c -> c.read(PATH, null));
        if (secret == null) {
            return ExitCodes.OK;
        }
        if (secret.data() == null) {
            throw inv.fail(ExitCodes.API, ERROR + "data from server response is empty");
        }
        AutopilotStateOutput state = new AutopilotStateOutput(secret.data());
        inv.ui().output(inv.format() == OutputFormat.JSON ? state.json() : state.pretty());
        return ExitCodes.OK;
    }
}

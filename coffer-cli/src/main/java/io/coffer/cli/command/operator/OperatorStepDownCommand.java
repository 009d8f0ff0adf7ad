package io.coffer.cli.command.operator;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;

/**
 * {@code coffer operator step-down}: makes the active node give up leadership with PUT {@code
 * sys/step-down} (sudo; a standby forwards it to the active node) and prints vault's "Success!
 * Stepped down: ADDRESS" with the address the command talked to.
 */
public final class OperatorStepDownCommand extends BaseCommand {
    /** Creates the command. */
    public OperatorStepDownCommand() {
        super(
                "operator step-down",
                "Forces Coffer to resign active duty",
                """
                Usage: coffer operator step-down [options]

                  Forces the Coffer server at the given address to step down from active duty.
                  While the affected node will have a delay before attempting to acquire the
                  leader lock again, if no other Coffer nodes acquire the lock beforehand, it
                  is possible for the same node to re-acquire the lock and become active
                  again.

                  Force Coffer to step down as the leader:

                      $ coffer operator step-down
                """,
                StandardFlags.http());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        int n = inv.args().size();
        if (n > 0) {
            throw new UsageException("Too many arguments (expected 0, got " + n + ")");
        }
        String address = inv.client().settings().address().toString();
        Requests.send(inv, "Error stepping down: ", c -> c.write("sys/step-down", null));
        inv.ui().output("Success! Stepped down: " + address);
        return ExitCodes.OK;
    }
}

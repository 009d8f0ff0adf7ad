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
 * {@code coffer operator seal}: seals the server with PUT {@code sys/seal} (a sudo operation) and
 * prints vault's "Success! Vault is sealed."; sealing an already sealed server does nothing.
 */
public final class OperatorSealCommand extends BaseCommand {
    /** Creates the command. */
    public OperatorSealCommand() {
        super(
                "operator seal",
                "Seals the Coffer server",
                """
                Usage: coffer operator seal [options]

                  Seals the Coffer server. Sealing tells the Coffer server to stop responding
                  to any operations until it is unsealed. When sealed, the Coffer server
                  discards its in-memory root key to unlock the data, so it is physically
                  blocked from responding to operations unsealed.

                  If an unseal is in progress, sealing the Coffer will reset the unsealing
                  process. Users will have to re-enter their portions of the root key again.

                  This command does nothing if the Coffer server is already sealed.

                  Seal the Coffer server:

                      $ coffer operator seal
                """,
                StandardFlags.http());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(0, 0);
        Requests.send(inv, "Error sealing: ", c -> c.write("sys/seal", null));
        inv.ui().output("Success! Vault is sealed.");
        return ExitCodes.OK;
    }
}

package io.coffer.cli.command.sys;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.VaultClient;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import java.util.Map;

/**
 * {@code coffer status}: seal status plus leader information, printed as vault prints it; exits 0
 * when unsealed, 2 when sealed, 1 when the server cannot be asked.
 */
public final class StatusCommand extends BaseCommand {
    /** Creates the command. */
    public StatusCommand() {
        super(
                "status",
                "Print seal and HA status",
                """
                Usage: coffer status [options]

                  Prints the current state of Coffer including whether it is sealed and if HA
                  mode is enabled. This command prints regardless of whether the server is
                  sealed.

                  The exit code reflects the seal status:

                      - 0 - unsealed
                      - 1 - error
                      - 2 - sealed

                      $ coffer status

                      $ coffer status -format=json
                """,
                StandardFlags.httpAndFormat());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException {
        inv.expectArgs(0, 0);
        VaultClient client = inv.client();
        Map<String, Object> seal;
        try {
            seal = client.getRawJson("sys/seal-status");
        } catch (ClientException e) {
            inv.ui().error("Error checking seal status: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        int code = SealStatusOutput.print(inv, seal);
        if (SealStatusOutput.sealed(seal)) {
            return ExitCodes.API;
        }
        return code;
    }
}

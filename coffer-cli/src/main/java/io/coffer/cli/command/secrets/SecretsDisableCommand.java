package io.coffer.cli.command.secrets;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;

/** {@code coffer secrets disable PATH}: unmounts a secrets engine and deletes its data. */
public final class SecretsDisableCommand extends BaseCommand {
    /** Creates the command. */
    public SecretsDisableCommand() {
        super(
                "secrets disable",
                "Disable a secrets engine",
                """
                Usage: coffer secrets disable [options] PATH

                  Disables a secrets engine at the given PATH. The argument corresponds to
                  the enabled PATH of the engine, not the TYPE! All secrets created by this
                  engine are revoked and its data is deleted.

                  Disable the secrets engine enabled at aws/:

                      $ coffer secrets disable aws/
                """,
                StandardFlags.http());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(1, 1);
        String path = ensureTrailingSlash(sanitizePath(inv.args().get(0)));
        String error = "Error disabling secrets engine at " + path + ": ";
        Requests.send(inv, error, c -> c.delete("sys/mounts/" + path, null));
        inv.ui().output("Success! Disabled the secrets engine (if it existed) at: " + path);
        return ExitCodes.OK;
    }
}

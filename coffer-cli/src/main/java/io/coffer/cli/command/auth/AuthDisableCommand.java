package io.coffer.cli.command.auth;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;

/** {@code coffer auth disable PATH}: DELETE {@code sys/auth/<path>}, revoking its tokens. */
public final class AuthDisableCommand extends BaseCommand {
    /** Creates the command. */
    public AuthDisableCommand() {
        super(
                "auth disable",
                "Disables an auth method",
                """
                Usage: coffer auth disable [options] PATH

                  Disables an existing auth method at the given PATH. The argument corresponds
                  to the PATH of the mount, not the TYPE!. Once the auth method is disabled its
                  path can no longer be used to authenticate.

                  All access tokens generated via the disabled auth method are immediately
                  revoked. This command will block until all tokens are revoked.

                  Disable the auth method at userpass/:

                      $ coffer auth disable userpass/
                """,
                StandardFlags.http());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(1, 1);
        String path = ensureTrailingSlash(sanitizePath(inv.args().get(0)));
        String error = "Error disabling auth method at " + path + ": ";
        Requests.send(inv, error, c -> c.delete("sys/auth/" + path, null));
        inv.ui().output("Success! Disabled the auth method (if it existed) at: " + path);
        return ExitCodes.OK;
    }
}

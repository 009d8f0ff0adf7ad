package io.coffer.cli.command.auth;

import io.coffer.cli.command.MountDisableCommand;

/** {@code coffer auth disable PATH}: DELETE {@code sys/auth/<path>}, revoking its tokens. */
public final class AuthDisableCommand extends MountDisableCommand {
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
                "sys/auth/",
                "auth method");
    }
}

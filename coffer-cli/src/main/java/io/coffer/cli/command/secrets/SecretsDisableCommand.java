package io.coffer.cli.command.secrets;

import io.coffer.cli.command.MountDisableCommand;

/** {@code coffer secrets disable PATH}: unmounts a secrets engine and deletes its data. */
public final class SecretsDisableCommand extends MountDisableCommand {
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
                "sys/mounts/",
                "secrets engine");
    }
}

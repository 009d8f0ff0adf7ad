package io.coffer.cli.command.sys;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.Invocation;
import java.util.List;

/** {@code coffer version}: prints the CLI's version, never contacting the server. */
public final class VersionCommand extends BaseCommand {
    /** Creates the command. */
    public VersionCommand() {
        super(
                "version",
                "Prints the Coffer CLI version",
                """
                Usage: coffer version

                  Prints the version of this Coffer CLI. This does not print the target
                  server's version; use "coffer status" for that.

                  Print the version:

                      $ coffer version

                  There are no arguments or flags to this command.
                """,
                List.of());
    }

    @Override
    public int run(Invocation inv) {
        inv.ui().output("Coffer v" + BuildInfo.version());
        return ExitCodes.OK;
    }
}

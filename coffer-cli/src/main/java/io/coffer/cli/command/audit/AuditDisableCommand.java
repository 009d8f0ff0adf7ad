package io.coffer.cli.command.audit;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;

/** {@code coffer audit disable PATH}: DELETE {@code sys/audit/<path>}. */
public final class AuditDisableCommand extends BaseCommand {
    /** Creates the command. */
    public AuditDisableCommand() {
        super(
                "audit disable",
                "Disables an audit device",
                """
                Usage: coffer audit disable [options] PATH

                  Disables an audit device. Once an audit device is disabled, no future audit
                  logs are dispatched to it. The data associated with the audit device is not
                  affected.

                  The argument corresponds to the PATH of audit device, not the TYPE!

                  Disable the audit device enabled at "file/":

                      $ coffer audit disable file/
                """,
                StandardFlags.http());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(1, 1);
        String path = ensureTrailingSlash(sanitizePath(inv.args().get(0)));
        Requests.send(inv, "Error disabling audit device: ", c -> c.delete("sys/audit/" + path, null));
        inv.ui().output("Success! Disabled audit device (if it was enabled) at: " + path);
        return ExitCodes.OK;
    }
}

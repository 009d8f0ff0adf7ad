package io.coffer.cli.command.operator;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.json.GoJson;
import io.coffer.cli.output.OutputFormat;

/**
 * {@code coffer operator key-status}: prints the term, install time and encryption count of the
 * barrier's active key ({@code GET sys/key-status}), as vault does.
 */
public final class OperatorKeyStatusCommand extends BaseCommand {
    /** Creates the command. */
    public OperatorKeyStatusCommand() {
        super(
                "operator key-status",
                "Provides information about the active encryption key",
                """
                Usage: coffer operator key-status [options]

                  Provides information about the active encryption key. Specifically,
                  the current key term and the key installation time.

                      $ coffer operator key-status
                """,
                StandardFlags.httpAndFormat());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(0, 0);
        return show(inv, false);
    }

    /**
     * Reads {@code sys/key-status} and prints it; {@code rotated} prefixes the table with
     * "Success! Rotated key". A failed read prints {@code "Error reading key status: ..."} and
     * exits 2.
     */
    static int show(Invocation inv, boolean rotated) throws ClientSetupException, ExitException {
        Secret s = Requests.send(inv, "Error reading key status: ", c -> c.read("sys/key-status", null));
        if (s == null || s.data() == null) {
            throw inv.fail(ExitCodes.API, "Error reading key status: data from server response is empty");
        }
        KeyStatusOutput status = new KeyStatusOutput(s.data());
        if (inv.format() == OutputFormat.JSON) {
            inv.ui().output(GoJson.marshalIndent(status.json()));
            return ExitCodes.OK;
        }
        if (rotated) {
            inv.ui().output("Success! Rotated key");
            inv.ui().output("");
        }
        inv.ui().output(status.table());
        return ExitCodes.OK;
    }
}

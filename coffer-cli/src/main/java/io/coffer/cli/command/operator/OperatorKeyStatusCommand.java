package io.coffer.cli.command.operator;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.Invocation;
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
    public int run(Invocation inv) throws UsageException, ClientSetupException {
        inv.expectArgs(0, 0);
        KeyStatusOutput status;
        try {
            status = read(inv);
        } catch (ClientException e) {
            inv.ui().error("Error reading key status: " + e.getMessage());
            return ExitCodes.API;
        }
        if (status == null) {
            inv.ui().error("Error reading key status: data from server response is empty");
            return ExitCodes.API;
        }
        print(inv, status, false);
        return ExitCodes.OK;
    }

    /** Reads {@code sys/key-status}; null when the answer has no data. */
    static KeyStatusOutput read(Invocation inv) throws ClientException, ClientSetupException {
        Secret s = inv.client().read("sys/key-status", null);
        if (s == null || s.data() == null) {
            return null;
        }
        return new KeyStatusOutput(s.data());
    }

    /** Prints the status; {@code rotated} prefixes the table with "Success! Rotated key". */
    static void print(Invocation inv, KeyStatusOutput status, boolean rotated) {
        if (inv.format() == OutputFormat.JSON) {
            inv.ui().output(GoJson.marshalIndent(status.json()));
            return;
        }
        if (rotated) {
            inv.ui().output("Success! Rotated key");
            inv.ui().output("");
        }
        inv.ui().output(status.table());
    }
}

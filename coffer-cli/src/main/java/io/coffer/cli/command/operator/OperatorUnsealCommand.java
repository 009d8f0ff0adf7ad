package io.coffer.cli.command.operator;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.command.sys.SealStatusOutput;
import io.coffer.cli.json.JsonStruct;
import io.coffer.cli.output.TextWrap;
import java.io.IOException;

/**
 * {@code coffer operator unseal [KEY | -]}: submits one unseal key share with PUT {@code
 * sys/unseal} and prints the resulting seal status as vault does. Without an argument it prompts
 * "Unseal Key (will be hidden): " and reads without echo (one line of standard input when there
 * is no terminal); {@code -} reads the share from standard input; {@code -reset} discards the
 * shares submitted so far. The share is never printed.
 */
public final class OperatorUnsealCommand extends BaseCommand {
    /** Creates the command. */
    public OperatorUnsealCommand() {
        super(
                "operator unseal",
                "Unseals the Coffer server",
                """
                Usage: coffer operator unseal [options] [KEY]

                  Provide a portion of the root key to unseal a Coffer server. Coffer starts
                  in a sealed state. It cannot perform operations until it is unsealed. This
                  command accepts a portion of the root key (an "unseal key").

                  The unseal key can be supplied as an argument to the command, but this is
                  not recommended as the unseal key will be available in your history:

                      $ coffer operator unseal IXyR0OJnSFobekZMMCKCoVEpT7wI6l+USMzE3IcyDyo=

                  Instead, run the command with no arguments and it will prompt for the key:

                      $ coffer operator unseal
                      Unseal Key (will be hidden): IXyR0OJnSFobekZMMCKCoVEpT7wI6l+USMzE3IcyDyo=

                  If the key is specified as "-", it is read from stdin.
                """,
                StandardFlags.plus(
                        StandardFlags.httpAndFormat(),
                        FlagSpec.of(StandardFlags.COMMAND, "reset", FlagType.BOOL, Boolean.FALSE,
                                "Discard any previously entered keys to the unseal process."),
                        FlagSpec.of(StandardFlags.COMMAND, "migrate", FlagType.BOOL, Boolean.FALSE,
                                "Indicate that this share is provided with the intent that it is part of"
                                        + " a seal migration process.")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        int n = inv.args().size();
        if (n > 1) {
            throw new UsageException("Too many arguments (expected 1, got " + n + ")");
        }
        String key = n == 1 ? inv.args().get(0).strip() : "";
        inv.client(); // as vault does: a bad address or token file is reported before a key is asked for
        if (inv.flags().bool("reset")) {
            return SealStatusOutput.print(inv, Requests.send(inv, "Error resetting unseal process: ",
                    c -> c.putRawJson("sys/unseal", new JsonStruct().put("reset", true))));
        }
        try {
            if (KeyShareInput.isStdin(key)) {
                key = KeyShareInput.fromStdin(inv);
            } else if (key.isEmpty()) {
                key = KeyShareInput.prompt(inv);
            }
        } catch (IOException e) {
            inv.ui().error(TextWrap.wrap("An error occurred attempting to ask for an unseal key. The raw"
                    + " error message is shown below, but usually this is because you attempted to pipe a"
                    + " value into the unseal command or you are executing outside of a terminal (tty)."
                    + " You should run the unseal command from a terminal for maximum security. If this is"
                    + " not an option, the unseal key can be provided as the first argument to the unseal"
                    + " command. The raw error was:\n\n" + e.getMessage()));
            return ExitCodes.USAGE;
        }
        JsonStruct share = new JsonStruct()
                .put("key", key)
                .put("reset", false)
                .put("migrate", inv.flags().bool("migrate"));
        return SealStatusOutput.print(
                inv, Requests.send(inv, "Error unsealing: ", c -> c.putRawJson("sys/unseal", share)));
    }
}

package io.coffer.cli.command.policy;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import java.util.Locale;

/** {@code coffer policy delete NAME}: deletes a policy (absent policies are not an error). */
public final class PolicyDeleteCommand extends BaseCommand {
    /** Creates the command. */
    public PolicyDeleteCommand() {
        super(
                "policy delete",
                "Deletes a policy by name",
                """
                Usage: coffer policy delete [options] NAME

                  Deletes the policy named NAME in the Coffer server. Once the policy is deleted,
                  all tokens associated with the policy are affected immediately.

                  Delete the policy named "my-policy":

                      $ coffer policy delete my-policy

                  Note that it is not possible to delete the "default" or "root" policies.
                  These are built-in policies.
                """,
                StandardFlags.http());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(1, 1);
        String name = inv.args().get(0).strip().toLowerCase(Locale.ROOT);
        Requests.send(inv, "Error deleting " + name + ": ", c -> c.delete("sys/policies/acl/" + name, null));
        inv.ui().output("Success! Deleted policy: " + name);
        return ExitCodes.OK;
    }
}

package io.coffer.cli.command.policy;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;

/** {@code coffer policy list}: prints the policy names, one per line (or a JSON array). */
public final class PolicyListCommand extends BaseCommand {
    /** Creates the command. */
    public PolicyListCommand() {
        super(
                "policy list",
                "Lists the installed policies",
                """
                Usage: coffer policy list [options]

                  Lists the names of the policies that are installed on the Coffer server.

                  List the available policies:

                      $ coffer policy list
                """,
                StandardFlags.httpAndFormat());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(0, 0);
        Secret secret = Requests.send(inv, "Error listing policies: ", c -> c.list("sys/policies/acl"));
        List<String> names = new ArrayList<>();
        if (secret != null && secret.data() != null && secret.data().get("keys") instanceof List<?> l) {
            names.addAll(Secret.strings(l));
        }
        if (inv.format() == OutputFormat.JSON) {
            return inv.printer().outputData(names);
        }
        for (String n : names) {
            inv.ui().output(n);
        }
        return ExitCodes.OK;
    }
}

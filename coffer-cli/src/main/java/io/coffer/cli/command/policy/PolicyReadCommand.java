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
import java.util.Locale;
import java.util.Map;

/** {@code coffer policy read NAME}: prints a policy's rules (or {@code {"policy": ...}}). */
public final class PolicyReadCommand extends BaseCommand {
    /** Creates the command. */
    public PolicyReadCommand() {
        super(
                "policy read",
                "Prints the contents of a policy",
                """
                Usage: coffer policy read [options] [NAME]

                  Prints the contents and metadata of the Coffer policy named NAME. If the policy
                  does not exist, an error is returned.

                  Read the policy named "my-policy":

                      $ coffer policy read my-policy
                """,
                StandardFlags.httpAndFormat());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(1, 1);
        String name = inv.args().get(0).strip().toLowerCase(Locale.ROOT);
        String path = "sys/policies/acl/" + name;
        Secret secret = Requests.send(inv, "Error reading policy named " + name + ": ", c -> c.read(path, null));
        String rules = "";
        if (secret != null && secret.data() != null) {
            rules = Secret.string(secret.data().get("policy"));
        }
        if (rules.isEmpty()) {
            inv.ui().error("No policy named: " + name);
            return ExitCodes.API;
        }
        if (inv.format() == OutputFormat.TABLE) {
            inv.ui().output(rules.strip());
            return ExitCodes.OK;
        }
        return inv.printer().outputData(Map.of("policy", rules));
    }
}

package io.coffer.cli.command.generic;

import io.coffer.cli.api.Secret;
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
import io.coffer.cli.output.OutputFormat;
import java.util.List;
import java.util.Map;

/** {@code coffer list PATH}: LIST a raw API path and print the keys. */
public final class ListCommand extends BaseCommand {
    /** Creates the command. */
    public ListCommand() {
        super(
                "list",
                "List data or secrets",
                """
                Usage: coffer list [options] PATH

                  Lists data from Coffer at the given path. This can be used to list keys in a
                  given secret engine.

                  List values under the "my-app" folder of a KV version 1 secret engine:

                      $ coffer list kv1/my-app/

                  List the policies:

                      $ coffer list sys/policies/acl

                  For a full list of examples and paths, please see the documentation that
                  corresponds to the secret engine in use. Not all engines support listing.
                """,
                StandardFlags.plus(
                        StandardFlags.httpAndFormat(),
                        FlagSpec.of(
                                "List Options",
                                "detailed",
                                FlagType.BOOL,
                                Boolean.FALSE,
                                "Enables additional metadata during some LIST operations")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(1, 1);
        String path = sanitizePath(inv.args().get(0));
        Secret secret = Requests.send(inv, "Error listing " + path + ": ", c -> c.list(path));
        return printList(inv, secret, path, inv.flags().bool("detailed"));
    }

    /** Prints a LIST result with vault's handling of empty and malformed answers. */
    public static int printList(Invocation inv, Secret secret, String path, boolean detailed) {
        boolean hasKeys = secret != null && secret.data() != null && secret.data().get("keys") instanceof List<?>;
        if (inv.format() != OutputFormat.TABLE && !hasKeys) {
            inv.printer().outputData(Map.of());
            return ExitCodes.API;
        }
        if (secret == null || secret.data() == null) {
            inv.ui().error("No value found at " + path);
            return ExitCodes.API;
        }
        if (!hasKeys) {
            inv.ui().error("No entries found at " + path);
            return ExitCodes.API;
        }
        return inv.printer().outputList(secret, detailed);
    }
}

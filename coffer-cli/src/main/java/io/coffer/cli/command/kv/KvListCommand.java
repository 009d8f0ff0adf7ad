package io.coffer.cli.command.kv;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.command.generic.ListCommand;

/** {@code coffer kv list PATH}: lists keys; on KV version 2 it lists {@code <mount>/metadata/}. */
public final class KvListCommand extends KvCommand {
    /** Creates the command. */
    public KvListCommand() {
        super(
                "kv list",
                "List data or secrets",
                """
                Usage: coffer kv list [options] PATH

                  Lists data from Coffer's key-value store at the given path.

                  List values under the "my-app" folder of the key-value store:

                      $ coffer kv list -mount=secret my-app/

                  The deprecated path-like syntax can also be used, but this should be avoided
                  for KV v2, as the fact that it is not actually the full API path to
                  the secret (secret/metadata/foo) can cause confusion:

                      $ coffer kv list secret/my-app/

                  Additional flags and more advanced use cases are detailed below.
                """,
                StandardFlags.plus(StandardFlags.httpAndFormat(), KvLocator.mountFlag()));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException {
        String arg;
        if (inv.args().isEmpty() && !inv.flags().string("mount").isEmpty()) {
            arg = "";
        } else {
            inv.expectArgs(1, 1);
            arg = inv.args().get(0);
        }
        KvTarget target = locate(inv, arg);
        if (target == null) {
            return ExitCodes.API;
        }
        String fullPath = target.apiPath("metadata");
        Secret secret;
        try {
            secret = inv.client().list(fullPath);
        } catch (ClientException e) {
            return apiError(inv, "Error listing " + fullPath + ": ", e);
        }
        return ListCommand.printList(inv, secret, fullPath, false);
    }
}

package io.coffer.cli.command.kv;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
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

                """
                        + KvHelp.pathSyntaxForV2("metadata", "list secret/my-app/")
                        + KvHelp.MORE,
                StandardFlags.plus(StandardFlags.httpAndFormat(), KvLocator.mountFlag()));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        String arg;
        if (inv.args().isEmpty() && !inv.flags().string("mount").isEmpty()) {
            arg = "";
        } else {
            inv.expectArgs(1, 1);
            arg = inv.args().get(0);
        }
        String fullPath = locate(inv, arg).apiPath("metadata");
        Secret secret = Requests.send(inv, "Error listing " + fullPath + ": ", c -> c.list(fullPath));
        return ListCommand.printList(inv, secret, fullPath, false);
    }
}

package io.coffer.cli.command.generic;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.DataArgs;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.PathArgs;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import java.util.List;
import java.util.Map;

/** {@code coffer read PATH [K=V...]}: GET a raw API path and print the secret. */
public final class ReadCommand extends BaseCommand {
    /** Creates the command. */
    public ReadCommand() {
        super(
                "read",
                "Read data and retrieves secrets",
                """
                Usage: coffer read [options] PATH [K=V...]

                  Reads data from Coffer at the given path. This can be used to read secrets,
                  generate dynamic credentials, get configuration details, and more. Extra
                  K=V arguments are sent as query parameters.

                  Read details of your own token:

                      $ coffer read auth/token/lookup-self

                  Read a KV version 1 secret and print only one field:

                      $ coffer read -field=password kv1/db

                  For a full list of examples and paths, please see the documentation that
                  corresponds to the secrets engine in use.
                """,
                StandardFlags.httpFieldAndFormat());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        String path = PathArgs.first(inv);
        Map<String, List<String>> params = DataArgs.query(inv);
        return inv.printSecret(Requests.readExisting(inv, path, params));
    }
}

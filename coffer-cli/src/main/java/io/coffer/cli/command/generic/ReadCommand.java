package io.coffer.cli.command.generic;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.input.KeyValueException;
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
    public int run(Invocation inv) throws UsageException, ClientSetupException {
        if (inv.args().isEmpty()) {
            throw new UsageException("Not enough arguments (expected 1, got 0)");
        }
        String path = sanitizePath(inv.args().get(0));
        Map<String, List<String>> params;
        try {
            params = inv.keyValues().parseStringLists(inv.args().subList(1, inv.args().size()));
        } catch (KeyValueException e) {
            inv.ui().error("Failed to parse K=V data: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Secret secret;
        try {
            secret = inv.client().read(path, params);
        } catch (ClientException e) {
            return apiError(inv, "Error reading " + path + ": ", e);
        }
        if (secret == null) {
            inv.ui().error("No value found at " + path);
            return ExitCodes.API;
        }
        if (!inv.field().isEmpty()) {
            return inv.printer().printRawField(secret, inv.field());
        }
        return inv.printer().outputSecret(secret);
    }
}

package io.coffer.cli.command.generic;

import io.coffer.cli.api.ApiException;
import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.input.KeyValueException;
import io.coffer.cli.output.OutputFormat;
import java.util.List;
import java.util.Map;

/** {@code coffer delete PATH [K=V...]}: DELETE a raw API path. */
public final class DeleteCommand extends BaseCommand {
    /** Creates the command. */
    public DeleteCommand() {
        super(
                "delete",
                "Delete secrets and configuration",
                """
                Usage: coffer delete [options] PATH

                  Deletes secrets and configuration from Coffer at the given path. The behavior
                  of "delete" is delegated to the backend corresponding to the given path.

                  Remove data in the status secret backend:

                      $ coffer delete kv1/my-secret

                  Uninstall an encryption key in the transit backend:

                      $ coffer delete transit/keys/my-key

                  Delete an IAM role:

                      $ coffer delete aws/roles/ops

                  For a full list of examples and paths, please see the documentation that
                  corresponds to the secret backend in use.
                """,
                StandardFlags.httpAndFormat());
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
            secret = inv.client().delete(path, params);
        } catch (ApiException e) {
            inv.ui().error("Error deleting " + path + ": " + e.getMessage());
            if (e.secret() != null) {
                inv.printer().outputSecret(e.secret());
            }
            return ExitCodes.API;
        } catch (ClientException e) {
            return apiError(inv, "Error deleting " + path + ": ", e);
        }
        if (secret == null) {
            if (inv.format() == OutputFormat.TABLE) {
                inv.ui().info("Success! Data deleted (if it existed) at: " + path);
            }
            return ExitCodes.OK;
        }
        return inv.printer().outputSecret(secret);
    }
}

package io.coffer.cli.command.generic;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ChangeStep;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.DataArgs;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.PathArgs;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
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
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        String path = PathArgs.first(inv);
        Map<String, List<String>> params = DataArgs.query(inv);
        return ChangeStep.delete(inv, path).run(c -> c.delete(path, params));
    }
}

package io.coffer.cli.command.generic;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ChangeStep;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.DataArgs;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.PathArgs;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import java.util.Map;

/**
 * {@code coffer write PATH [K=V... | -]}: PUT data to a raw API path; {@code -} reads a JSON
 * object from standard input.
 */
public final class WriteCommand extends BaseCommand {
    /** Creates the command. */
    public WriteCommand() {
        super(
                "write",
                "Write data, configuration, and secrets",
                """
                Usage: coffer write [options] PATH [DATA K=V...]

                  Writes data to Coffer at the given path. The data can be credentials, secrets,
                  configuration, or arbitrary data. The specific behavior of this command is
                  determined at the thing mounted at the path.

                  Data is specified as "key=value" pairs. If the value begins with an "@", then
                  it is loaded from a file. If the value is "-", Coffer will read the value from
                  stdin.

                  Persist data in the KV version 1 secrets engine:

                      $ coffer write kv1/my-secret foo=bar

                  Create a new encryption key in the transit secrets engine:

                      $ coffer write -force transit/keys/my-key

                  Upload an AWS IAM policy from a file on disk:

                      $ coffer write aws/roles/ops policy=@policy.json

                  Configure access to Consul by providing an access token, read as JSON from
                  stdin:

                      $ echo '{"token":"..."}' | coffer write consul/config/access -

                  For a full list of examples and paths, please see the documentation that
                  corresponds to the secret engines in use.
                """,
                StandardFlags.plus(
                        StandardFlags.httpFieldAndFormat(),
                        FlagSpec.of(
                                        StandardFlags.COMMAND,
                                        "force",
                                        FlagType.BOOL,
                                        Boolean.FALSE,
                                        "Allow the operation to continue with no key=value pairs. This allows"
                                                + " writing to keys that do not need or expect data.")
                                .withAliases("f")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        String path = PathArgs.first(inv);
        if (inv.args().size() == 1 && !inv.flags().bool("force")) {
            throw new UsageException("Must supply data or use -force");
        }
        Map<String, Object> data = DataArgs.data(inv);
        return ChangeStep.write(inv, path).run(c -> c.write(path, data));
    }
}

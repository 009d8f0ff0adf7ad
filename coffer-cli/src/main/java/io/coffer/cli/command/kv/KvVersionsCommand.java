package io.coffer.cli.command.kv;

import io.coffer.cli.command.ChangeStep;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import java.util.List;
import java.util.Map;

/**
 * Shared behaviour of {@code kv undelete} and {@code kv destroy}: both write {@code {"versions":
 * [...]}} to {@code <mount>/<operation>/<key>} and exist only on KV version 2.
 */
abstract class KvVersionsCommand extends KvCommand {
    private final String operation;
    private final String displayName;

    KvVersionsCommand(
            String operation, String displayName, String synopsis, String help, String versionsUsage) {
        super(
                "kv " + operation,
                synopsis,
                help,
                StandardFlags.plus(
                        StandardFlags.httpAndFormat(),
                        FlagSpec.of(StandardFlags.COMMON, "versions", FlagType.STRING_SLICE, null, versionsUsage),
                        KvLocator.mountFlag()));
        this.operation = operation;
        this.displayName = displayName;
    }

    @Override
    public final int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(1, 1);
        List<String> versions = inv.flags().list("versions");
        if (versions.isEmpty()) {
            inv.ui().error(
                    "No versions provided, use the \"-versions\" flag to specify the version to "
                            + operation
                            + ".");
            return ExitCodes.USAGE;
        }
        String path = requireV2(inv, locate(inv, inv.args().get(0)), displayName).apiPath(operation);
        Map<String, Object> body = Map.of("versions", versions(versions));
        return ChangeStep.write(inv, path).run(c -> c.write(path, body));
    }
}

package io.coffer.cli.command.kv;

import io.coffer.cli.api.ApiException;
import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.output.OutputFormat;
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
    public final int run(Invocation inv) throws UsageException, ClientSetupException {
        inv.expectArgs(1, 1);
        List<String> versions = inv.flags().list("versions");
        if (versions.isEmpty()) {
            inv.ui().error(
                    "No versions provided, use the \"-versions\" flag to specify the version to "
                            + operation
                            + ".");
            return ExitCodes.USAGE;
        }
        KvTarget target = locate(inv, inv.args().get(0));
        if (target == null) {
            return ExitCodes.API;
        }
        if (!target.v2()) {
            inv.ui().error(displayName + " not supported on KV Version 1");
            return ExitCodes.USAGE;
        }
        String path = target.apiPath(operation);
        Secret secret;
        try {
            secret = inv.client().write(path, Map.of("versions", versions(versions)));
        } catch (ApiException e) {
            inv.ui().error("Error writing data to " + path + ": " + e.getMessage());
            if (e.secret() != null) {
                inv.printer().outputSecret(e.secret());
            }
            return ExitCodes.API;
        } catch (ClientException e) {
            return apiError(inv, "Error writing data to " + path + ": ", e);
        }
        if (secret == null) {
            if (inv.format() == OutputFormat.TABLE) {
                inv.ui().info("Success! Data written to: " + path);
            }
            return ExitCodes.OK;
        }
        return inv.printer().outputSecret(secret);
    }
}

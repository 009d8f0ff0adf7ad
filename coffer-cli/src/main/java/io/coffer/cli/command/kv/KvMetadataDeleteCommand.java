package io.coffer.cli.command.kv;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.output.OutputFormat;

/** {@code coffer kv metadata delete KEY}: removes a KV version 2 key with all its versions. */
public final class KvMetadataDeleteCommand extends KvCommand {
    /** Creates the command. */
    public KvMetadataDeleteCommand() {
        super(
                "kv metadata delete",
                "Deletes all versions and metadata for a key in the KV store",
                """
                Usage: coffer kv metadata delete [options] PATH

                  Deletes all versions and metadata for the provided key.

                      $ coffer kv metadata delete -mount=secret foo

                  The deprecated path-like syntax can also be used, but this should be avoided,
                  as the fact that it is not actually the full API path to
                  the secret (secret/metadata/foo) can cause confusion:

                      $ coffer kv metadata delete secret/foo

                  Additional flags and more advanced use cases are detailed below.
                """,
                StandardFlags.plus(StandardFlags.httpAndFormat(), KvLocator.mountFlag()));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException {
        inv.expectArgs(1, 1);
        KvTarget target = locate(inv, inv.args().get(0));
        if (target == null) {
            return ExitCodes.API;
        }
        if (!target.v2()) {
            inv.ui().error("Metadata not supported on KV Version 1");
            return ExitCodes.USAGE;
        }
        String fullPath = target.apiPath("metadata");
        Secret secret;
        try {
            secret = inv.client().delete(fullPath, null);
        } catch (ClientException e) {
            return apiError(inv, "Error deleting " + fullPath + ": ", e);
        }
        if (secret == null) {
            if (inv.format() == OutputFormat.TABLE) {
                inv.ui().info("Success! Data deleted (if it existed) at: " + fullPath);
            }
            return ExitCodes.OK;
        }
        return inv.printer().outputSecret(secret);
    }
}

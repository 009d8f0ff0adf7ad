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
 * {@code coffer kv delete KEY}: soft-deletes the latest version (DELETE {@code <mount>/data/key})
 * or, with {@code -versions}, the listed versions ({@code <mount>/delete/key}); on KV version 1
 * deletes the key.
 */
public final class KvDeleteCommand extends KvCommand {
    /** Creates the command. */
    public KvDeleteCommand() {
        super(
                "kv delete",
                "Deletes versions in the KV store",
                """
                Usage: coffer kv delete [options] PATH

                  Deletes the data for the provided version and path in the key-value store. The
                  versioned data will not be fully removed, but marked as deleted and will no
                  longer be returned in normal get requests.

                  To delete the latest version of the key "foo":

                      $ coffer kv delete -mount=secret foo

                  The deprecated path-like syntax can also be used, but this should be avoided
                  for KV v2, as the fact that it is not actually the full API path to
                  the secret (secret/data/foo) can cause confusion:

                      $ coffer kv delete secret/foo

                  To delete version 3 of key foo:

                      $ coffer kv delete -mount=secret -versions=3 foo

                  To delete all versions and metadata, see the "coffer kv metadata" subcommand.

                  Additional flags and more advanced use cases are detailed below.
                """,
                StandardFlags.plus(
                        StandardFlags.httpFieldAndFormat(),
                        FlagSpec.of(
                                StandardFlags.COMMON,
                                "versions",
                                FlagType.STRING_SLICE,
                                null,
                                "Specifies the version numbers to delete."),
                        KvLocator.mountFlag()));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException {
        inv.expectArgs(1, 1);
        KvTarget target = locate(inv, inv.args().get(0));
        if (target == null) {
            return ExitCodes.API;
        }
        String fullPath = target.apiPath("data");
        List<String> versions = inv.flags().list("versions");
        Secret secret;
        try {
            if (target.v2() && !versions.isEmpty()) {
                secret =
                        inv.client().write(target.apiPath("delete"), Map.of("versions", versions(versions)));
            } else {
                secret = inv.client().delete(fullPath, null);
            }
        } catch (ApiException e) {
            inv.ui().error("Error deleting " + fullPath + ": " + e.getMessage());
            if (e.secret() != null) {
                inv.printer().outputSecret(e.secret());
            }
            return ExitCodes.API;
        } catch (ClientException e) {
            return apiError(inv, "Error deleting " + fullPath + ": ", e);
        }
        if (secret == null) {
            if (inv.format() == OutputFormat.TABLE) {
                inv.ui().info("Success! Data deleted (if it existed) at: " + fullPath);
            }
            return ExitCodes.OK;
        }
        if (!inv.field().isEmpty()) {
            return inv.printer().printRawField(secret, inv.field());
        }
        return inv.printer().outputSecret(secret);
    }
}

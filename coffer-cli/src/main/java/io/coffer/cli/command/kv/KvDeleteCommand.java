package io.coffer.cli.command.kv;

import io.coffer.cli.command.ChangeStep;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
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

                """
                        + KvHelp.pathSyntaxForV2("data", "delete secret/foo")
                        + """
                            To delete version 3 of key foo:

                                $ coffer kv delete -mount=secret -versions=3 foo

                            To delete all versions and metadata, see the "coffer kv metadata" subcommand.

                          """
                        + KvHelp.MORE,
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
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        KvTarget target = locateKey(inv);
        String fullPath = target.apiPath("data");
        List<String> versions = inv.flags().list("versions");
        return ChangeStep.delete(inv, fullPath).run(c -> target.v2() && !versions.isEmpty()
                ? c.write(target.apiPath("delete"), Map.of("versions", versions(versions)))
                : c.delete(fullPath, null));
    }
}

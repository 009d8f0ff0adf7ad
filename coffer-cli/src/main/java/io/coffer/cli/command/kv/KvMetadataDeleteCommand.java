package io.coffer.cli.command.kv;

import io.coffer.cli.command.ChangeStep;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;

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

                """
                        + KvHelp.pathSyntax("metadata", "metadata delete secret/foo")
                        + KvHelp.MORE,
                StandardFlags.plus(StandardFlags.httpAndFormat(), KvLocator.mountFlag()));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        String fullPath = metadataPath(inv);
        ChangeStep delete = ChangeStep.delete(inv, fullPath);
        return delete.print(delete.sendWithoutEnvelope(c -> c.delete(fullPath, null)));
    }
}

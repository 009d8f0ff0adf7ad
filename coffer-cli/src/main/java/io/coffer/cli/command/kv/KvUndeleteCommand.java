package io.coffer.cli.command.kv;

/** {@code coffer kv undelete -versions=N KEY}: restores soft-deleted versions (KV version 2). */
public final class KvUndeleteCommand extends KvVersionsCommand {
    /** Creates the command. */
    public KvUndeleteCommand() {
        super(
                "undelete",
                "Undelete",
                "Undeletes versions in the KV store",
                """
                Usage: coffer kv undelete [options] KEY

                  Undeletes the data for the provided version and path in the key-value store.
                  This restores the data, allowing it to be returned on get requests.

                  To undelete version 3 of key "foo":

                      $ coffer kv undelete -mount=secret -versions=3 foo

                """
                        + KvHelp.pathSyntax("data", "undelete -versions=3 secret/foo")
                        + KvHelp.MORE,
                "Specifies the version numbers to undelete.");
    }
}

package io.coffer.cli.command.kv;

/** {@code coffer kv destroy -versions=N KEY}: permanently removes versions (KV version 2). */
public final class KvDestroyCommand extends KvVersionsCommand {
    /** Creates the command. */
    public KvDestroyCommand() {
        super(
                "destroy",
                "Destroy",
                "Permanently removes one or more versions in the KV store",
                """
                Usage: coffer kv destroy [options] KEY

                  Permanently removes the specified versions' data from the key-value store. If
                  no key exists at the path, no action is taken.

                  To destroy version 3 of key foo:

                      $ coffer kv destroy -mount=secret -versions=3 foo

                """
                        + KvHelp.pathSyntax("data", "destroy -versions=3 secret/foo")
                        + KvHelp.MORE,
                "Specifies the version numbers to destroy.");
    }
}

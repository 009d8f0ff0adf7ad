package io.coffer.cli.command.raft;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code coffer operator raft snapshot restore [-force] FILE}: POSTs FILE unchanged, streamed from
 * disk as {@code application/octet-stream}, to {@code sys/storage/raft/snapshot}, or with {@code
 * -force} to {@code sys/storage/raft/snapshot-force} (which skips the check that the snapshot's
 * keyring matches the cluster's). Prints nothing on success, as vault does.
 */
public final class OperatorRaftSnapshotRestoreCommand extends BaseCommand {
    /** Creates the command. */
    public OperatorRaftSnapshotRestoreCommand() {
        super(
                "operator raft snapshot restore",
                "Installs the provided snapshot, returning the cluster to the state defined in it",
                """
                Usage: coffer operator raft snapshot restore <snapshot_file>

                  Installs the provided snapshot, returning the cluster to the state defined in it.

                      $ coffer operator raft snapshot restore raft.snap
                """,
                StandardFlags.plus(StandardFlags.httpAndFormat(),
                        FlagSpec.of(StandardFlags.COMMAND, "force", FlagType.BOOL, Boolean.FALSE,
                                "This bypasses checks ensuring the Autounseal or shamir keys are consistent"
                                        + " with the snapshot data.")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        int n = inv.args().size();
        if (n != 1) {
            throw new UsageException("Incorrect arguments (expected 1, got " + n + ")");
        }
        String name = inv.args().get(0).strip();
        if (name.isEmpty()) {
            throw new UsageException("Snapshot file name is required");
        }
        Path file = inv.file(name);
        if (Files.isDirectory(file)) {
            throw inv.fail(ExitCodes.API, "Error opening snapshot file: read " + name + ": is a directory");
        }
        try {
            Files.newInputStream(file).close(); // vault opens the file before sending: report a missing one as such
        } catch (IOException e) {
            throw inv.fail(ExitCodes.API, "Error opening snapshot file: " + LocalFiles.describe(e, name));
        }
        String path = inv.flags().bool("force") ? "sys/storage/raft/snapshot-force" : "sys/storage/raft/snapshot";
        Requests.send(inv, "Error installing the snapshot: ", c -> {
            c.upload("POST", path, file, "application/octet-stream");
            return null;
        });
        return ExitCodes.OK;
    }
}

package io.coffer.cli.command.raft;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.VaultClient;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code coffer operator raft snapshot save FILE}: streams GET {@code sys/storage/raft/snapshot}
 * into FILE. The bytes go to a 0600 temporary file in FILE's directory that is renamed over FILE
 * only once the whole snapshot has arrived and been forced to disk; on any failure the temporary
 * file is removed and FILE is left as it was. Prints nothing on success, as vault does.
 */
public final class OperatorRaftSnapshotSaveCommand extends BaseCommand {
    static final String PATH = "sys/storage/raft/snapshot";
    private static final String ERROR = "Error taking the snapshot: ";

    /** Creates the command. */
    public OperatorRaftSnapshotSaveCommand() {
        super(
                "operator raft snapshot save",
                "Saves a snapshot of the current state of the Raft cluster into a file",
                """
                Usage: coffer operator raft snapshot save <snapshot_file>

                  Saves a snapshot of the current state of the Raft cluster into a file.

                      $ coffer operator raft snapshot save raft.snap

                  The file is created with mode 0600 and replaced only once the whole snapshot
                  has been received.
                """,
                StandardFlags.httpAndFormat());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        int n = inv.args().size();
        if (n != 1) {
            throw new UsageException("Incorrect arguments (expected 1, got " + n + ")");
        }
        String name = inv.args().get(0).strip();
        if (name.isEmpty()) {
            throw new UsageException("Output file name is required");
        }
        VaultClient client = inv.client();
        Path target = inv.file(name);
        try (SnapshotFile file = create(inv, target, name)) {
            try {
                client.download(PATH, file.stream());
            } catch (ClientException e) {
                throw inv.fail(ExitCodes.API, ERROR + e.getMessage());
            } catch (IOException e) {
                throw inv.fail(ExitCodes.API, ERROR + "write " + name + ": " + reason(e));
            }
            try {
                file.commit();
            } catch (IOException e) {
                throw inv.fail(ExitCodes.API, ERROR + LocalFiles.describe(e, name));
            }
        } catch (IOException e) {
            throw inv.fail(ExitCodes.API, ERROR + "removing temporary file: " + reason(e));
        }
        return ExitCodes.OK;
    }

    private static SnapshotFile create(Invocation inv, Path target, String name) throws ExitException {
        try {
            return SnapshotFile.create(target);
        } catch (IOException e) {
            throw inv.fail(ExitCodes.API, ERROR + LocalFiles.describe(e, name));
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

package io.coffer.cli.command.operator;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;

/**
 * {@code coffer operator rotate}: installs a new barrier key term with PUT {@code sys/rotate}
 * (sudo), then reads {@code sys/key-status} and prints "Success! Rotated key" with the new term,
 * as vault does. Data written under earlier terms stays readable.
 */
public final class OperatorRotateCommand extends BaseCommand {
    /** Creates the command. */
    public OperatorRotateCommand() {
        super(
                "operator rotate",
                "Rotates the underlying encryption key",
                """
                Usage: coffer operator rotate [options]

                  Rotates the underlying encryption key which is used to secure data written
                  to the storage backend. This installs a new key in the key ring. This new
                  key is used to encrypted new data, while older keys in the ring are used to
                  decrypt older data.

                  This is an online operation and does not cause downtime. This command is run
                  per-cluster (not per-server), since Coffer servers in HA mode share the same
                  storage backend.

                  Rotate Coffer's encryption key:

                      $ coffer operator rotate
                """,
                StandardFlags.httpAndFormat());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(0, 0);
        Requests.send(inv, "Error rotating key: ", c -> c.write("sys/rotate", null));
        return OperatorKeyStatusCommand.show(inv, true);
    }
}

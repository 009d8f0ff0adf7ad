package io.coffer.cli.command.raft;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.json.JsonStruct;

/**
 * {@code coffer operator raft remove-peer SERVER_ID}: removes a node from the Raft configuration
 * with POST {@code sys/storage/raft/remove-peer} {@code {"server_id": ...}} and prints vault's
 * "Peer removed successfully!".
 */
public final class OperatorRaftRemovePeerCommand extends BaseCommand {
    /** Creates the command. */
    public OperatorRaftRemovePeerCommand() {
        super(
                "operator raft remove-peer",
                "Removes a node from the Raft cluster",
                """
                Usage: coffer operator raft remove-peer <server_id>

                  Removes a node from the Raft cluster.

                      $ coffer operator raft remove-peer node1
                """,
                StandardFlags.httpAndFormat());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        int n = inv.args().size();
        if (n != 1) {
            throw new UsageException("Incorrect arguments (expected 1, got " + n + ")");
        }
        String serverId = inv.args().get(0).strip();
        if (serverId.isEmpty()) {
            throw new UsageException("Server id is required");
        }
        JsonStruct body = new JsonStruct().put("server_id", serverId);
        Requests.send(inv, "Error removing the peer from raft cluster: ",
                c -> c.post("sys/storage/raft/remove-peer", body));
        inv.ui().output("Peer removed successfully!");
        return ExitCodes.OK;
    }
}

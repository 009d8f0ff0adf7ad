package io.coffer.cli.command.raft;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.output.Columns;
import io.coffer.cli.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code coffer operator raft list-peers}: reads {@code sys/storage/raft/configuration} and prints
 * vault's {@code Node | Address | State | Voter} table (state {@code leader} or {@code follower}),
 * or with {@code -format=json} the whole response as vault prints an {@code api.Secret}.
 */
public final class OperatorRaftListPeersCommand extends BaseCommand {
    static final String PATH = "sys/storage/raft/configuration";

    /** Creates the command. */
    public OperatorRaftListPeersCommand() {
        super(
                "operator raft list-peers",
                "Returns the Raft peer set",
                """
                Usage: coffer operator raft list-peers

                  Provides the details of all the peers in the Raft cluster.

                      $ coffer operator raft list-peers

                      $ coffer operator raft list-peers -format=json
                """,
                StandardFlags.httpAndFormat());
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        Secret secret = Requests.send(
                inv, "Error reading the raft cluster configuration: ", c -> c.read(PATH, null));
        if (secret == null) {
            throw inv.fail(ExitCodes.API, "No raft cluster configuration found");
        }
        if (inv.format() != OutputFormat.TABLE) {
            return inv.printer().outputSecret(secret);
        }
        inv.ui().output(Columns.table(rows(secret.data()), "|"));
        return ExitCodes.OK;
    }

    /** The table rows for the {@code config.servers} of a configuration response. */
    static List<String> rows(Map<String, Object> data) {
        List<String> out = new ArrayList<>();
        out.add("Node | Address | State | Voter");
        Object config = data == null ? null : data.get("config");
        if (config instanceof Map<?, ?> c && c.get("servers") instanceof List<?> servers) {
            for (Object o : servers) {
                if (o instanceof Map<?, ?> server) {
                    String state = Boolean.TRUE.equals(server.get("leader")) ? "leader" : "follower";
                    out.add(Secret.string(server.get("node_id")) + " | " + Secret.string(server.get("address"))
                            + " | " + state + " | " + Boolean.TRUE.equals(server.get("voter")));
                }
            }
        }
        return out;
    }
}

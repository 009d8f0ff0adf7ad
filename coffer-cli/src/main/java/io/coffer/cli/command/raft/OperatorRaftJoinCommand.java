package io.coffer.cli.command.raft;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.ParsedArgs;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.json.GoJson;
import io.coffer.cli.json.JsonStruct;
import io.coffer.cli.output.Columns;
import io.coffer.cli.output.GoFormat;
import io.coffer.cli.output.OutputFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code coffer operator raft join}: asks the addressed (sealed, uninitialised) node to join the
 * Raft cluster led by {@code LEADER_API_ADDR} with POST {@code sys/storage/raft/join} (no token
 * needed), sending the body of vault's {@code api.RaftJoinRequest}; TLS material may be given
 * inline or as {@code @file}. Prints vault's {@code Joined} table, or {@code {"joined": ...}}.
 */
public final class OperatorRaftJoinCommand extends BaseCommand {
    /** Creates the command. */
    public OperatorRaftJoinCommand() {
        super(
                "operator raft join",
                "Joins a node to the Raft cluster",
                """
                Usage: coffer operator raft join [options] <leader-api-addr|auto-join-configuration>

                  Join the current node as a peer to the Raft cluster by providing the address
                  of the Raft leader node.

                      $ coffer operator raft join "http://127.0.0.2:8200"

                  Join the current node as a peer to the Raft cluster by providing cloud auto-join
                  configuration with an explicit URI scheme and port.

                      $ coffer operator raft join -auto-join-scheme="http" -auto-join-port=8201 \\
                        "provider=aws region=eu-west-1 ..."

                  TLS certificate data can also be consumed from a file on disk by prefixing with
                  the "@" symbol. For example:

                      $ coffer operator raft join "http://127.0.0.2:8200" \\
                        -leader-ca-cert=@leader_ca.crt \\
                        -leader-client-cert=@leader_client.crt \\
                        -leader-client-key=@leader.key

                  The node must be sealed and not yet initialised; after joining, unseal it with
                  the leader's unseal keys.
                """,
                flagSpecs());
    }

    private static List<FlagSpec> flagSpecs() {
        List<FlagSpec> l = new ArrayList<>(StandardFlags.httpAndFormat());
        String s = StandardFlags.COMMAND;
        l.add(FlagSpec.of(s, "auto-join-scheme", FlagType.STRING, "https",
                "An optional URI protocol scheme used for addresses discovered via auto-join."));
        l.add(FlagSpec.of(s, "auto-join-port", FlagType.INT, 8200L,
                "An optional port used for addresses discovered via auto-join."));
        l.add(FlagSpec.of(s, "leader-ca-cert", FlagType.STRING, null,
                "CA cert to use when verifying the Raft leader certificate."));
        l.add(FlagSpec.of(s, "leader-client-cert", FlagType.STRING, null,
                "Client cert to use when authenticating with the Raft leader."));
        l.add(FlagSpec.of(s, "leader-client-key", FlagType.STRING, null,
                "Client key to use when authenticating with the Raft leader."));
        l.add(FlagSpec.of(s, "leader-tls-servername", FlagType.STRING, null,
                "The server name to expect in the Raft leader's TLS certificate, when it differs from"
                        + " the host of the leader's address."));
        l.add(FlagSpec.of(s, "retry", FlagType.BOOL, Boolean.FALSE,
                "Continuously retry joining the Raft cluster upon failures."));
        l.add(FlagSpec.of(s, "non-voter", FlagType.BOOL, Boolean.FALSE,
                "This flag is used to make the server not participate in the Raft quorum, and have it"
                        + " only receive the data replication stream."));
        return l;
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        int n = inv.args().size();
        if (n > 1) {
            throw new UsageException("Too many arguments (expected 0-1, got " + n + ")");
        }
        String leaderInfo = n == 1 ? inv.args().get(0).strip() : "";
        String caCert = flagFile(inv, "leader-ca-cert", "Failed to parse leader CA certificate: ");
        String clientCert = flagFile(inv, "leader-client-cert", "Failed to parse leader client certificate: ");
        String clientKey = flagFile(inv, "leader-client-key", "Failed to parse leader client key: ");
        ParsedArgs f = inv.flags();
        String scheme = f.string("auto-join-scheme");
        if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
            throw new UsageException("invalid scheme " + GoFormat.quote(scheme) + "; must either be http or https");
        }
        inv.client();
        boolean autoJoin = leaderInfo.contains("provider=");
        JsonStruct body = new JsonStruct()
                .put("auto_join", autoJoin ? leaderInfo : "")
                .put("auto_join_scheme", autoJoin ? scheme : "")
                .put("auto_join_port", autoJoin ? f.longValue("auto-join-port") : 0L)
                .put("leader_api_addr", autoJoin ? "" : leaderInfo)
                .put("leader_ca_cert", caCert)
                .put("leader_client_cert", clientCert)
                .put("leader_client_key", clientKey)
                .putOmitEmpty("leader_tls_servername", f.string("leader-tls-servername"))
                .put("retry", f.bool("retry"))
                .put("non_voter", f.bool("non-voter"));
        Map<String, Object> resp = Requests.send(inv, "Error joining the node to the Raft cluster: ",
                c -> c.postRawJson("sys/storage/raft/join", body));
        boolean joined = Boolean.TRUE.equals(resp.get("joined"));
        if (inv.format() == OutputFormat.JSON) {
            inv.ui().output(GoJson.marshalIndent(new JsonStruct().put("joined", joined)));
        } else {
            inv.ui().output(Columns.table(List.of("Key | Value", "Joined | " + joined), "|"));
        }
        return ExitCodes.OK;
    }

    /** Reads a TLS flag ({@code @file} or inline PEM); an unreadable file is a usage error. */
    private static String flagFile(Invocation inv, String flag, String errorPrefix) throws UsageException {
        try {
            return LocalFiles.flagFile(inv.flags().string(flag), inv::file);
        } catch (IOException e) {
            throw new UsageException(errorPrefix + e.getMessage());
        }
    }
}

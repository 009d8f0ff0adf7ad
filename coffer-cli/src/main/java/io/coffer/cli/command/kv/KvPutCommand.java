package io.coffer.cli.command.kv;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.ChangeStep;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.UsageException;
import java.util.Map;

/**
 * {@code coffer kv put KEY K=V...}: writes a whole secret; on KV version 2 it sends {@code
 * {"data": ..., "options": {...}}} to {@code <mount>/data/<key>}, with {@code -cas}.
 */
public final class KvPutCommand extends KvCommand {
    /** Creates the command. */
    public KvPutCommand() {
        super(
                "kv put",
                "Sets or updates data in the KV store",
                """
                Usage: coffer kv put [options] KEY [DATA]

                  Writes the data to the given path in the key-value store. The data can be of
                  any type.

                      $ coffer kv put -mount=secret foo bar=baz

                """
                        + KvHelp.pathSyntaxForV2("data", "put secret/foo bar=baz")
                        + KvHelp.dataInput("put")
                        + KvHelp.MORE,
                KvDataFlags.of(
                        -1L,
                        "If not set the write will be allowed. If set to 0 a write will only be allowed"
                                + " if the key doesn't exist.",
                        "write"));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        Map<String, Object> data = data(inv, true);
        KvTarget target = locate(inv, inv.args().get(0));
        String fullPath = target.apiPath("data");
        long cas = inv.flags().longValue("cas");
        Object body = target.v2() ? v2Body(data, cas > -1 ? Map.of("cas", cas) : Map.of()) : data;
        Secret secret = ChangeStep.write(inv, fullPath).send(c -> c.write(fullPath, body));
        return printDataWrite(inv, fullPath, secret);
    }
}

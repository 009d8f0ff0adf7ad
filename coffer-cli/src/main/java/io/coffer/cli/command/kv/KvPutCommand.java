package io.coffer.cli.command.kv;

import io.coffer.cli.api.ApiException;
import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.input.KeyValueException;
import io.coffer.cli.output.OutputFormat;
import java.util.LinkedHashMap;
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

                  The deprecated path-like syntax can also be used, but this should be avoided
                  for KV v2, as the fact that it is not actually the full API path to
                  the secret (secret/data/foo) can cause confusion:

                      $ coffer kv put secret/foo bar=baz

                  The data can also be consumed from a file on disk by prefixing with the "@"
                  symbol. For example:

                      $ coffer kv put -mount=secret foo @data.json

                  Or it can be read from stdin using the "-" symbol:

                      $ echo "abcd1234" | coffer kv put -mount=secret foo bar=-

                  To perform a Check-And-Set operation, specify the -cas flag with the
                  appropriate version number corresponding to the key you want to perform
                  the CAS operation on:

                      $ coffer kv put -mount=secret -cas=1 foo bar=baz

                  Additional flags and more advanced use cases are detailed below.
                """,
                StandardFlags.plus(
                        StandardFlags.httpFieldAndFormat(),
                        FlagSpec.of(
                                StandardFlags.COMMON,
                                "cas",
                                FlagType.INT,
                                -1L,
                                "Specifies to use a Check-And-Set operation. If not set the write will be"
                                        + " allowed. If set to 0 a write will only be allowed if the key doesn't"
                                        + " exist. If the index is non-zero the write will only be allowed if the"
                                        + " key's current version matches the version specified in the cas"
                                        + " parameter."),
                        KvLocator.mountFlag()));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException {
        int n = inv.args().size();
        if (n < 1) {
            throw new UsageException("Not enough arguments (expected >1, got " + n + ")");
        }
        if (n == 1) {
            throw new UsageException("Must supply data");
        }
        Map<String, Object> data;
        try {
            data = inv.keyValues().parse(inv.args().subList(1, n));
        } catch (KeyValueException e) {
            inv.ui().error("Failed to parse K=V data: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        KvTarget target = locate(inv, inv.args().get(0));
        if (target == null) {
            return ExitCodes.API;
        }
        String fullPath = target.apiPath("data");
        Object body = data;
        if (target.v2()) {
            Map<String, Object> options = new LinkedHashMap<>();
            long cas = inv.flags().longValue("cas");
            if (cas > -1) {
                options.put("cas", cas);
            }
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("data", data);
            wrapped.put("options", options);
            body = wrapped;
        }
        Secret secret;
        try {
            secret = inv.client().write(fullPath, body);
        } catch (ApiException e) {
            inv.ui().error("Error writing data to " + fullPath + ": " + e.getMessage());
            if (e.secret() != null) {
                inv.printer().outputSecret(e.secret());
            }
            return ExitCodes.API;
        } catch (ClientException e) {
            return apiError(inv, "Error writing data to " + fullPath + ": ", e);
        }
        if (secret == null) {
            if (inv.format() == OutputFormat.TABLE) {
                inv.ui().info("Success! Data written to: " + fullPath);
            }
            return ExitCodes.OK;
        }
        if (!inv.field().isEmpty()) {
            return inv.printer().printRawField(secret, inv.field());
        }
        if (inv.format() == OutputFormat.TABLE) {
            return printWriteMetadata(inv, fullPath, secret);
        }
        return inv.printer().outputSecret(secret);
    }
}

package io.coffer.cli.command.kv;

import io.coffer.cli.api.ApiException;
import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.api.VaultClient;
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
import java.util.List;
import java.util.Map;

/**
 * {@code coffer kv patch KEY K=V...}: updates some keys of a KV version 2 secret with an HTTP
 * PATCH ({@code application/merge-patch+json}); on 405 (or 403, with a warning) it falls back to
 * read, merge locally, and write with {@code cas} set to the version read.
 */
public final class KvPatchCommand extends KvCommand {
    /** Creates the command. */
    public KvPatchCommand() {
        super(
                "kv patch",
                "Sets or updates data in the KV store without overwriting",
                """
                Usage: coffer kv patch [options] KEY [DATA]

                 *NOTE*: This is only supported for KV v2 engine mounts.

                  Writes the data to the corresponding path in the key-value store. The data can
                  be of any type.

                      $ coffer kv patch -mount=secret foo bar=baz

                  The deprecated path-like syntax can also be used, but this should be avoided,
                  as the fact that it is not actually the full API path to
                  the secret (secret/data/foo) can cause confusion:

                      $ coffer kv patch secret/foo bar=baz

                  The data can also be consumed from a file on disk by prefixing with the "@"
                  symbol. For example:

                      $ coffer kv patch -mount=secret foo @data.json

                  Or it can be read from stdin using the "-" symbol:

                      $ echo "abcd1234" | coffer kv patch -mount=secret foo bar=-

                  To perform a Check-And-Set operation, specify the -cas flag with the
                  appropriate version number corresponding to the key you want to perform
                  the CAS operation on:

                      $ coffer kv patch -mount=secret -cas=1 foo bar=baz

                  By default, this operation will attempt an HTTP PATCH operation. If your
                  policy does not allow that, it will fall back to a read/local update/write
                  approach. If you wish to specify which method this command should use, you
                  may do so with the -method flag. When -method=patch is specified, only an
                  HTTP PATCH operation will be tried. If it fails, the entire command will fail.

                      $ coffer kv patch -mount=secret -method=patch foo bar=baz

                  When -method=rw is specified, only a read/local update/write approach will be
                  tried.

                      $ coffer kv patch -mount=secret -method=rw foo bar=baz

                  To remove data from the corresponding path in the key-value store, kv patch
                  can be used.

                      $ coffer kv patch -mount=secret -remove-data=bar foo

                  Additional flags and more advanced use cases are detailed below.
                """,
                StandardFlags.plus(
                        StandardFlags.httpFieldAndFormat(),
                        FlagSpec.of(
                                StandardFlags.COMMON,
                                "cas",
                                FlagType.INT,
                                0L,
                                "Specifies to use a Check-And-Set operation. If set to 0 or not set, the patch"
                                        + " will be allowed. If the index is non-zero the patch will only be allowed"
                                        + " if the key's current version matches the version specified in the cas"
                                        + " parameter."),
                        FlagSpec.of(
                                StandardFlags.COMMON,
                                "method",
                                FlagType.STRING,
                                null,
                                "Specifies which method of patching to use. If set to \"patch\", then an HTTP"
                                        + " PATCH request will be issued. If set to \"rw\", then a read will be"
                                        + " performed, then a local update, followed by a remote update."),
                        KvLocator.mountFlag(),
                        FlagSpec.of(
                                StandardFlags.COMMON,
                                "remove-data",
                                FlagType.STRING_LIST,
                                null,
                                "Key to remove from data. To specify multiple values, specify this flag"
                                        + " multiple times.")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException {
        int n = inv.args().size();
        List<String> remove = inv.flags().list("remove-data");
        if (n < 1) {
            throw new UsageException("Not enough arguments (expected >1, got " + n + ")");
        }
        if (remove.isEmpty() && n == 1) {
            throw new UsageException("Must supply data");
        }
        Map<String, Object> newData;
        try {
            newData = inv.keyValues().parse(inv.args().subList(1, n));
        } catch (KeyValueException e) {
            inv.ui().error("Failed to parse K=V data: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        KvTarget target = locate(inv, inv.args().get(0));
        if (target == null) {
            return ExitCodes.API;
        }
        if (!target.v2()) {
            inv.ui().error("KV engine mount must be version 2 for patch support");
            return ExitCodes.API;
        }
        String fullPath = target.apiPath("data");
        for (String key : remove) {
            newData.put(key, null);
        }
        Result result;
        switch (inv.flags().string("method")) {
            case "rw":
                result = readThenWrite(inv, fullPath, newData);
                break;
            case "patch":
                result = mergePatch(inv, fullPath, newData, false);
                break;
            case "":
                result = mergePatch(inv, fullPath, newData, true);
                break;
            default:
                inv.ui().error(
                        "Unsupported method provided to -method flag: " + inv.flags().string("method"));
                return ExitCodes.API;
        }
        if (result.code != ExitCodes.OK || result.secret == null) {
            return result.code;
        }
        Secret secret = result.secret;
        if (!inv.field().isEmpty()) {
            return inv.printer().printRawField(secret, inv.field());
        }
        if (inv.format() == OutputFormat.TABLE) {
            return printWriteMetadata(inv, fullPath, secret);
        }
        return inv.printer().outputSecret(secret);
    }

    private record Result(Secret secret, int code) {}

    private Result mergePatch(
            Invocation inv, String path, Map<String, Object> newData, boolean rwFallback)
            throws ClientSetupException {
        Map<String, Object> options = new LinkedHashMap<>();
        long cas = inv.flags().longValue("cas");
        if (cas > 0) {
            options.put("cas", cas);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", newData);
        body.put("options", options);
        Secret secret;
        try {
            secret = inv.client().mergePatch(path, body);
        } catch (ApiException e) {
            if (e.statusCode() == 405 && rwFallback) {
                return readThenWrite(inv, path, newData);
            }
            if (e.statusCode() == 403 && rwFallback) {
                inv.ui().warn(
                        "Data was written to " + path + " but we recommend that you add the \"patch\""
                                + " capability to your ACL policy in order to use HTTP PATCH in the future.");
                return readThenWrite(inv, path, newData);
            }
            inv.ui().error("Error writing data to " + path + ": " + e.getMessage());
            return new Result(null, ExitCodes.API);
        } catch (ClientException e) {
            inv.ui().error("Error writing data to " + path + ": " + e.getMessage());
            return new Result(null, ExitCodes.API);
        }
        return written(inv, path, secret);
    }

    private Result readThenWrite(Invocation inv, String path, Map<String, Object> newData)
            throws ClientSetupException {
        VaultClient client = inv.client();
        Secret existing;
        try {
            existing = client.read(path, null);
        } catch (ClientException e) {
            inv.ui().error("Error doing pre-read at " + path + ": " + e.getMessage());
            return new Result(null, ExitCodes.API);
        }
        if (existing == null || existing.data() == null) {
            inv.ui().error("No value found at " + path);
            return new Result(null, ExitCodes.API);
        }
        if (!(existing.data().get("metadata") instanceof Map<?, ?> meta)) {
            inv.ui().error("No metadata found at " + path + "; patch only works on existing data");
            return new Result(null, ExitCodes.API);
        }
        if (!(existing.data().get("data") instanceof Map<?, ?> oldData)) {
            inv.ui().error("No data found at " + path + "; patch only works on existing data");
            return new Result(null, ExitCodes.API);
        }
        Map<String, Object> merged = Secret.asMap(oldData);
        merged.putAll(newData);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("cas", meta.get("version"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", merged);
        body.put("options", options);
        Secret secret;
        try {
            secret = client.write(path, body);
        } catch (ClientException e) {
            inv.ui().error("Error writing data to " + path + ": " + e.getMessage());
            return new Result(null, ExitCodes.API);
        }
        return written(inv, path, secret);
    }

    private Result written(Invocation inv, String path, Secret secret) {
        if (secret == null) {
            if (inv.format() == OutputFormat.TABLE) {
                inv.ui().info("Success! Data written to: " + path);
            }
            return new Result(null, ExitCodes.OK);
        }
        return new Result(secret, ExitCodes.OK);
    }
}

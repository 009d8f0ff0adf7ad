package io.coffer.cli.command.kv;

import io.coffer.cli.api.ApiException;
import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.command.ChangeStep;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import java.util.Collections;
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

                """
                        + KvHelp.pathSyntax("data", "patch secret/foo bar=baz")
                        + KvHelp.dataInput("patch")
                        + """
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

                          """
                        + KvHelp.MORE,
                KvDataFlags.of(
                        0L,
                        "If set to 0 or not set, the patch will be allowed.",
                        "patch",
                        FlagSpec.of(
                                StandardFlags.COMMON,
                                "method",
                                FlagType.STRING,
                                null,
                                "Specifies which method of patching to use. If set to \"patch\", then an HTTP"
                                        + " PATCH request will be issued. If set to \"rw\", then a read will be"
                                        + " performed, then a local update, followed by a remote update."),
                        FlagSpec.of(
                                StandardFlags.COMMON,
                                "remove-data",
                                FlagType.STRING_LIST,
                                null,
                                "Key to remove from data. To specify multiple values, specify this flag"
                                        + " multiple times.")));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        List<String> remove = inv.flags().list("remove-data");
        Map<String, Object> newData = data(inv, remove.isEmpty());
        KvTarget target = locate(inv, inv.args().get(0));
        if (!target.v2()) {
            throw inv.fail(ExitCodes.API, "KV engine mount must be version 2 for patch support");
        }
        String fullPath = target.apiPath("data");
        for (String key : remove) {
            newData.put(key, null);
        }
        String method = inv.flags().string("method");
        Secret secret = switch (method) {
            case "rw" -> readThenWrite(inv, fullPath, newData);
            case "patch" -> mergePatch(inv, fullPath, newData, false);
            case "" -> mergePatch(inv, fullPath, newData, true);
            default -> throw inv.fail(
                    ExitCodes.API, "Unsupported method provided to -method flag: " + method);
        };
        return printDataWrite(inv, fullPath, secret);
    }

    private static Secret mergePatch(
            Invocation inv, String path, Map<String, Object> newData, boolean rwFallback)
            throws ClientSetupException, ExitException {
        long cas = inv.flags().longValue("cas");
        Map<String, Object> body = v2Body(newData, cas > 0 ? Map.of("cas", cas) : Map.of());
        try {
            return inv.client().mergePatch(path, body);
        } catch (ClientException e) {
            int status = e instanceof ApiException api ? api.statusCode() : 0;
            if (rwFallback && status == 403) {
                inv.ui().warn(
                        "Data was written to " + path + " but we recommend that you add the \"patch\""
                                + " capability to your ACL policy in order to use HTTP PATCH in the future.");
            }
            if (rwFallback && (status == 405 || status == 403)) {
                return readThenWrite(inv, path, newData);
            }
            throw ChangeStep.write(inv, path).fail(e);
        }
    }

    private static Secret readThenWrite(Invocation inv, String path, Map<String, Object> newData)
            throws ClientSetupException, ExitException {
        Secret existing =
                Requests.send(inv, "Error doing pre-read at " + path + ": ", c -> c.read(path, null));
        if (existing == null || existing.data() == null) {
            throw inv.fail(ExitCodes.API, "No value found at " + path);
        }
        String onlyExisting = "; patch only works on existing data";
        if (!(existing.data().get("metadata") instanceof Map<?, ?> meta)) {
            throw inv.fail(ExitCodes.API, "No metadata found at " + path + onlyExisting);
        }
        if (!(existing.data().get("data") instanceof Map<?, ?> oldData)) {
            throw inv.fail(ExitCodes.API, "No data found at " + path + onlyExisting);
        }
        Map<String, Object> merged = Secret.asMap(oldData);
        merged.putAll(newData);
        // cas is the version read, even a missing one (null), as vault sends it
        Map<String, Object> body =
                v2Body(merged, Collections.singletonMap("cas", meta.get("version")));
        return ChangeStep.write(inv, path).sendWithoutEnvelope(c -> c.write(path, body));
    }
}

package io.coffer.cli.command.kv;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.output.Banners;
import io.coffer.cli.output.OutputFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code coffer kv get KEY}: reads a secret (a given {@code -version} on KV version 2) and prints
 * the "Secret Path", "Metadata" and "Data" sections as vault does; a miss prints {@code No value
 * found at <path>} and exits 2.
 */
public final class KvGetCommand extends KvCommand {
    /** Creates the command. */
    public KvGetCommand() {
        super(
                "kv get",
                "Retrieves data from the KV store",
                """
                Usage: coffer kv get [options] KEY

                  Retrieves the value from Coffer's key-value store at the given key name. If no
                  key exists with that name, an error is returned. If a key exists with that
                  name but has no data, nothing is returned.

                      $ coffer kv get -mount=secret foo

                """
                        + KvHelp.pathSyntaxForV2("data", "get secret/foo")
                        + """
                            To view the given key name at a specific version in time, specify the "-version"
                            flag:

                                $ coffer kv get -mount=secret -version=1 foo

                            To print only one value, for scripts:

                                $ coffer kv get -mount=secret -field=bar foo

                          """
                        + KvHelp.MORE,
                StandardFlags.plus(
                        StandardFlags.httpFieldAndFormat(),
                        FlagSpec.of(
                                StandardFlags.COMMON,
                                "version",
                                FlagType.INT,
                                0L,
                                "If passed, the value at the version number will be returned."),
                        KvLocator.mountFlag()));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        KvTarget target = locateKey(inv);
        String fullPath = target.apiPath("data");
        Map<String, List<String>> params = new TreeMap<>();
        long version = inv.flags().longValue("version");
        if (target.v2() && version > 0) {
            params.put("version", List.of(Long.toString(version)));
        }
        Secret secret = Requests.readExisting(inv, fullPath, params);
        String field = inv.field();
        if (!field.isEmpty()) {
            if (!target.v2()) {
                return inv.printer().printRawField(secret, field);
            }
            Object data = secret.data() == null ? null : secret.data().get("data");
            if (!(data instanceof Map<?, ?> dataMap)) {
                inv.ui().error("No data found at " + fullPath);
                return ExitCodes.API;
            }
            if (field.equals("data") && !dataMap.containsKey("data")) {
                return inv.printer().printRawField(secret, field);
            }
            return inv.printer().printRawField(Secret.asMap(dataMap), field);
        }
        if (secret.wrapInfo() != null || inv.format() != OutputFormat.TABLE) {
            return inv.printer().outputSecret(secret);
        }
        inv.printer().printWarnings(secret);
        if (target.v2()) {
            Banners.path(inv.ui(), fullPath, "Secret Path");
        }
        Map<String, Object> all = secret.data();
        if (all != null && all.get("metadata") instanceof Map<?, ?> metadata) {
            inv.ui().info(Banners.forMap("Metadata", Secret.asMap(metadata)));
            inv.printer().outputData(metadata);
            inv.ui().info("");
        }
        Map<String, Object> data = all;
        if (target.v2() && all != null) {
            data = all.get("data") instanceof Map<?, ?> d ? Secret.asMap(d) : null;
        }
        if (data != null) {
            inv.ui().info(Banners.forMap("Data", data));
            inv.printer().outputData(data);
        }
        return ExitCodes.OK;
    }
}

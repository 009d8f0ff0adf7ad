package io.coffer.cli.command.kv;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.output.Banners;
import io.coffer.cli.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code coffer kv metadata get KEY}: prints a KV version 2 key's metadata and one section per
 * version, as vault does.
 */
public final class KvMetadataGetCommand extends KvCommand {
    /** Creates the command. */
    public KvMetadataGetCommand() {
        super(
                "kv metadata get",
                "Retrieves key metadata from the KV store",
                """
                Usage: coffer kv metadata get [options] KEY

                  Retrieves the metadata from Coffer's key-value store at the given key name. If
                  no key exists with that name, an error is returned.

                      $ coffer kv metadata get -mount=secret foo

                  The deprecated path-like syntax can also be used, but this should be avoided,
                  as the fact that it is not actually the full API path to
                  the secret (secret/metadata/foo) can cause confusion:

                      $ coffer kv metadata get secret/foo

                  Additional flags and more advanced use cases are detailed below.
                """,
                StandardFlags.plus(StandardFlags.httpFieldAndFormat(), KvLocator.mountFlag()));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException {
        inv.expectArgs(1, 1);
        KvTarget target = locate(inv, inv.args().get(0));
        if (target == null) {
            return ExitCodes.API;
        }
        if (!target.v2()) {
            inv.ui().error("Metadata not supported on KV Version 1");
            return ExitCodes.USAGE;
        }
        String fullPath = target.apiPath("metadata");
        Secret secret;
        try {
            secret = inv.client().read(fullPath, null);
        } catch (ClientException e) {
            return apiError(inv, "Error reading " + fullPath + ": ", e);
        }
        if (secret == null) {
            inv.ui().error("No value found at " + fullPath);
            return ExitCodes.API;
        }
        if (!inv.field().isEmpty()) {
            return inv.printer().printRawField(secret, inv.field());
        }
        if (secret.wrapInfo() != null || inv.format() != OutputFormat.TABLE) {
            return inv.printer().outputSecret(secret);
        }
        Map<String, Object> data = secret.data();
        if (data == null || !(data.get("versions") instanceof Map<?, ?> versions)) {
            inv.ui().error("No value found at " + fullPath);
            inv.printer().outputSecret(secret);
            return ExitCodes.API;
        }
        Map<String, Object> rest = Secret.asMap(data);
        rest.remove("versions");
        Banners.path(inv.ui(), fullPath, "Metadata Path");
        inv.ui().info(Banners.forMap("Metadata", rest));
        inv.printer().outputSecret(secret.withData(rest));
        List<Integer> numbers = new ArrayList<>();
        for (Object k : versions.keySet()) {
            try {
                numbers.add(Integer.parseInt(String.valueOf(k)));
            } catch (NumberFormatException e) {
                inv.ui().error("Error parsing version " + k);
                return ExitCodes.API;
            }
        }
        numbers.sort(null);
        for (int v : numbers) {
            Object version = versions.get(Integer.toString(v));
            Map<String, Object> vm = version instanceof Map<?, ?> m ? Secret.asMap(m) : Map.of();
            inv.ui().info("\n" + Banners.forMap("Version " + v, vm));
            inv.printer().outputData(vm);
        }
        return ExitCodes.OK;
    }
}

package io.coffer.cli.command.kv;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
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

                """
                        + KvHelp.pathSyntax("metadata", "metadata get secret/foo")
                        + KvHelp.MORE,
                StandardFlags.plus(StandardFlags.httpFieldAndFormat(), KvLocator.mountFlag()));
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        String fullPath = metadataPath(inv);
        Secret secret = Requests.readExisting(inv, fullPath, null);
        if (!inv.field().isEmpty() || secret.wrapInfo() != null || inv.format() != OutputFormat.TABLE) {
            return inv.printSecret(secret);
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

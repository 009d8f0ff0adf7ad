package io.coffer.cli.command.kv;

import io.coffer.cli.api.ClientException;
import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.output.Banners;
import java.util.List;

/** Shared plumbing of the {@code kv} commands: mount lookup and the metadata table. */
abstract class KvCommand extends BaseCommand {

    KvCommand(String name, String synopsis, String help, List<FlagSpec> flags) {
        super(name, synopsis, help, flags);
    }

    /**
     * Locates the target of {@code arg}; on failure prints the error as vault does (no prefix) and
     * returns null.
     */
    static KvTarget locate(Invocation inv, String arg) throws ClientSetupException {
        KvLocator locator = new KvLocator(inv.client(), inv.context().json());
        try {
            return locator.locate(inv.flags().string("mount"), arg);
        } catch (ClientException e) {
            inv.ui().error(e.getMessage());
            return null;
        }
    }

    /** Prints the "Secret Path" banner and the version metadata a write returned. */
    static int printWriteMetadata(Invocation inv, String fullPath, Secret secret) {
        Banners.path(inv.ui(), fullPath, "Secret Path");
        inv.ui().info(Banners.forMap("Metadata", secret.data()));
        return inv.printer().outputData(secret.data() == null ? java.util.Map.of() : secret.data());
    }

    /** Converts {@code -versions} values to numbers where they are numeric. */
    static List<Object> versions(List<String> raw) {
        List<Object> out = new java.util.ArrayList<>();
        for (String v : raw) {
            try {
                out.add(Long.parseLong(v.strip()));
            } catch (NumberFormatException e) {
                out.add(v);
            }
        }
        return out;
    }
}

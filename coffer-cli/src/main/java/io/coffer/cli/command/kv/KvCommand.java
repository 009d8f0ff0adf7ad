package io.coffer.cli.command.kv;

import io.coffer.cli.api.Secret;
import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ChangeStep;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.DataArgs;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.UsageException;
import io.coffer.cli.output.Banners;
import io.coffer.cli.output.OutputFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of the {@code kv} commands: the mount preflight and path resolution they all start
 * with, the {@code K=V} data of {@code put} and {@code patch}, and how a data write is printed.
 */
abstract class KvCommand extends BaseCommand {

    KvCommand(String name, String synopsis, String help, List<FlagSpec> flags) {
        super(name, synopsis, help, flags);
    }

    /**
     * Locates the target of {@code arg} (with {@code -mount} when given); a failed preflight is
     * printed as vault prints it (no prefix) and exits 2.
     */
    static KvTarget locate(Invocation inv, String arg) throws ClientSetupException, ExitException {
        String mount = inv.flags().string("mount");
        return Requests.send(inv, "", c -> new KvLocator(c, inv.context().json()).locate(mount, arg));
    }

    /** Locates the target of the command's single KEY argument. */
    static KvTarget locateKey(Invocation inv)
            throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(1, 1);
        return locate(inv, inv.args().get(0));
    }

    /**
     * Returns {@code target} if it is a KV version 2 mount; on version 1 prints {@code "<feature>
     * not supported on KV Version 1"} and exits 1.
     */
    static KvTarget requireV2(Invocation inv, KvTarget target, String feature) throws ExitException {
        if (!target.v2()) {
            throw inv.fail(ExitCodes.USAGE, feature + " not supported on KV Version 1");
        }
        return target;
    }

    /** The {@code <mount>/metadata/<key>} path of the single KEY argument of a metadata command. */
    static String metadataPath(Invocation inv)
            throws UsageException, ClientSetupException, ExitException {
        return requireV2(inv, locateKey(inv), "Metadata").apiPath("metadata");
    }

    /**
     * The {@code K=V} data after the KEY argument of {@code put} and {@code patch}; a KEY without
     * data is a usage error when {@code dataRequired}.
     */
    static Map<String, Object> data(Invocation inv, boolean dataRequired)
            throws UsageException, ExitException {
        int n = inv.args().size();
        if (n < 1) {
            throw new UsageException("Not enough arguments (expected >1, got " + n + ")");
        }
        if (dataRequired && n == 1) {
            throw new UsageException("Must supply data");
        }
        return DataArgs.data(inv);
    }

    /** The KV version 2 body of a data write: {@code {"data": ..., "options": ...}}. */
    static Map<String, Object> v2Body(Map<String, Object> data, Map<String, Object> options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("options", options);
        return body;
    }

    /**
     * Prints what a data write ({@code put}, {@code patch}) answered: in table format the "Secret
     * Path" banner and the version metadata, otherwise as any write.
     */
    static int printDataWrite(Invocation inv, String fullPath, Secret secret) {
        if (secret == null || !inv.field().isEmpty() || inv.format() != OutputFormat.TABLE) {
            return ChangeStep.write(inv, fullPath).print(secret);
        }
        Banners.path(inv.ui(), fullPath, "Secret Path");
        inv.ui().info(Banners.forMap("Metadata", secret.data()));
        return inv.printer().outputData(secret.data() == null ? Map.of() : secret.data());
    }

    /** Converts {@code -versions} values to numbers where they are numeric. */
    static List<Object> versions(List<String> raw) {
        List<Object> out = new ArrayList<>();
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

package io.coffer.cli.command.secrets;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.MountConfigFlags;
import io.coffer.cli.command.ParsedArgs;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code coffer secrets tune PATH}: changes a mount's settings with POST {@code
 * sys/mounts/<path>/tune}, sending only the settings given.
 */
public final class SecretsTuneCommand extends BaseCommand {
    /** Creates the command. */
    public SecretsTuneCommand() {
        super(
                "secrets tune",
                "Tune a secrets engine configuration",
                """
                Usage: coffer secrets tune [options] PATH

                  Tunes the configuration options for the secrets engine at the given PATH.
                  The argument corresponds to the PATH where the secrets engine is enabled,
                  not the TYPE!

                  Tune the default lease for the PKI secrets engine:

                      $ coffer secrets tune -default-lease-ttl=72h pki/

                  Upgrade a KV version 1 mount to version 2:

                      $ coffer secrets tune -version=2 kv1/
                """,
                flagSpecs());
    }

    private static List<FlagSpec> flagSpecs() {
        List<FlagSpec> l = new ArrayList<>(StandardFlags.http());
        l.addAll(MountFlags.tuning());
        return l;
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(1, 1);
        ParsedArgs f = inv.flags();
        String path = ensureTrailingSlash(sanitizePath(inv.args().get(0)));
        Map<String, Object> config = new LinkedHashMap<>();
        if (f.isSet("default-lease-ttl")) {
            config.put("default_lease_ttl", MountConfigFlags.duration(f, "default-lease-ttl"));
        }
        if (f.isSet("max-lease-ttl")) {
            config.put("max_lease_ttl", MountConfigFlags.duration(f, "max-lease-ttl"));
        }
        MountConfigFlags.addTuneConfig(f, config);
        String error = "Error tuning secrets engine " + path + ": ";
        Requests.send(inv, error, c -> c.post("sys/mounts/" + path + "tune", config));
        inv.ui().output("Success! Tuned the secrets engine at: " + path);
        return ExitCodes.OK;
    }
}

package io.coffer.cli.command.secrets;

import io.coffer.cli.command.BaseCommand;
import io.coffer.cli.command.ClientSetupException;
import io.coffer.cli.command.ExitCodes;
import io.coffer.cli.command.ExitException;
import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.Invocation;
import io.coffer.cli.command.MountConfigFlags;
import io.coffer.cli.command.ParsedArgs;
import io.coffer.cli.command.Requests;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.command.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code coffer secrets enable [-path=P] TYPE}: mounts a secrets engine with POST {@code
 * sys/mounts/<path>}; {@code -version=2} becomes {@code options.version = "2"}.
 */
public final class SecretsEnableCommand extends BaseCommand {
    /** Creates the command. */
    public SecretsEnableCommand() {
        super(
                "secrets enable",
                "Enable a secrets engine",
                """
                Usage: coffer secrets enable [options] TYPE

                  Enables a secrets engine. By default, secrets engines are enabled at the path
                  corresponding to their TYPE, but users can customize the path using the
                  -path option.

                  Once enabled, Coffer will route all requests which begin with the path to the
                  secrets engine.

                  Enable the KV version 2 secrets engine at secret/:

                      $ coffer secrets enable -path=secret -version=2 kv

                  Enable the transit secrets engine with a description:

                      $ coffer secrets enable -description="Encryption as a service" transit

                  Enable a KV version 1 engine with custom lease TTLs:

                      $ coffer secrets enable -path=kv1 -default-lease-ttl=30m -max-lease-ttl=24h kv

                  For a full list of secrets engines and examples, please see the documentation.
                """,
                flagSpecs());
    }

    private static List<FlagSpec> flagSpecs() {
        List<FlagSpec> l = new ArrayList<>(StandardFlags.http());
        l.addAll(MountFlags.tuning());
        String s = StandardFlags.COMMAND;
        l.add(
                FlagSpec.of(
                        s,
                        "path",
                        FlagType.STRING,
                        null,
                        "Place where the secrets engine will be accessible. This must be unique across all"
                                + " secrets engines. This defaults to the \"type\" of the secrets engine."));
        l.add(
                FlagSpec.of(
                        s,
                        "force-no-cache",
                        FlagType.BOOL,
                        Boolean.FALSE,
                        "Force the secrets engine to disable caching. If unspecified, this defaults to the"
                                + " server's globally configured cache settings. This does not affect caching of"
                                + " the underlying encrypted data storage."));
        l.addAll(
                MountConfigFlags.enableSwitches(
                        "Mark the secrets engine as local-only. Local engines are not replicated or"
                                + " removed by replication.",
                        "Enable secrets engine to access the server's external entropy source."));
        return l;
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(1, 1);
        ParsedArgs f = inv.flags();
        String engineType = inv.args().get(0).strip();
        String pathFlag = f.string("path");
        String mountPath = ensureTrailingSlash(sanitizePath(pathFlag.isEmpty() ? engineType : pathFlag));

        Map<String, Object> config = MountConfigFlags.enableConfig(f, f.bool("force-no-cache"));
        Map<String, Object> body = MountConfigFlags.enableBody(f, engineType, config);
        Requests.send(inv, "Error enabling: ", c -> c.post("sys/mounts/" + mountPath, body));
        inv.ui().output("Success! Enabled the " + engineType + " secrets engine at: " + mountPath);
        return ExitCodes.OK;
    }
}

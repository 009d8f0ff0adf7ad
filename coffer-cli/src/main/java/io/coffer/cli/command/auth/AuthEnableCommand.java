package io.coffer.cli.command.auth;

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
 * {@code coffer auth enable [-path=P] TYPE}: enables an auth method with POST {@code
 * sys/auth/<path>} and vault's {@code EnableAuthOptions} body; {@code -version=2} becomes {@code
 * options.version = "2"}.
 */
public final class AuthEnableCommand extends BaseCommand {
    /** Creates the command. */
    public AuthEnableCommand() {
        super(
                "auth enable",
                "Enables a new auth method",
                """
                Usage: coffer auth enable [options] TYPE

                  Enables a new auth method. An auth method is responsible for authenticating
                  users or machines and assigning them policies with which they can access
                  Coffer.

                  Enable the userpass auth method at userpass/:

                      $ coffer auth enable userpass

                  Enable the AppRole auth method at approle-prod/ with a description:

                      $ coffer auth enable -path=approle-prod -description="CI machines" approle

                  Enable the userpass auth method with a one-hour default token TTL:

                      $ coffer auth enable -default-lease-ttl=1h userpass
                """,
                flagSpecs());
    }

    private static List<FlagSpec> flagSpecs() {
        String s = StandardFlags.COMMAND;
        List<FlagSpec> l = new ArrayList<>(StandardFlags.http());
        l.add(MountConfigFlags.description("Human-friendly description for the purpose of this auth method."));
        l.add(
                FlagSpec.of(
                        s,
                        "path",
                        FlagType.STRING,
                        null,
                        "Place where the auth method will be accessible. This must be unique across all"
                                + " auth methods. This defaults to the \"type\" of the auth method. The auth"
                                + " method will be accessible at \"/auth/<path>\"."));
        l.add(
                MountConfigFlags.defaultLeaseTtl(
                        "The default lease TTL for this auth method. If unspecified, this defaults to the"
                                + " server's globally configured default lease TTL."));
        l.add(
                MountConfigFlags.maxLeaseTtl(
                        "The maximum lease TTL for this auth method. If unspecified, this defaults to the"
                                + " server's globally configured maximum lease TTL."));
        l.addAll(AuthFlags.common("Select the semantic version of the plugin to enable."));
        l.add(
                FlagSpec.of(
                        s,
                        "plugin-name",
                        FlagType.STRING,
                        null,
                        "Name of the auth method plugin. This plugin name must already exist in the"
                                + " server's plugin catalog."));
        l.addAll(
                MountConfigFlags.enableSwitches(
                        "Mark the auth method as local-only. Local auth methods are not replicated nor"
                                + " removed by replication.",
                        "Enable auth method to access the server's external entropy source."));
        return l;
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(1, 1);
        ParsedArgs f = inv.flags();
        String authType = inv.args().get(0).strip();
        if (authType.equals("plugin")) {
            authType = f.string("plugin-name");
        }
        String pathFlag = f.string("path");
        String authPath = ensureTrailingSlash(pathFlag.isEmpty() ? authType : pathFlag);

        Map<String, Object> config = MountConfigFlags.enableConfig(f, false);
        AuthFlags.addTokenTypeAndPluginVersion(f, config);
        Map<String, Object> body = MountConfigFlags.enableBody(f, authType, config);
        String error = "Error enabling " + authType + " auth: ";
        Requests.send(inv, error, c -> c.post("sys/auth/" + authPath, body));

        String thing = authType + " auth method";
        String pluginVersion = f.string("plugin-version");
        if (!pluginVersion.isEmpty()) {
            thing += " version " + pluginVersion;
        }
        inv.ui().output("Success! Enabled " + thing + " at: " + authPath);
        return ExitCodes.OK;
    }
}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code coffer auth tune PATH}: changes an auth mount's settings with POST {@code
 * sys/auth/<path>/tune}, sending only the settings given.
 *
 * <p>Vault's CLI posts to the alias {@code sys/mounts/auth/<path>/tune}; this CLI uses the
 * documented {@code sys/auth/<path>/tune}, which Vault and Coffer both serve. TTLs follow vault's
 * {@code ttlToAPI}: {@code 0} leaves the value unchanged, a negative value ({@code -1}) sends
 * {@code system}.
 */
public final class AuthTuneCommand extends BaseCommand {
    /** Creates the command. */
    public AuthTuneCommand() {
        super(
                "auth tune",
                "Tunes an auth method configuration",
                """
                Usage: coffer auth tune [options] PATH

                  Tunes the configuration options for the auth method at the given PATH. The
                  argument corresponds to the PATH where the auth method is enabled, not the
                  TYPE!

                  Tune the default lease for the userpass auth method:

                      $ coffer auth tune -default-lease-ttl=72h userpass/

                  Restore the system default for the maximum lease:

                      $ coffer auth tune -max-lease-ttl=-1 userpass/
                """,
                flagSpecs());
    }

    private static List<FlagSpec> flagSpecs() {
        String s = StandardFlags.COMMAND;
        List<FlagSpec> l = new ArrayList<>(StandardFlags.http());
        l.add(
                MountConfigFlags.defaultLeaseTtl(
                        "The default lease TTL for this auth method. If unspecified, this defaults to the"
                                + " server's globally configured default lease TTL, or a previously configured"
                                + " value for the auth method."));
        l.add(
                MountConfigFlags.maxLeaseTtl(
                        "The maximum lease TTL for this auth method. If unspecified, this defaults to the"
                                + " server's globally configured maximum lease TTL, or a previously configured"
                                + " value for the auth method."));
        l.add(
                MountConfigFlags.description(
                        "Human-friendly description of the this auth method. This overrides the current"
                                + " stored value, if any."));
        l.addAll(
                AuthFlags.common(
                        "Select the semantic version of the plugin to run. The new version must be"
                                + " registered in the plugin catalog, and will not start running until the"
                                + " plugin is reloaded."));
        l.add(
                FlagSpec.of(
                        s,
                        "user-lockout-threshold",
                        FlagType.INT,
                        0L,
                        "The threshold for user lockout for this auth method. If unspecified, this"
                                + " defaults to the server's globally configured user lockout threshold, or a"
                                + " previously configured value for the auth method."));
        l.add(
                FlagSpec.of(
                        s,
                        "user-lockout-duration",
                        FlagType.DURATION,
                        null,
                        "The user lockout duration for this auth method. If unspecified, this defaults to"
                                + " the server's globally configured user lockout duration, or a previously"
                                + " configured value for the auth method."));
        l.add(
                FlagSpec.of(
                        s,
                        "user-lockout-counter-reset-duration",
                        FlagType.DURATION,
                        null,
                        "The user lockout counter reset duration for this auth method. If unspecified,"
                                + " this defaults to the server's globally configured user lockout counter"
                                + " reset duration, or a previously configured value for the auth method."));
        l.add(
                FlagSpec.of(
                        s,
                        "user-lockout-disable",
                        FlagType.BOOL,
                        Boolean.FALSE,
                        "Disable user lockout for this auth method. If unspecified, this defaults to the"
                                + " server's globally configured user lockout disable, or a previously"
                                + " configured value for the auth method."));
        return l;
    }

    @Override
    public int run(Invocation inv) throws UsageException, ClientSetupException, ExitException {
        inv.expectArgs(1, 1);
        ParsedArgs f = inv.flags();
        long threshold = f.longValue("user-lockout-threshold");
        if (threshold < 0) {
            throw new UsageException(
                    "invalid value \"" + threshold + "\" for flag -user-lockout-threshold: parse error");
        }
        String path = ensureTrailingSlash(sanitizePath(inv.args().get(0)));

        Map<String, Object> config = new LinkedHashMap<>();
        putTtl(config, "default_lease_ttl", AuthFlags.ttlToApi(f.duration("default-lease-ttl")));
        putTtl(config, "max_lease_ttl", AuthFlags.ttlToApi(f.duration("max-lease-ttl")));
        MountConfigFlags.addTuneConfig(f, config);
        AuthFlags.addTokenTypeAndPluginVersion(f, config);
        Map<String, Object> lockout = new LinkedHashMap<>();
        if (f.isSet("user-lockout-threshold")) {
            lockout.put("lockout_threshold", Long.toString(threshold));
        }
        if (f.isSet("user-lockout-duration")) {
            putTtl(lockout, "lockout_duration", AuthFlags.ttlToApi(f.duration("user-lockout-duration")));
        }
        if (f.isSet("user-lockout-counter-reset-duration")) {
            putTtl(
                    lockout,
                    "lockout_counter_reset_duration",
                    AuthFlags.ttlToApi(f.duration("user-lockout-counter-reset-duration")));
        }
        if (f.isSet("user-lockout-disable")) {
            lockout.put("lockout_disable", f.bool("user-lockout-disable"));
        }
        if (!lockout.isEmpty()) {
            config.put("user_lockout_config", lockout);
        }
        String error = "Error tuning auth method " + path + ": ";
        Requests.send(inv, error, c -> c.post("sys/auth/" + path + "tune", config));
        inv.ui().output("Success! Tuned the auth method at: " + path);
        return ExitCodes.OK;
    }

    /** Puts a TTL unless it is empty (vault's empty string means "unchanged"). */
    private static void putTtl(Map<String, Object> config, String key, String value) {
        if (!value.isEmpty()) {
            config.put(key, value);
        }
    }
}

package io.coffer.cli.command.auth;

import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.MountConfigFlags;
import io.coffer.cli.command.ParsedArgs;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.output.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flags shared by {@code auth enable} and {@code auth tune} (vault's wording for auth methods)
 * beyond the {@link MountConfigFlags} every mount has, and their mapping onto the mount {@code
 * config} object of {@code sys/auth}.
 */
final class AuthFlags {
    private static final String S = StandardFlags.COMMAND;

    private AuthFlags() {}

    /** The list, visibility, header, option, token type and version flags of both commands. */
    static List<FlagSpec> common(String pluginVersionUsage) {
        List<FlagSpec> l = new ArrayList<>(MountConfigFlags.configLists());
        l.addAll(
                MountConfigFlags.optionsAndVersion(
                        "Select the version of the auth method to run. Not supported by all auth methods."));
        l.add(FlagSpec.of(S, "token-type", FlagType.STRING, null, "Sets a forced token type for the mount."));
        l.add(FlagSpec.of(S, "plugin-version", FlagType.STRING, null, pluginVersionUsage));
        return List.copyOf(l);
    }

    /** Adds {@code -token-type} and a non-empty {@code -plugin-version} to {@code config} if given. */
    static void addTokenTypeAndPluginVersion(ParsedArgs f, Map<String, Object> config) {
        if (f.isSet("token-type")) {
            config.put("token_type", f.string("token-type"));
        }
        if (f.isSet("plugin-version") && !f.string("plugin-version").isEmpty()) {
            config.put("plugin_version", f.string("plugin-version"));
        }
    }

    /**
     * Vault's {@code ttlToAPI}: nothing for zero (keep the current value), {@code system} for a
     * negative value (back to the system default), else the Go duration text.
     */
    static String ttlToApi(Duration d) {
        if (d.isZero()) {
            return "";
        }
        if (d.isNegative()) {
            return "system";
        }
        return Durations.format(d);
    }
}

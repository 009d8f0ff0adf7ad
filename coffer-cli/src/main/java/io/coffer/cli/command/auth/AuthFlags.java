package io.coffer.cli.command.auth;

import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.ParsedArgs;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.output.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags shared by {@code auth enable} and {@code auth tune} (vault's wording for auth methods)
 * and their mapping onto the mount {@code config} object of {@code sys/auth}.
 */
final class AuthFlags {
    private static final String S = StandardFlags.COMMAND;

    private AuthFlags() {}

    static FlagSpec description(String usage) {
        return FlagSpec.of(S, "description", FlagType.STRING, null, usage);
    }

    static FlagSpec defaultLeaseTtl(String usage) {
        return FlagSpec.of(S, "default-lease-ttl", FlagType.DURATION, null, usage);
    }

    static FlagSpec maxLeaseTtl(String usage) {
        return FlagSpec.of(S, "max-lease-ttl", FlagType.DURATION, null, usage);
    }

    /** The list, visibility, header, option, token type and version flags of both commands. */
    static List<FlagSpec> common(String pluginVersionUsage) {
        return List.of(
                FlagSpec.of(
                        S,
                        "audit-non-hmac-request-keys",
                        FlagType.STRING_LIST,
                        null,
                        "Key that will not be HMAC'd by audit devices in the request data object. To"
                                + " specify multiple values, specify this flag multiple times."),
                FlagSpec.of(
                        S,
                        "audit-non-hmac-response-keys",
                        FlagType.STRING_LIST,
                        null,
                        "Key that will not be HMAC'd by audit devices in the response data object. To"
                                + " specify multiple values, specify this flag multiple times."),
                FlagSpec.of(
                        S,
                        "listing-visibility",
                        FlagType.STRING,
                        null,
                        "Determines the visibility of the mount in the UI-specific listing endpoint."),
                FlagSpec.of(
                        S,
                        "passthrough-request-headers",
                        FlagType.STRING_LIST,
                        null,
                        "Request header value that will be sent to the plugin. To specify multiple values,"
                                + " specify this flag multiple times."),
                FlagSpec.of(
                        S,
                        "allowed-response-headers",
                        FlagType.STRING_LIST,
                        null,
                        "Response header value that plugins will be allowed to set. To specify multiple"
                                + " values, specify this flag multiple times."),
                FlagSpec.of(
                        S,
                        "options",
                        FlagType.STRING_MAP,
                        null,
                        "Key-value pair provided as key=value for the mount options. This can be specified"
                                + " multiple times."),
                FlagSpec.of(S, "token-type", FlagType.STRING, null, "Sets a forced token type for the mount."),
                FlagSpec.of(
                        S,
                        "version",
                        FlagType.INT,
                        0L,
                        "Select the version of the auth method to run. Not supported by all auth methods."),
                FlagSpec.of(S, "plugin-version", FlagType.STRING, null, pluginVersionUsage));
    }

    /**
     * Adds the flags that were given to {@code config}: the list flags, listing visibility, token
     * type and plugin version (vault sets these only when they appear on the command line).
     */
    static void addGivenConfig(ParsedArgs f, Map<String, Object> config) {
        putListIfSet(f, config, "audit-non-hmac-request-keys", "audit_non_hmac_request_keys");
        putListIfSet(f, config, "audit-non-hmac-response-keys", "audit_non_hmac_response_keys");
        if (f.isSet("listing-visibility")) {
            config.put("listing_visibility", f.string("listing-visibility"));
        }
        putListIfSet(f, config, "passthrough-request-headers", "passthrough_request_headers");
        putListIfSet(f, config, "allowed-response-headers", "allowed_response_headers");
        if (f.isSet("token-type")) {
            config.put("token_type", f.string("token-type"));
        }
        if (f.isSet("plugin-version") && !f.string("plugin-version").isEmpty()) {
            config.put("plugin_version", f.string("plugin-version"));
        }
    }

    /** {@code -options} plus {@code -version} as {@code options.version} (a string, as vault). */
    static Map<String, String> options(ParsedArgs f) {
        Map<String, String> options = new LinkedHashMap<>(f.map("options"));
        long version = f.longValue("version");
        if (version > 0) {
            options.put("version", Long.toString(version));
        }
        return options;
    }

    /** A duration flag as Go's {@code Duration.String()} ({@code 0s} when not given). */
    static String duration(ParsedArgs f, String name) {
        return Durations.format(f.duration(name));
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

    private static void putListIfSet(ParsedArgs f, Map<String, Object> config, String flag, String key) {
        if (f.isSet(flag)) {
            config.put(key, f.list(flag));
        }
    }
}

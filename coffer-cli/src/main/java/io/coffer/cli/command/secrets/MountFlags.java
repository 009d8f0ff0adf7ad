package io.coffer.cli.command.secrets;

import io.coffer.cli.command.FlagSpec;
import io.coffer.cli.command.FlagType;
import io.coffer.cli.command.ParsedArgs;
import io.coffer.cli.command.StandardFlags;
import io.coffer.cli.output.Durations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags shared by {@code secrets enable} and {@code secrets tune} and their mapping onto the
 * mount {@code config} object of {@code sys/mounts}.
 */
final class MountFlags {
    private MountFlags() {}

    static List<FlagSpec> tuning() {
        String s = StandardFlags.COMMAND;
        return List.of(
                FlagSpec.of(
                        s,
                        "default-lease-ttl",
                        FlagType.DURATION,
                        null,
                        "The default lease TTL for this secrets engine. If unspecified, this defaults to"
                                + " the server's globally configured default lease TTL."),
                FlagSpec.of(
                        s,
                        "max-lease-ttl",
                        FlagType.DURATION,
                        null,
                        "The maximum lease TTL for this secrets engine. If unspecified, this defaults to"
                                + " the server's globally configured maximum lease TTL."),
                FlagSpec.of(
                        s,
                        "description",
                        FlagType.STRING,
                        null,
                        "Human-friendly description for the purpose of this engine."),
                FlagSpec.of(
                        s,
                        "options",
                        FlagType.STRING_MAP,
                        null,
                        "Key-value pair provided as key=value for the mount options. This can be specified"
                                + " multiple times."),
                FlagSpec.of(
                        s,
                        "version",
                        FlagType.INT,
                        0L,
                        "Select the version of the engine to run. Not supported by all engines."),
                FlagSpec.of(
                        s,
                        "audit-non-hmac-request-keys",
                        FlagType.STRING_LIST,
                        null,
                        "Key that will not be HMAC'd by audit devices in the request data object. To"
                                + " specify multiple values, specify this flag multiple times."),
                FlagSpec.of(
                        s,
                        "audit-non-hmac-response-keys",
                        FlagType.STRING_LIST,
                        null,
                        "Key that will not be HMAC'd by audit devices in the response data object. To"
                                + " specify multiple values, specify this flag multiple times."),
                FlagSpec.of(
                        s,
                        "listing-visibility",
                        FlagType.STRING,
                        null,
                        "Determines the visibility of the mount in the UI-specific listing endpoint."),
                FlagSpec.of(
                        s,
                        "passthrough-request-headers",
                        FlagType.STRING_LIST,
                        null,
                        "Request header value that will be sent to the plugin. To specify multiple values,"
                                + " specify this flag multiple times."),
                FlagSpec.of(
                        s,
                        "allowed-response-headers",
                        FlagType.STRING_LIST,
                        null,
                        "Response header value that plugins will be allowed to set. To specify multiple"
                                + " values, specify this flag multiple times."));
    }

    /** Adds the list/string tuning flags that were given to {@code config}. */
    static void addOptionalConfig(ParsedArgs f, Map<String, Object> config) {
        putIfSet(f, config, "audit-non-hmac-request-keys", "audit_non_hmac_request_keys");
        putIfSet(f, config, "audit-non-hmac-response-keys", "audit_non_hmac_response_keys");
        putIfSet(f, config, "passthrough-request-headers", "passthrough_request_headers");
        putIfSet(f, config, "allowed-response-headers", "allowed_response_headers");
        if (f.isSet("listing-visibility")) {
            config.put("listing_visibility", f.string("listing-visibility"));
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

    static String duration(ParsedArgs f, String name) {
        return Durations.format(f.duration(name));
    }

    private static void putIfSet(ParsedArgs f, Map<String, Object> config, String flag, String key) {
        if (f.isSet(flag)) {
            config.put(key, f.list(flag));
        }
    }
}

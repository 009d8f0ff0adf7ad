package io.coffer.cli.command;

import io.coffer.cli.output.Durations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Static helpers for the mount flags that {@code auth enable/tune} and {@code secrets
 * enable/tune} share, and their mapping onto vault's mount {@code config} object and enable body
 * ({@code sys/auth/<path>}, {@code sys/mounts/<path>}). Flags whose help names the kind of mount
 * take their usage text from the caller, so each command keeps its own wording.
 */
public final class MountConfigFlags {
    private static final String S = StandardFlags.COMMAND;

    private MountConfigFlags() {}

    /** {@code -description}. */
    public static FlagSpec description(String usage) {
        return FlagSpec.of(S, "description", FlagType.STRING, null, usage);
    }

    /** {@code -default-lease-ttl}. */
    public static FlagSpec defaultLeaseTtl(String usage) {
        return FlagSpec.of(S, "default-lease-ttl", FlagType.DURATION, null, usage);
    }

    /** {@code -max-lease-ttl}. */
    public static FlagSpec maxLeaseTtl(String usage) {
        return FlagSpec.of(S, "max-lease-ttl", FlagType.DURATION, null, usage);
    }

    /** {@code -options} and {@code -version} (see {@link #options(ParsedArgs)}). */
    public static List<FlagSpec> optionsAndVersion(String versionUsage) {
        return List.of(
                FlagSpec.of(
                        S,
                        "options",
                        FlagType.STRING_MAP,
                        null,
                        "Key-value pair provided as key=value for the mount options. This can be specified"
                                + " multiple times."),
                FlagSpec.of(S, "version", FlagType.INT, 0L, versionUsage));
    }

    /** The audit key, listing visibility and header flags, sent only when given. */
    public static List<FlagSpec> configLists() {
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
                                + " values, specify this flag multiple times."));
    }

    /**
     * Adds the {@link #configLists()} flags that were given to {@code config} (vault sets these
     * only when they appear on the command line).
     */
    private static void addGivenConfig(ParsedArgs f, Map<String, Object> config) {
        putListIfSet(f, config, "audit-non-hmac-request-keys", "audit_non_hmac_request_keys");
        putListIfSet(f, config, "audit-non-hmac-response-keys", "audit_non_hmac_response_keys");
        if (f.isSet("listing-visibility")) {
            config.put("listing_visibility", f.string("listing-visibility"));
        }
        putListIfSet(f, config, "passthrough-request-headers", "passthrough_request_headers");
        putListIfSet(f, config, "allowed-response-headers", "allowed_response_headers");
    }

    /**
     * Adds what a tune request changes besides the TTLs to {@code config}: a given {@code
     * -description}, non-empty {@link #options(ParsedArgs)} and the given {@link #configLists()}
     * flags.
     */
    public static void addTuneConfig(ParsedArgs f, Map<String, Object> config) {
        if (f.isSet("description")) {
            config.put("description", f.string("description"));
        }
        Map<String, String> options = options(f);
        if (!options.isEmpty()) {
            config.put("options", options);
        }
        addGivenConfig(f, config);
    }

    /** {@code -options} plus {@code -version} as {@code options.version} (a string, as vault). */
    public static Map<String, String> options(ParsedArgs f) {
        Map<String, String> options = new LinkedHashMap<>(f.map("options"));
        long version = f.longValue("version");
        if (version > 0) {
            options.put("version", Long.toString(version));
        }
        return options;
    }

    /** A duration flag as Go's {@code Duration.String()} ({@code 0s} when not given). */
    public static String duration(ParsedArgs f, String name) {
        return Durations.format(f.duration(name));
    }

    /**
     * {@code -local}, {@code -seal-wrap} and {@code -external-entropy-access}, as {@link
     * #enableBody} reads them.
     */
    public static List<FlagSpec> enableSwitches(String localUsage, String externalEntropyUsage) {
        return List.of(
                FlagSpec.of(S, "local", FlagType.BOOL, Boolean.FALSE, localUsage),
                FlagSpec.of(
                        S,
                        "seal-wrap",
                        FlagType.BOOL,
                        Boolean.FALSE,
                        "Enable seal wrapping of critical values in the secrets engine."),
                FlagSpec.of(S, "external-entropy-access", FlagType.BOOL, Boolean.FALSE, externalEntropyUsage));
    }

    /**
     * The {@code config} object of an enable request: both lease TTLs (always sent), {@code
     * force_no_cache} and the given {@link #configLists()} flags.
     */
    public static Map<String, Object> enableConfig(ParsedArgs f, boolean forceNoCache) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("default_lease_ttl", duration(f, "default-lease-ttl"));
        config.put("max_lease_ttl", duration(f, "max-lease-ttl"));
        config.put("force_no_cache", forceNoCache);
        addGivenConfig(f, config);
        return config;
    }

    /**
     * The body of an enable request (vault's {@code MountInput}/{@code EnableAuthOptions}): the
     * type, {@code -description}, {@code config}, the {@code -local}, {@code -seal-wrap} and
     * {@code -external-entropy-access} flags, and the {@link #options(ParsedArgs)} (null when empty).
     */
    public static Map<String, Object> enableBody(ParsedArgs f, String type, Map<String, Object> config) {
        Map<String, String> options = options(f);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("description", f.string("description"));
        body.put("config", config);
        body.put("local", f.bool("local"));
        body.put("seal_wrap", f.bool("seal-wrap"));
        body.put("external_entropy_access", f.bool("external-entropy-access"));
        body.put("options", options.isEmpty() ? null : options);
        return body;
    }

    private static void putListIfSet(ParsedArgs f, Map<String, Object> config, String flag, String key) {
        if (f.isSet(flag)) {
            config.put(key, f.list(flag));
        }
    }
}

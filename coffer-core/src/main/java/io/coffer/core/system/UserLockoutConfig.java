package io.coffer.core.system;

import io.coffer.core.routing.MountEntry;
import io.coffer.sdk.framework.GoBool;
import io.coffer.sdk.framework.GoDuration;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Vault's {@code user_lockout_config} of {@code sys/auth/<path>/tune}, for userpass mounts:
 * {@code lockout_threshold}, {@code lockout_duration}, {@code lockout_counter_reset_duration}
 * (also accepted as {@code lockout_counter_reset}) and {@code lockout_disable} become the mount
 * options the userpass backend reads
 * ({@code lockout_threshold}, {@code lockout_duration}, {@code lockout_counter_reset},
 * {@code disable_lockout}; see {@code docs/storage-formats/userpass.md}), so they are stored
 * with the mount and checked when the backend is mounted again with them (a bad value is a 400
 * and changes nothing). The tune read shows them back as Vault's {@code user_lockout_*}, typed as
 * Vault types them: the threshold a number, the durations whole seconds, the switch a boolean.
 */
final class UserLockoutConfig {
    /** Vault's tune field → the userpass mount option. */
    private static final Map<String, String> OPTIONS = Map.of(
            "lockout_threshold", "lockout_threshold",
            "lockout_duration", "lockout_duration",
            "lockout_counter_reset_duration", "lockout_counter_reset",
            "lockout_counter_reset", "lockout_counter_reset",
            "lockout_disable", "disable_lockout");
    /** The userpass mount option → Vault's tune read field. */
    private static final Map<String, String> SHOWN = Map.of(
            "lockout_threshold", "user_lockout_threshold",
            "lockout_duration", "user_lockout_duration",
            "lockout_counter_reset", "user_lockout_counter_reset_duration",
            "disable_lockout", "user_lockout_disable");

    private UserLockoutConfig() {
    }

    /**
     * {@code options} with {@code config} merged in.
     *
     * @throws InvalidRequestException for a mount that has no user lockout, or an unknown key
     */
    static Map<String, String> applyTo(MountEntry mount, Map<String, String> options, Map<String, Object> config) {
        if (!MountEntry.TABLE_AUTH.equals(mount.table()) || !mount.type().equals("userpass")) {
            throw new InvalidRequestException("user lockout config is only supported by userpass auth mounts in Coffer");
        }
        Map<String, String> merged = options == null ? new LinkedHashMap<>() : new LinkedHashMap<>(options);
        for (Map.Entry<String, Object> e : config.entrySet()) {
            String option = OPTIONS.get(e.getKey());
            if (option == null) {
                throw new InvalidRequestException("unknown user_lockout_config key: " + e.getKey());
            }
            Object v = e.getValue();
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                throw new InvalidRequestException("user_lockout_config." + e.getKey() + " must be a string, number or boolean");
            }
            merged.put(option, String.valueOf(v));
        }
        return merged;
    }

    /** The {@code user_lockout_*} fields a tune read shows for {@code options} (unparsable values as stored). */
    static Map<String, Object> shown(Map<String, String> options) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (options != null) {
            SHOWN.forEach((option, field) -> {
                if (options.containsKey(option)) {
                    out.put(field, typed(option, options.get(option)));
                }
            });
        }
        return out;
    }

    private static Object typed(String option, String value) {
        try {
            return switch (option) {
                case "lockout_threshold" -> Long.parseLong(value.trim());
                case "disable_lockout" -> {
                    Boolean b = GoBool.parse(value.trim());
                    yield b == null ? value : b;
                }
                default -> GoDuration.parse(value.trim()).toSeconds();
            };
        } catch (RuntimeException e) {
            return value;
        }
    }
}

package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.framework.GoBool;
import io.coffer.sdk.framework.GoDuration;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of one userpass mount: the bcrypt cost of new password hashes and the user
 * lockout policy. Read from the mount's {@code options} by {@link #fromOptions(Map)} (every
 * option is optional; see {@code docs/storage-formats/userpass.md}), or built directly by
 * tests and embedders. Immutable.
 *
 * @param bcryptCost the bcrypt cost of new hashes, 4 to 31 (default 10, as Vault)
 * @param lockout    the user lockout policy
 */
public record UserpassSettings(int bcryptCost, LockoutPolicy lockout) {
    /** Mount option: bcrypt cost of new password hashes (integer). */
    public static final String BCRYPT_COST = "bcrypt_cost";
    /** Mount option: failed logins that lock a user out (integer). */
    public static final String LOCKOUT_THRESHOLD = "lockout_threshold";
    /** Mount option: how long a lockout lasts (Go duration or seconds). */
    public static final String LOCKOUT_DURATION = "lockout_duration";
    /** Mount option: quiet time after which the failure count restarts (Go duration or seconds). */
    public static final String LOCKOUT_COUNTER_RESET = "lockout_counter_reset";
    /** Mount option: {@code true} turns user lockout off for the mount. */
    public static final String DISABLE_LOCKOUT = "disable_lockout";

    /** Cost 10 and Vault's default lockout policy. */
    public static final UserpassSettings DEFAULT = new UserpassSettings(BcryptHasher.DEFAULT_COST, LockoutPolicy.DEFAULT);

    public UserpassSettings {
        Objects.requireNonNull(lockout, "lockout");
        if (bcryptCost < BcryptHasher.MIN_COST || bcryptCost > BcryptHasher.MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between " + BcryptHasher.MIN_COST
                    + " and " + BcryptHasher.MAX_COST);
        }
    }

    /**
     * The settings a mount's {@code options} give, defaults for those absent.
     *
     * @throws IllegalArgumentException naming the option (never echoing other values) when one
     *                                  cannot be parsed or is out of range
     */
    public static UserpassSettings fromOptions(Map<String, String> options) {
        LockoutPolicy d = LockoutPolicy.DEFAULT;
        int cost = integer(options, BCRYPT_COST, BcryptHasher.DEFAULT_COST);
        int threshold = integer(options, LOCKOUT_THRESHOLD, d.threshold());
        Duration duration = duration(options, LOCKOUT_DURATION, d.duration());
        Duration reset = duration(options, LOCKOUT_COUNTER_RESET, d.counterReset());
        boolean disabled = bool(options, DISABLE_LOCKOUT, d.disabled());
        try {
            return new UserpassSettings(cost, new LockoutPolicy(threshold, duration, reset, disabled));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid userpass mount options: " + e.getMessage(), e);
        }
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        String v = value(options, name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw invalid(name, "an integer");
        }
    }

    private static Duration duration(Map<String, String> options, String name, Duration fallback) {
        String v = value(options, name);
        if (v == null) {
            return fallback;
        }
        try {
            return GoDuration.parse(v);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "a duration");
        }
    }

    private static boolean bool(Map<String, String> options, String name, boolean fallback) {
        String v = value(options, name);
        if (v == null) {
            return fallback;
        }
        Boolean parsed = GoBool.parse(v);
        if (parsed == null) {
            throw invalid(name, "a boolean");
        }
        return parsed;
    }

    private static String value(Map<String, String> options, String name) {
        String v = options.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static IllegalArgumentException invalid(String name, String expected) {
        return new IllegalArgumentException("invalid userpass mount option \"" + name + "\": expected " + expected);
    }
}

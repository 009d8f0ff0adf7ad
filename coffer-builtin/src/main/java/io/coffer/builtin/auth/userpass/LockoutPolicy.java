package io.coffer.builtin.auth.userpass;

import java.time.Duration;
import java.util.Objects;

/**
 * Vault's user lockout settings for one mount: after {@code threshold} failed logins, each no
 * more than {@code counterReset} after the previous one, the user is refused for
 * {@code duration}, even with the right password. Immutable.
 *
 * @param threshold    failed logins that lock the user out, at least 1 (Vault: 5)
 * @param duration     how long a lockout lasts, positive (Vault: 15m)
 * @param counterReset how long after the last failure the count starts again from zero,
 *                     positive (Vault: 15m)
 * @param disabled     whether lockout is off for this mount: no counting, no refusal
 */
public record LockoutPolicy(int threshold, Duration duration, Duration counterReset, boolean disabled) {

    /** Vault's defaults: 5 failures, 15 minutes locked, counter reset after 15 minutes. */
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15), false);

    public LockoutPolicy {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(counterReset, "counterReset");
        if (threshold < 1) {
            throw new IllegalArgumentException("lockout threshold must be at least 1");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("lockout duration must be positive");
        }
        if (counterReset.isNegative() || counterReset.isZero()) {
            throw new IllegalArgumentException("lockout counter reset must be positive");
        }
    }
}

package io.coffer.builtin.auth.userpass;

import java.time.Instant;
import java.util.Objects;

/**
 * The failed-login state of one user: how many logins failed in a row and when the last one
 * did. Together with a {@link LockoutPolicy} it says whether the user is locked out, Vault's
 * way: the user is locked from the failure that reaches the threshold until
 * {@link LockoutPolicy#duration()} after it; a count that has not reached the threshold starts
 * again from zero once {@link LockoutPolicy#counterReset()} has passed since the last failure.
 * Intervals are half-open: a lockout that ends at {@code t} no longer applies at {@code t}.
 * Immutable.
 *
 * @param count       consecutive failed logins, at least 1
 * @param lastFailure when the last of them happened
 */
record FailedLogins(int count, Instant lastFailure) {

    FailedLogins {
        Objects.requireNonNull(lastFailure, "lastFailure");
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
    }

    /** Whether these failures lock the user out at {@code now}. */
    boolean lockedAt(LockoutPolicy policy, Instant now) {
        return count >= policy.threshold() && now.isBefore(lockedUntil(policy));
    }

    /** When a lockout caused by these failures ends. */
    Instant lockedUntil(LockoutPolicy policy) {
        return lastFailure.plus(policy.duration());
    }

    /**
     * Whether these failures still count at {@code now}: neither an ended lockout nor a count
     * past its reset time.
     */
    boolean liveAt(LockoutPolicy policy, Instant now) {
        if (count >= policy.threshold()) {
            return now.isBefore(lockedUntil(policy));
        }
        return now.isBefore(lastFailure.plus(policy.counterReset()));
    }

    /** The state after one more failure at {@code now}, given the previous state (or null). */
    static FailedLogins after(FailedLogins previous, LockoutPolicy policy, Instant now) {
        int before = previous != null && previous.liveAt(policy, now) ? previous.count : 0;
        return new FailedLogins(before == Integer.MAX_VALUE ? before : before + 1, now);
    }
}

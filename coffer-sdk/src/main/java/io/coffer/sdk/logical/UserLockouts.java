package io.coffer.sdk.logical;

import java.time.Instant;
import java.util.Map;

/**
 * Implemented by an auth method backend that locks users out after failed logins (Vault's
 * user lockout), so the core can serve {@code sys/locked-users} and its unlock endpoint
 * across mounts. The lockout state lives in the mount's own storage.
 */
public interface UserLockouts {

    /**
     * The users locked out right now on this mount, by alias identifier (the normalised user
     * name), with the time each lockout ends.
     */
    Map<String, Instant> lockedUsers(Storage storage);

    /** Lifts the lockout of {@code aliasIdentifier} (a no-op when it is not locked). */
    void unlock(Storage storage, String aliasIdentifier);
}

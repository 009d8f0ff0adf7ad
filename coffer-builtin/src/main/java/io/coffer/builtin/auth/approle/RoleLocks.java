package io.coffer.builtin.auth.approle;

import io.coffer.builtin.concurrent.StripedLocks;

import java.util.function.Supplier;

/**
 * The mutual exclusion of one AppRole mount. Everything that reads and then writes a role's
 * records — role writes and deletes, secret ID creation and destruction, and every login (which
 * may use up a secret ID) — runs under that role's lock, so concurrent logins can never use a
 * secret ID more often than its {@code num_uses}. Role locks are striped by name. Changes of a
 * role ID additionally take the single role-ID lock (always after the role's lock), which keeps
 * role IDs unique across roles.
 */
final class RoleLocks {
    private static final String ROLE_IDS = "role-ids";

    private final StripedLocks roles;
    private final StripedLocks roleIds = new StripedLocks(1);

    /** @param stripes the number of role locks; more stripes, fewer false conflicts */
    RoleLocks(int stripes) {
        this.roles = new StripedLocks(stripes);
    }

    /** Runs {@code action} holding role {@code name}'s lock and returns its result. */
    <T> T withRole(String name, Supplier<T> action) {
        return roles.locked(name, action);
    }

    /** Runs {@code action} holding the role-ID lock; call only while holding a role's lock. */
    <T> T withRoleIds(Supplier<T> action) {
        return roleIds.locked(ROLE_IDS, action);
    }
}

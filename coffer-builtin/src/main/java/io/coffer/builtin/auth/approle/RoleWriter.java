package io.coffer.builtin.auth.approle;

import io.coffer.sdk.logical.exception.InvalidRequestException;

/**
 * Persists roles with their role-ID index, keeping role IDs unique across the mount's roles:
 * the check and the write run under the role-ID lock, so two roles can never claim one role ID.
 * Callers hold the role's own lock.
 */
final class RoleWriter {
    private final AppRoleContext ctx;

    RoleWriter(AppRoleContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Stores {@code next}, replacing {@code previous} (null when the role is new) and moving the
     * role-ID index when the role ID changed.
     *
     * @throws InvalidRequestException when the role ID is empty, too long, or already another role's
     */
    void save(AppRoleStore store, RoleEntry next, RoleEntry previous) {
        if (next.roleId().isEmpty()) {
            throw new InvalidRequestException("invalid role_id supplied, or failed to generate a role_id");
        }
        if (RoleFields.tooLong(next.roleId())) {
            throw new InvalidRequestException("role_id is longer than maximum of " + RoleFields.MAX_INPUT_BYTES + " bytes");
        }
        Hasher hasher = ctx.hasher(store);
        String idHmac = hasher.hmac(Hasher.Label.ROLE_ID, next.roleId());
        String previousHmac = previous == null ? null : hasher.hmac(Hasher.Label.ROLE_ID, previous.roleId());
        ctx.locks().withRoleIds(() -> {
            String owner = store.roleNameByRoleId(idHmac);
            if (owner != null && !owner.equals(next.name())) {
                throw new InvalidRequestException("role_id already in use");
            }
            store.putRole(next, idHmac, previousHmac);
            return null;
        });
    }

    /** Deletes role {@code role} with its role-ID index, secret IDs and accessors. */
    void delete(AppRoleStore store, RoleEntry role) {
        Hasher hasher = ctx.hasher(store);
        String idHmac = hasher.hmac(Hasher.Label.ROLE_ID, role.roleId());
        ctx.locks().withRoleIds(() -> {
            store.deleteRole(role.name(), idHmac, hasher);
            return null;
        });
    }
}

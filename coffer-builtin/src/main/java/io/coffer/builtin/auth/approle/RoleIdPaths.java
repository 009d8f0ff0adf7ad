package io.coffer.builtin.auth.approle;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.util.List;
import java.util.Map;

/**
 * {@code role/<name>/role-id}: reads a role's role ID (what Spring Vault's pull mode fetches) or
 * sets a custom one, which must not be any other role's.
 */
final class RoleIdPaths {
    private final AppRoleContext ctx;
    private final RoleWriter writer;

    RoleIdPaths(AppRoleContext ctx, RoleWriter writer) {
        this.ctx = ctx;
        this.writer = writer;
    }

    List<Path> paths() {
        return List.of(RoleFields.declareName(Path.builder("role/" + RoleFields.NAME_PATTERN + "/role-id"))
                .field(RoleFields.ROLE_ID, FieldType.STRING, "The new role ID.")
                .operation(Operation.READ, this::read)
                .write(this::write)
                .synopsis("Reads or sets the role ID of a role.")
                .build());
    }

    private Response read(Request request, FieldData data) {
        RoleEntry role = ctx.store(request).role(RoleFields.name(data));
        if (role == null) {
            throw new NotFoundException();
        }
        return Response.of(Map.of(RoleFields.ROLE_ID, role.roleId()));
    }

    private Response write(Request request, FieldData data) {
        String name = RoleFields.name(data);
        String roleId = data.getString(RoleFields.ROLE_ID);
        if (roleId.isEmpty()) {
            throw new InvalidRequestException("missing role_id");
        }
        AppRoleStore store = ctx.store(request);
        return ctx.locks().withRole(name, () -> {
            RoleEntry role = store.role(name);
            if (role == null) {
                throw new NotFoundException("role does not exist");
            }
            writer.save(store, role.withRoleId(roleId), role);
            return Response.noContent();
        });
    }
}

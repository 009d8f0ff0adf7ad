package io.coffer.builtin.auth.approle;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.util.List;

/**
 * {@code role/} (list) and {@code role/<name>} (create, update, read, delete) of an AppRole
 * mount. A write creates the role when it does not exist (with a fresh UUID role ID unless
 * {@code role_id} is given) and otherwise changes only the fields given. Deleting a role deletes
 * its role-ID index and every secret ID issued against it.
 */
final class RolePaths {
    private final AppRoleContext ctx;
    private final RoleWriter writer;

    RolePaths(AppRoleContext ctx, RoleWriter writer) {
        this.ctx = ctx;
        this.writer = writer;
    }

    List<Path> paths() {
        return List.of(
                Path.builder("role/?")
                        .operation(Operation.LIST, this::list)
                        .synopsis("Lists the roles of the AppRole method.")
                        .build(),
                RoleFields.declare(Path.builder("role/" + RoleFields.NAME_PATTERN))
                        .operation(Operation.READ, this::read)
                        .write(this::write)
                        .operation(Operation.DELETE, this::delete)
                        .existenceCheck((request, data) -> ctx.store(request).roleExists(RoleFields.name(data)))
                        .synopsis("Registers, reads or deletes a role.")
                        .build());
    }

    private Response list(Request request, FieldData data) {
        return Response.ofKeys(ctx.store(request).roleNames());
    }

    private Response read(Request request, FieldData data) {
        RoleEntry role = ctx.store(request).role(RoleFields.name(data));
        if (role == null) {
            throw new NotFoundException();
        }
        return Response.of(RoleView.render(role));
    }

    private Response write(Request request, FieldData data) {
        data.validate();
        String name = RoleFields.name(data);
        AppRoleStore store = ctx.store(request);
        return ctx.locks().withRole(name, () -> {
            RoleEntry current = store.role(name);
            boolean creating = current == null;
            RoleEntry next = RoleFields.apply(creating ? RoleEntry.defaults(name) : current, creating, data);
            if (data.has(RoleFields.ROLE_ID)) {
                next = next.withRoleId(data.getString(RoleFields.ROLE_ID));
            } else if (creating) {
                next = next.withRoleId(ctx.newUuid());
            }
            writer.save(store, next, current);
            return Response.noContent();
        });
    }

    private Response delete(Request request, FieldData data) {
        String name = RoleFields.name(data);
        AppRoleStore store = ctx.store(request);
        return ctx.locks().withRole(name, () -> {
            RoleEntry role = store.role(name);
            if (role != null) {
                writer.delete(store, role);
            }
            return Response.noContent();
        });
    }
}

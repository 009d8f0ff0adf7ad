package io.coffer.builtin.auth.approle;

import io.coffer.crypto.ConstantTime;
import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.util.List;

/**
 * Looks up and destroys one secret ID of a role, by the secret ID itself
 * ({@code role/<name>/secret-id/lookup|destroy}) or by its accessor
 * ({@code role/<name>/secret-id-accessor/lookup|destroy}). An expired secret ID counts as gone.
 * As in Vault, an unknown secret ID looks up as 204 and destroys as 204, while an unknown
 * accessor is a 404 naming the field (never the value).
 */
final class SecretIdLookupPaths {
    static final String ACCESSOR = "secret_id_accessor";
    private static final String NO_ACCESSOR = "failed to find accessor entry for secret_id_accessor";

    private final AppRoleContext ctx;

    SecretIdLookupPaths(AppRoleContext ctx) {
        this.ctx = ctx;
    }

    List<Path> paths() {
        String role = "role/" + RoleFields.NAME_PATTERN;
        return List.of(
                bySecretId(role + "/secret-id/lookup/?").write(this::lookup)
                        .synopsis("Reads the properties of a secret ID.").build(),
                bySecretId(role + "/secret-id/destroy/?").write(this::destroy).operation(Operation.DELETE, this::destroy)
                        .synopsis("Destroys a secret ID.").build(),
                byAccessor(role + "/secret-id-accessor/lookup/?").write(this::lookupByAccessor)
                        .synopsis("Reads the properties of a secret ID by its accessor.").build(),
                byAccessor(role + "/secret-id-accessor/destroy/?").write(this::destroyByAccessor)
                        .operation(Operation.DELETE, this::destroyByAccessor)
                        .synopsis("Destroys a secret ID by its accessor.").build());
    }

    private static Path.Builder bySecretId(String pattern) {
        return RoleFields.declareName(Path.builder(pattern))
                .field(SecretIdIssuer.SECRET_ID, FieldType.STRING, "The secret ID.");
    }

    private static Path.Builder byAccessor(String pattern) {
        return RoleFields.declareName(Path.builder(pattern))
                .field(ACCESSOR, FieldType.STRING, "The accessor of the secret ID.");
    }

    private Response lookup(Request request, FieldData data) {
        String name = RoleFields.name(data);
        String secretId = required(data, SecretIdIssuer.SECRET_ID);
        AppRoleStore store = ctx.store(request);
        return ctx.locks().withRole(name, () -> {
            requireRole(store, name);
            SecretIdEntry entry = bySecretId(store, name, secretId, false);
            return entry == null ? Response.noContent() : Response.of(SecretIdView.render(entry));
        });
    }

    private Response destroy(Request request, FieldData data) {
        String name = RoleFields.name(data);
        String secretId = required(data, SecretIdIssuer.SECRET_ID);
        AppRoleStore store = ctx.store(request);
        return ctx.locks().withRole(name, () -> {
            SecretIdEntry entry = store.roleExists(name) ? bySecretId(store, name, secretId, true) : null;
            if (entry != null) {
                delete(store, entry);
            }
            return Response.noContent();
        });
    }

    private Response lookupByAccessor(Request request, FieldData data) {
        String name = RoleFields.name(data);
        String accessor = required(data, ACCESSOR);
        AppRoleStore store = ctx.store(request);
        return ctx.locks().withRole(name, () -> {
            requireRole(store, name);
            return Response.of(SecretIdView.render(byAccessor(store, name, accessor, false)));
        });
    }

    private Response destroyByAccessor(Request request, FieldData data) {
        String name = RoleFields.name(data);
        String accessor = required(data, ACCESSOR);
        AppRoleStore store = ctx.store(request);
        return ctx.locks().withRole(name, () -> {
            requireRole(store, name);
            delete(store, byAccessor(store, name, accessor, true));
            return Response.noContent();
        });
    }

    /** The secret ID {@code secretId} of role {@code name} (live unless {@code orExpired}), or {@code null}. */
    private SecretIdEntry bySecretId(AppRoleStore store, String name, String secretId, boolean orExpired) {
        Hasher hasher = ctx.existingHasher(store);
        if (hasher == null || RoleFields.tooLong(secretId)) {
            return null;
        }
        String hmac = hasher.hmac(Hasher.Label.SECRET_ID, secretId);
        SecretIdEntry entry = store.secretId(name, hmac);
        if (entry == null || !ConstantTime.equals(entry.secretIdHmac(), hmac) || !orExpired && entry.expiredAt(ctx.now())) {
            return null;
        }
        return entry;
    }

    /** The secret ID of role {@code name} with accessor {@code accessor} (live unless {@code orExpired}); 404 when none. */
    private SecretIdEntry byAccessor(AppRoleStore store, String name, String accessor, boolean orExpired) {
        Hasher hasher = ctx.existingHasher(store);
        AccessorEntry index = hasher == null ? null : store.accessor(hasher.hmac(Hasher.Label.ACCESSOR, accessor));
        SecretIdEntry entry = index == null || !index.roleName().equals(name) ? null : store.secretId(name, index.secretIdHmac());
        if (entry == null || !entry.accessor().equals(accessor) || !orExpired && entry.expiredAt(ctx.now())) {
            throw new NotFoundException(NO_ACCESSOR);
        }
        return entry;
    }

    private void delete(AppRoleStore store, SecretIdEntry entry) {
        store.deleteSecretId(entry, ctx.hasher(store).hmac(Hasher.Label.ACCESSOR, entry.accessor()));
    }

    private static void requireRole(AppRoleStore store, String name) {
        if (!store.roleExists(name)) {
            throw new NotFoundException("role does not exist");
        }
    }

    private static String required(FieldData data, String field) {
        String value = data.getString(field);
        if (value.isEmpty()) {
            throw new InvalidRequestException("missing " + field);
        }
        return value;
    }
}

package io.coffer.builtin.auth.approle;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;

import java.time.Instant;
import java.util.List;

/**
 * {@code tidy/secret-id}: removes expired secret IDs with their accessors, secret IDs left behind
 * by a role that no longer exists, and accessor index records whose secret ID is gone. Runs to
 * completion within the request (one role lock at a time) and answers Vault's 202 with a warning
 * saying what it removed. Expired secret IDs already fail every login and lookup, so tidying is
 * housekeeping only.
 */
final class TidyPaths {
    private final AppRoleContext ctx;

    TidyPaths(AppRoleContext ctx) {
        this.ctx = ctx;
    }

    List<Path> paths() {
        return List.of(Path.builder("tidy/secret-id")
                .write(this::tidy)
                .synopsis("Removes expired secret IDs and dangling accessor records.")
                .build());
    }

    private Response tidy(Request request, FieldData data) {
        AppRoleStore store = ctx.store(request);
        Hasher hasher = ctx.existingHasher(store);
        int secretIds = 0;
        int accessors = 0;
        if (hasher != null) {
            for (String folder : store.storage().list(AppRoleLayout.SECRET_ID_PREFIX)) {
                if (folder.endsWith("/")) {
                    String name = folder.substring(0, folder.length() - 1);
                    secretIds += ctx.locks().withRole(name, () -> tidyRole(store, hasher, name));
                }
            }
            for (String accessorHmac : store.accessorHmacs()) {
                AccessorEntry index = store.accessor(accessorHmac);
                if (index != null) {
                    accessors += ctx.locks().withRole(index.roleName(), () -> tidyAccessor(store, accessorHmac, index));
                }
            }
        }
        return Response.noContent()
                .withWarning("Tidy operation completed: removed " + secretIds + " secret IDs and "
                        + accessors + " dangling accessor records.")
                .withStatus(202);
    }

    private int tidyRole(AppRoleStore store, Hasher hasher, String name) {
        boolean roleExists = store.roleExists(name);
        Instant now = ctx.now();
        int removed = 0;
        for (String hmac : store.secretIdHmacs(name)) {
            SecretIdEntry entry = store.secretId(name, hmac);
            if (entry != null && (!roleExists || entry.expiredAt(now))) {
                store.deleteSecretId(entry, hasher.hmac(Hasher.Label.ACCESSOR, entry.accessor()));
                removed++;
            }
        }
        return removed;
    }

    private static int tidyAccessor(AppRoleStore store, String accessorHmac, AccessorEntry index) {
        if (store.secretId(index.roleName(), index.secretIdHmac()) != null) {
            return 0;
        }
        store.deleteAccessor(accessorHmac);
        return 1;
    }
}

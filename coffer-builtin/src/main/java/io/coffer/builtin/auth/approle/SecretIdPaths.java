package io.coffer.builtin.auth.approle;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code role/<name>/secret-id} (generate a secret ID — Spring Vault's pull mode — or list the
 * accessors of the live ones) and {@code role/<name>/custom-secret-id} (register a secret ID the
 * caller chose, Vault's push mode). Expired secret IDs are not listed.
 */
final class SecretIdPaths {
    private final AppRoleContext ctx;
    private final SecretIdIssuer issuer;

    SecretIdPaths(AppRoleContext ctx, SecretIdIssuer issuer) {
        this.ctx = ctx;
        this.issuer = issuer;
    }

    List<Path> paths() {
        return List.of(
                declareProperties(Path.builder("role/" + RoleFields.NAME_PATTERN + "/secret-id/?"))
                        .write((request, data) -> issuer.issue(ctx.store(request), data, null))
                        .operation(Operation.LIST, this::list)
                        .synopsis("Generates a secret ID against the role, or lists the accessors of its secret IDs.")
                        .build(),
                declareProperties(Path.builder("role/" + RoleFields.NAME_PATTERN + "/custom-secret-id"))
                        .field(SecretIdIssuer.SECRET_ID, FieldType.STRING, "The secret ID to register.")
                        .write((request, data) -> issuer.issue(ctx.store(request), data,
                                data.getString(SecretIdIssuer.SECRET_ID)))
                        .synopsis("Registers a secret ID of the caller's choice against the role.")
                        .build());
    }

    private static Path.Builder declareProperties(Path.Builder b) {
        return RoleFields.declareName(b)
                .field(SecretIdIssuer.METADATA, FieldType.STRING, "JSON object of strings tied to the secret ID and its tokens.")
                .field(SecretIdIssuer.CIDR_LIST, FieldType.COMMA_STRING_SLICE, "Networks the secret ID may be used from.")
                .field(SecretIdIssuer.TOKEN_BOUND_CIDRS, FieldType.COMMA_STRING_SLICE, "Networks its tokens are bound to.")
                .field(SecretIdIssuer.NUM_USES, FieldType.INT, "Uses of the secret ID; at most the role's.")
                .field(SecretIdIssuer.TTL, FieldType.DURATION, "Lifetime of the secret ID; at most the role's.");
    }

    private Response list(Request request, FieldData data) {
        String name = RoleFields.name(data);
        AppRoleStore store = ctx.store(request);
        if (!store.roleExists(name)) {
            throw new NotFoundException("role does not exist");
        }
        List<String> accessors = new ArrayList<>();
        for (String hmac : store.secretIdHmacs(name)) {
            SecretIdEntry entry = store.secretId(name, hmac);
            if (entry != null && !entry.expiredAt(ctx.now())) {
                accessors.add(entry.accessor());
            }
        }
        return Response.ofKeys(accessors);
    }
}

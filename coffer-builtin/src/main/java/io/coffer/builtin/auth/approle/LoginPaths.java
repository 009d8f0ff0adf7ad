package io.coffer.builtin.auth.approle;

import io.coffer.crypto.ConstantTime;
import io.coffer.sdk.framework.Cidrs;
import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.LoginResult;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.TokenParams;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code login}: trades a role ID (and, when the role binds them, a secret ID) for a token.
 * Checks, in order: the role ID (through its HMAC index, then compared in constant time with the
 * role's), the secret ID (by HMAC, compared in constant time), its expiry, its
 * {@code cidr_list}, the role's {@code secret_id_bound_cidrs}; only then is a use of the secret ID
 * consumed (deleting it on its last use). Everything runs under the role's lock, so concurrent
 * logins never use a secret ID more than {@code num_uses} times. Unknown, wrong, expired and
 * used-up credentials all fail alike with Vault's {@code invalid role or secret ID}; no message
 * ever holds a credential or the caller's address.
 *
 * <p>On success the response is {@link Response#ofLogin}: alias name = the role ID, metadata =
 * the secret ID's metadata plus {@code role_name}, the role's token settings with the secret ID's
 * {@code token_bound_cidrs} in place of the role's when set.
 */
final class LoginPaths {
    static final String ROLE_ID = "role_id";
    static final String INVALID = "invalid role or secret ID";
    static final String SECRET_ID_CIDR = "source address unauthorized through CIDR restrictions on the secret ID";
    static final String ROLE_CIDR = "source address unauthorized by CIDR restrictions on the role";

    private final AppRoleContext ctx;

    LoginPaths(AppRoleContext ctx) {
        this.ctx = ctx;
    }

    List<Path> paths() {
        return List.of(Path.builder("login")
                .field(ROLE_ID, FieldType.STRING, "The role ID of the role.")
                .field(SecretIdIssuer.SECRET_ID, FieldType.STRING, "A secret ID of the role (when it binds secret IDs).")
                .write(this::login)
                .synopsis("Issues a token for a role ID and secret ID.")
                .build());
    }

    private Response login(Request request, FieldData data) {
        String roleId = data.getString(ROLE_ID).trim();
        if (roleId.isEmpty()) {
            throw new InvalidRequestException("missing role_id");
        }
        AppRoleStore store = ctx.store(request);
        Hasher hasher = ctx.existingHasher(store);
        if (hasher == null || RoleFields.tooLong(roleId)) {
            throw new InvalidRequestException(INVALID);
        }
        String name = store.roleNameByRoleId(hasher.hmac(Hasher.Label.ROLE_ID, roleId));
        if (name == null) {
            throw new InvalidRequestException(INVALID);
        }
        return ctx.locks().withRole(name, () -> loginLocked(request, data, store, hasher, name, roleId));
    }

    private Response loginLocked(Request request, FieldData data, AppRoleStore store, Hasher hasher, String name, String roleId) {
        RoleEntry role = store.role(name);
        if (role == null || !ConstantTime.equals(role.roleId(), roleId)) {
            throw new InvalidRequestException(INVALID);
        }
        String address = request.remoteAddress();
        SecretIdEntry secret = role.bindSecretId() ? checkedSecretId(data, store, hasher, role, address) : null;
        if (!Cidrs.allows(role.secretIdBoundCidrs(), address)) {
            throw new InvalidRequestException(ROLE_CIDR);
        }
        TokenParams token = role.token();
        Map<String, String> metadata = new LinkedHashMap<>();
        if (secret != null) {
            token = withSecretIdTokenCidrs(token, secret);
            metadata.putAll(secret.metadata());
            consumeUse(store, hasher, secret);
        }
        metadata.put("role_name", role.name());
        return Response.ofLogin(new LoginResult(roleId, metadata, "", metadata, token));
    }

    /** The role's secret ID presented in {@code data}, after every check but use counting. */
    private SecretIdEntry checkedSecretId(FieldData data, AppRoleStore store, Hasher hasher, RoleEntry role, String address) {
        String secretId = data.getString(SecretIdIssuer.SECRET_ID).trim();
        if (secretId.isEmpty()) {
            throw new InvalidRequestException("missing secret_id");
        }
        if (RoleFields.tooLong(secretId)) {
            throw new InvalidRequestException(INVALID);
        }
        String hmac = hasher.hmac(Hasher.Label.SECRET_ID, secretId);
        SecretIdEntry entry = store.secretId(role.name(), hmac);
        if (entry == null || !ConstantTime.equals(entry.secretIdHmac(), hmac)) {
            throw new InvalidRequestException(INVALID);
        }
        Instant now = ctx.now();
        if (entry.expiredAt(now)) {
            store.deleteSecretId(entry, hasher.hmac(Hasher.Label.ACCESSOR, entry.accessor()));
            throw new InvalidRequestException(INVALID);
        }
        if (!entry.cidrList().isEmpty()
                && (!CidrBlocks.isSubset(entry.cidrList(), role.secretIdBoundCidrs()) || !Cidrs.allows(entry.cidrList(), address))) {
            throw new InvalidRequestException(SECRET_ID_CIDR);
        }
        return entry;
    }

    /**
     * The role's token settings, with the secret ID's {@code token_bound_cidrs} when it has any;
     * they must still lie inside the role's (which may have narrowed since the secret ID was made).
     */
    private static TokenParams withSecretIdTokenCidrs(TokenParams t, SecretIdEntry secret) {
        if (secret.tokenBoundCidrs().isEmpty()) {
            return t;
        }
        if (!CidrBlocks.isSubset(secret.tokenBoundCidrs(), t.boundCidrs())) {
            throw new InvalidRequestException("token_bound_cidrs of the secret ID are not a subset of the role's");
        }
        return new TokenParams(t.policies(), t.ttl(), t.maxTtl(), t.explicitMaxTtl(), t.period(), t.numUses(),
                secret.tokenBoundCidrs(), t.type(), t.noDefaultPolicy());
    }

    private void consumeUse(AppRoleStore store, Hasher hasher, SecretIdEntry secret) {
        if (secret.numUses() == 0) {
            return;
        }
        if (secret.numUses() == 1) {
            store.deleteSecretId(secret, hasher.hmac(Hasher.Label.ACCESSOR, secret.accessor()));
        } else {
            store.updateSecretId(secret.usedAt(ctx.now()));
        }
    }
}

package io.coffer.builtin.auth.approle;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issues secret IDs against a role, generated ({@code secret-id}) or supplied
 * ({@code custom-secret-id}), with Vault's rules: the role must bind secret IDs; {@code cidr_list}
 * and {@code token_bound_cidrs} must be valid and inside the role's; {@code num_uses} and
 * {@code ttl} default to the role's and may only tighten them. Only the secret ID's HMAC is
 * stored, with a fresh accessor; the secret ID itself appears once, in the response.
 */
final class SecretIdIssuer {
    static final String SECRET_ID = "secret_id";
    static final String METADATA = "metadata";
    static final String CIDR_LIST = "cidr_list";
    static final String TOKEN_BOUND_CIDRS = "token_bound_cidrs";
    static final String NUM_USES = "num_uses";
    static final String TTL = "ttl";
    /** Fresh accessors tried before giving up; a UUID clash is already astronomically unlikely. */
    private static final int ACCESSOR_ATTEMPTS = 4;

    private final AppRoleContext ctx;
    private final SecretIdMetadata metadataParser = new SecretIdMetadata();

    SecretIdIssuer(AppRoleContext ctx) {
        this.ctx = ctx;
    }

    /** The requested properties of a new secret ID, validated on their own. */
    private record Requested(List<String> cidrs, List<String> tokenCidrs, Integer numUses, Long ttl,
                             Map<String, String> metadata) {
    }

    /**
     * Issues a secret ID for the role named in {@code d}: {@code custom} when given, else a new UUID.
     *
     * @throws InvalidRequestException for invalid input or a role that does not bind secret IDs
     * @throws NotFoundException       when the role does not exist
     */
    Response issue(AppRoleStore store, FieldData d, String custom) {
        String name = RoleFields.name(d);
        if (custom != null) {
            if (custom.isEmpty()) {
                throw new InvalidRequestException("missing secret_id");
            }
            if (RoleFields.tooLong(custom)) {
                throw new InvalidRequestException("secret_id is longer than maximum of " + RoleFields.MAX_INPUT_BYTES + " bytes");
            }
        }
        Requested requested = requested(d);
        return ctx.locks().withRole(name, () -> {
            RoleEntry role = store.role(name);
            if (role == null) {
                throw new NotFoundException("role does not exist");
            }
            if (!role.bindSecretId()) {
                throw new InvalidRequestException("bind_secret_id is not set on the role");
            }
            if (!CidrBlocks.isSubset(requested.cidrs(), role.secretIdBoundCidrs())) {
                throw new InvalidRequestException(
                        "failed to verify subset relationship between CIDR blocks on the role and CIDR blocks on the secret ID");
            }
            if (!CidrBlocks.isSubset(requested.tokenCidrs(), role.token().boundCidrs())) {
                throw new InvalidRequestException(
                        "failed to verify subset relationship between token CIDR blocks on the role and on the secret ID");
            }
            int uses = numUses(requested.numUses(), role.secretIdNumUses());
            long ttl = ttl(requested.ttl(), role.secretIdTtl());
            String secretId = custom != null ? custom : ctx.newUuid();
            return store(store, role, secretId, uses, ttl, requested);
        });
    }

    private Requested requested(FieldData d) {
        List<String> cidrs = d.getStringList(CIDR_LIST);
        if (!CidrBlocks.allValid(cidrs)) {
            throw new InvalidRequestException("failed to validate CIDR blocks");
        }
        List<String> tokenCidrs = d.getStringList(TOKEN_BOUND_CIDRS);
        if (!CidrBlocks.allValid(tokenCidrs)) {
            throw new InvalidRequestException("failed to validate token CIDR blocks");
        }
        Integer numUses = d.has(NUM_USES) ? d.getInt(NUM_USES) : null;
        if (numUses != null && numUses < 0) {
            throw new InvalidRequestException("num_uses cannot be negative");
        }
        Long ttl = d.has(TTL) ? d.getDuration(TTL).getSeconds() : null;
        if (ttl != null && (ttl < 0 || d.getDuration(TTL).isNegative())) {
            throw new InvalidRequestException("ttl cannot be negative");
        }
        return new Requested(cidrs, tokenCidrs, numUses, ttl, metadataParser.parse(d.raw().get(METADATA)));
    }

    private static int numUses(Integer requested, int roleDefault) {
        if (requested == null) {
            return roleDefault;
        }
        if (roleDefault > 0 && (requested == 0 || requested > roleDefault)) {
            throw new InvalidRequestException("num_uses cannot be higher than the role's secret_id_num_uses");
        }
        return requested;
    }

    private static long ttl(Long requested, long roleDefault) {
        if (requested == null) {
            return roleDefault;
        }
        if (roleDefault > 0 && (requested == 0 || requested > roleDefault)) {
            throw new InvalidRequestException("ttl cannot be longer than the role's secret_id_ttl");
        }
        return requested;
    }

    private Response store(AppRoleStore store, RoleEntry role, String secretId, int uses, long ttl, Requested requested) {
        Hasher hasher = ctx.hasher(store);
        String secretIdHmac = hasher.hmac(Hasher.Label.SECRET_ID, secretId);
        Instant now = ctx.now();
        SecretIdEntry existing = store.secretId(role.name(), secretIdHmac);
        if (existing != null) {
            if (!existing.expiredAt(now)) {
                throw new InvalidRequestException("SecretID is already registered");
            }
            store.deleteSecretId(existing, hasher.hmac(Hasher.Label.ACCESSOR, existing.accessor()));
        }
        String accessor = null;
        String accessorHmac = null;
        for (int i = 0; i < ACCESSOR_ATTEMPTS && accessor == null; i++) {
            String candidate = ctx.newUuid();
            String candidateHmac = hasher.hmac(Hasher.Label.ACCESSOR, candidate);
            if (store.accessor(candidateHmac) == null) {
                accessor = candidate;
                accessorHmac = candidateHmac;
            }
        }
        if (accessor == null) {
            throw new InternalException("failed to generate a unique secret_id_accessor");
        }
        Instant expires = ttl > 0 ? now.plusSeconds(ttl) : null;
        SecretIdEntry entry = new SecretIdEntry(secretIdHmac, accessor, role.name(), uses, ttl, now, expires, now,
                requested.metadata(), requested.cidrs(), requested.tokenCidrs());
        store.createSecretId(entry, accessorHmac);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(SECRET_ID, secretId);
        data.put("secret_id_accessor", accessor);
        data.put("secret_id_ttl", ttl);
        data.put("secret_id_num_uses", uses);
        return Response.of(data);
    }
}

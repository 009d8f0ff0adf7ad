package io.coffer.builtin.auth.approle;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldSchema;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.framework.TokenFields;
import io.coffer.sdk.logical.TokenParams;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings fields of an AppRole role ({@code bind_secret_id}, {@code secret_id_*},
 * {@code local_secret_ids}, {@code role_id} and Vault's {@code token_*} fields with their legacy
 * aliases): declares them on a path and applies the ones present in a request to a role, with
 * Vault's validation. A field absent from the request keeps its current value. Stateless.
 */
final class RoleFields {
    static final String ROLE_NAME = "role_name";
    static final String ROLE_ID = "role_id";
    static final String BIND_SECRET_ID = "bind_secret_id";
    static final String SECRET_ID_BOUND_CIDRS = "secret_id_bound_cidrs";
    static final String BOUND_CIDR_LIST = "bound_cidr_list";
    static final String SECRET_ID_NUM_USES = "secret_id_num_uses";
    static final String SECRET_ID_TTL = "secret_id_ttl";
    static final String LOCAL_SECRET_IDS = "local_secret_ids";
    /** Vault's bound on role names, role IDs and secret IDs (the HMAC input limit), in bytes. */
    static final int MAX_INPUT_BYTES = 4096;
    /** The role name capture: Vault's {@code GenericNameRegex} (letters, digits, {@code _ - .}). */
    static final String NAME_PATTERN = "{" + ROLE_NAME + ":\\w(?:[\\w.-]*\\w)?}";

    private RoleFields() {
    }

    /** Declares the role name capture only. */
    static Path.Builder declareName(Path.Builder path) {
        return path.field(ROLE_NAME, FieldType.LOWERCASE_STRING, "Name of the role (lower-cased).");
    }

    /** Declares the role name and every settings field. */
    static Path.Builder declare(Path.Builder path) {
        declareName(path)
                .field(ROLE_ID, FieldType.STRING, "Identifier of the role; a UUID when not given at creation.")
                .field(BIND_SECRET_ID, FieldType.BOOL, "Require a secret ID at login (default true).")
                .field(SECRET_ID_BOUND_CIDRS, FieldType.COMMA_STRING_SLICE, "Networks logins may come from.")
                .field(BOUND_CIDR_LIST, FieldType.COMMA_STRING_SLICE, "Deprecated alias of secret_id_bound_cidrs.")
                .field(SECRET_ID_NUM_USES, FieldType.INT, "Uses of each new secret ID; 0 for unlimited.")
                .field(SECRET_ID_TTL, FieldType.DURATION, "Lifetime of each new secret ID; 0 for none.")
                .field(LOCAL_SECRET_IDS, FieldType.BOOL, "Keep the secret IDs cluster-local; set at creation only.");
        return TokenFields.declare(path);
    }

    /** The schema {@link #declare} builds, for decoding field subsets outside a path. */
    static Map<String, FieldSchema> schema() {
        return declare(Path.builder("role")).build().fields();
    }

    /**
     * The captured role name.
     *
     * @throws InvalidRequestException when it is empty or longer than {@value #MAX_INPUT_BYTES} bytes
     */
    static String name(FieldData d) {
        String name = d.getString(ROLE_NAME);
        if (name.isEmpty()) {
            throw new InvalidRequestException("missing role_name");
        }
        if (tooLong(name)) {
            throw new InvalidRequestException("role_name is longer than maximum of " + MAX_INPUT_BYTES + " bytes");
        }
        return name;
    }

    /** Whether {@code value} exceeds {@value #MAX_INPUT_BYTES} bytes of UTF-8. */
    static boolean tooLong(String value) {
        return value.length() > MAX_INPUT_BYTES || value.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES;
    }

    /**
     * The role after applying the settings present in {@code d} to {@code current} (the role ID
     * is left alone). {@code creating} allows setting {@code local_secret_ids}.
     *
     * @throws InvalidRequestException for a wrong type, a negative value, an invalid CIDR, a
     *                                 change of {@code local_secret_ids}, or a role left without
     *                                 any login constraint
     */
    static RoleEntry apply(RoleEntry current, boolean creating, FieldData d) {
        TokenParams token = lowerCasePolicies(TokenFields.read(d, current.token()));
        boolean legacyPolicies = d.has("token_policies") ? false : d.has("policies") || current.legacyPolicies();
        boolean legacyPeriod = d.has("token_period") ? false : d.has("period") || current.legacyPeriod();
        boolean bind = d.has(BIND_SECRET_ID) ? d.getBool(BIND_SECRET_ID) : current.bindSecretId();
        List<String> cidrs = d.has(SECRET_ID_BOUND_CIDRS) ? d.getStringList(SECRET_ID_BOUND_CIDRS)
                : d.has(BOUND_CIDR_LIST) ? d.getStringList(BOUND_CIDR_LIST) : current.secretIdBoundCidrs();
        if (!CidrBlocks.allValid(cidrs)) {
            throw new InvalidRequestException("invalid CIDR blocks");
        }
        int uses = d.has(SECRET_ID_NUM_USES) ? d.getInt(SECRET_ID_NUM_USES) : current.secretIdNumUses();
        if (uses < 0) {
            throw new InvalidRequestException("secret_id_num_uses cannot be negative");
        }
        long ttl = d.has(SECRET_ID_TTL) ? seconds(d.getDuration(SECRET_ID_TTL)) : current.secretIdTtl();
        if (ttl < 0) {
            throw new InvalidRequestException("secret_id_ttl cannot be negative");
        }
        boolean local = current.localSecretIds();
        if (d.has(LOCAL_SECRET_IDS)) {
            boolean requested = d.getBool(LOCAL_SECRET_IDS);
            if (creating) {
                local = requested;
            } else if (requested != local) {
                throw new InvalidRequestException("local_secret_ids can only be modified during role creation");
            }
        }
        RoleEntry next = new RoleEntry(current.name(), current.roleId(), bind, cidrs, uses, ttl, local, token,
                legacyPolicies, legacyPeriod);
        if (!next.hasConstraint()) {
            throw new InvalidRequestException("at least one constraint should be enabled on the role");
        }
        return next;
    }

    /** Policy names are case-insensitive in Vault: lower-cased, sorted, without duplicates. */
    private static TokenParams lowerCasePolicies(TokenParams t) {
        List<String> policies = t.policies().stream().map(p -> p.toLowerCase(Locale.ROOT)).sorted().distinct().toList();
        return new TokenParams(policies, t.ttl(), t.maxTtl(), t.explicitMaxTtl(), t.period(), t.numUses(),
                t.boundCidrs(), t.type(), t.noDefaultPolicy());
    }

    private static long seconds(Duration d) {
        return d.isNegative() ? -1 : d.getSeconds();
    }
}

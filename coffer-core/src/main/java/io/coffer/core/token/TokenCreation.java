package io.coffer.core.token;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code auth/token/create}, {@code create-orphan} and {@code create/<role>} endpoints:
 * checks the caller's privileges over the requested id, parentage, period and policies (the
 * latter through {@link CreationPolicies}), applies the role's limits when there is one, then
 * asks the {@link TokenStore} for the token. The token records the role and the path it was
 * created on ({@code auth/token/create/<role>[/<path_suffix>]} for a role).
 */
final class TokenCreation {
    /** Vault's {@code GenericNameRegex} for role names. */
    static final String ROLE_NAME = "\\w(?:[\\w.-]*\\w)?";

    private final TokenStore tokens;

    TokenCreation(TokenStore tokens) {
        this.tokens = tokens;
    }

    Path path(String pattern, boolean orphanPath) {
        return fields(Path.builder(pattern))
                .write((req, data) -> create(req, data, orphanPath, null))
                .build();
    }

    /** {@code create/<role_name>}. */
    Path rolePath() {
        return fields(Path.builder("create/{role_name:" + ROLE_NAME + "}"))
                .field("role_name", FieldType.STRING, "Token role")
                .write((req, data) -> create(req, data, false, data.getString("role_name")))
                .build();
    }

    private static Path.Builder fields(Path.Builder b) {
        return b.field("id", FieldType.STRING, "Custom token id (root or sudo only)")
                .field("policies", FieldType.COMMA_STRING_SLICE, "Policies of the token")
                .field("meta", FieldType.STRING_MAP, "Metadata")
                .field("no_parent", FieldType.BOOL, "Create an orphan (root or sudo only)")
                .field("no_default_policy", FieldType.BOOL, "Leave out the default policy")
                .field("renewable", FieldType.BOOL, Boolean.TRUE, "Whether the token can be renewed")
                .field("ttl", FieldType.DURATION, "Initial TTL")
                .field("lease", FieldType.DURATION, "Deprecated alias of ttl")
                .field("explicit_max_ttl", FieldType.DURATION, "Hard maximum lifetime")
                .field("display_name", FieldType.STRING, "Display name")
                .field("num_uses", FieldType.INT, "Number of uses, 0 for unlimited")
                .field("period", FieldType.DURATION, "Renewal period of a periodic token (root or sudo only)")
                .field("type", FieldType.STRING, "service or batch")
                .field("entity_alias", FieldType.STRING, "Entity alias (with a role only)");
    }

    private Response create(Request req, FieldData data, boolean orphanPath, String roleName) {
        data.validate();
        Request.Caller caller = req.caller();
        TokenEntry parent = tokens.lookup(caller.token());
        if (parent == null) {
            throw PermissionDeniedException.invalidToken();
        }
        TokenRole role = null;
        if (roleName != null) {
            role = tokens.roles().get(roleName);
            if (role == null) {
                throw new InvalidRequestException("unknown role " + roleName);
            }
        }
        if (parent.numUses() > 0) {
            throw new InvalidRequestException("restricted use token cannot generate child tokens");
        }
        boolean privileged = caller.root() || caller.sudo();
        String type = tokenType(data.getString("type"), role);
        int numUses = data.getInt("num_uses");
        if (numUses < 0) {
            throw new InvalidRequestException("number of uses cannot be negative");
        }
        String id = data.getString("id");
        if (!id.isEmpty() && !privileged) {
            throw new InvalidRequestException("root or sudo privileges required to specify token id");
        }
        if (BatchTokens.isBatch(id)) {
            throw new InvalidRequestException("custom token ID cannot have the 'hvb.' prefix");
        }
        String entityId = entityFromAlias(data.getString("entity_alias"), role);
        boolean orphan;
        if (role != null) {
            orphan = role.orphan();
        } else {
            if (data.getBool("no_parent") && !orphanPath && !privileged) {
                throw new InvalidRequestException("root or sudo privileges required to create orphan token");
            }
            orphan = orphanPath || data.getBool("no_parent");
        }
        if (parent.batch() && !orphan) {
            throw new InvalidRequestException("batch tokens cannot create non-orphan tokens");
        }
        List<String> policies = CreationPolicies.choose(data.has("policies") ? data.getStringList("policies") : null,
                data.getBool("no_default_policy"), parent, role);
        long ttl = nonNegative(data, data.has("ttl") ? "ttl" : "lease");
        long explicitMaxTtl = nonNegative(data, "explicit_max_ttl");
        long period = nonNegative(data, "period");
        if (period > 0 && !privileged) {
            throw new InvalidRequestException("root or sudo privileges required to create periodic token");
        }
        List<String> warnings = new ArrayList<>();
        long maxTtl = 0;
        boolean renewable = data.getBool("renewable");
        List<String> boundCidrs = orphan ? List.of() : parent.boundCidrs();
        String path = "auth/token/" + (orphanPath ? "create-orphan" : "create");
        if (role != null && !type.equals("batch")) {
            // (a role's period and explicit max TTL are for its service tokens, as in Vault)
            explicitMaxTtl = lesser(explicitMaxTtl, role.tokenExplicitMaxTtl(), warnings,
                    "Explicit max TTL specified both during creation call and in role; using the lesser value of %d seconds");
            period = lesser(period, role.tokenPeriod(), warnings,
                    "Period specified both during creation call and in role; using the lesser value of %d seconds");
        }
        if (role != null) {
            if (ttl == 0) {
                ttl = role.tokenTtl();
            }
            if (role.tokenMaxTtl() > 0) {
                maxTtl = Math.min(role.tokenMaxTtl(), tokens.mountMaxTtl());
            }
            renewable = renewable && role.renewable();
            if (role.tokenNumUses() > 0 && (numUses == 0 || role.tokenNumUses() < numUses)) {
                numUses = role.tokenNumUses();
            }
            boundCidrs = role.tokenBoundCidrs();
            path = "auth/token/create/" + role.name() + (role.pathSuffix().isEmpty() ? "" : "/" + role.pathSuffix());
        }
        if (policies.contains("root") && ttl == 0 && period == 0 && explicitMaxTtl == 0) {
            if (parent.expireTime() > 0) {
                throw new InvalidRequestException("expiring root tokens cannot create non-expiring root tokens");
            }
            boundCidrs = List.of();
        }
        if (entityId.isEmpty() && !orphan) {
            entityId = parent.entityId();
        }
        Map<String, String> meta = data.has("meta") ? data.getStringMap("meta") : null;
        TokenStore.Created created = tokens.create(new TokenCreateRequest(id, orphan ? "" : parent.id(), policies, meta,
                displayName(data.getString("display_name")), numUses, ttl, explicitMaxTtl, period, renewable, path,
                entityId, role == null ? "" : role.name(), boundCidrs, maxTtl, type));
        warnings.addAll(created.warnings());
        Response r = Response.ofAuth(TokenResponses.auth(created.entry(), true));
        for (String w : warnings) {
            r = r.withWarning(w);
        }
        return r;
    }

    /**
     * The type of the new token: a role's {@code service} or {@code batch} decides; otherwise
     * the request's {@code type}, or the role's default ({@code default-service} when none).
     */
    private static String tokenType(String requested, TokenRole role) {
        String fromRole = role == null ? "default-service" : role.tokenType();
        String type = switch (fromRole) {
            case "service", "batch" -> fromRole;
            default -> requested.isEmpty() ? fromRole.substring("default-".length()) : requested;
        };
        if (!type.equals("service") && !type.equals("batch")) {
            throw new InvalidRequestException("invalid 'token_type' value");
        }
        return type;
    }

    /** The entity of an allowed {@code entity_alias}, or empty when none was given. */
    private String entityFromAlias(String alias, TokenRole role) {
        if (alias.isEmpty()) {
            return "";
        }
        if (role == null) {
            throw new InvalidRequestException("'entity_alias' is only allowed in combination with token role");
        }
        String lower = alias.toLowerCase(Locale.ROOT);
        if (!role.allowedEntityAliases().contains(lower) && !Globs.anyMatches(role.allowedEntityAliases(), lower)) {
            throw new InvalidRequestException("invalid 'entity_alias' value");
        }
        return tokens.entityForAlias(alias);
    }

    private static long nonNegative(FieldData data, String field) {
        long seconds = data.getDuration(field).getSeconds();
        if (seconds < 0) {
            throw new InvalidRequestException(field + " must be positive");
        }
        return seconds;
    }

    /** The request's value, the role's, or the lesser of both with a warning (Vault's rule). */
    private static long lesser(long requested, long fromRole, List<String> warnings, String warning) {
        if (fromRole == 0) {
            return requested;
        }
        if (requested == 0) {
            return fromRole;
        }
        long value = Math.min(requested, fromRole);
        warnings.add(String.format(Locale.ROOT, warning, value));
        return value;
    }

    private static String displayName(String requested) {
        if (requested.isEmpty()) {
            return "token";
        }
        String cleaned = requested.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-_.]", "-");
        return "token-" + cleaned;
    }
}

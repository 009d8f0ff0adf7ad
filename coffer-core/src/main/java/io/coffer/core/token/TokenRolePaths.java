package io.coffer.core.token;

import io.coffer.sdk.framework.Cidrs;
import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code auth/token/roles/<name>} endpoints (read, create, update, delete) and
 * {@code LIST auth/token/roles}, with Vault's fields: {@code allowed_policies[_glob]},
 * {@code disallowed_policies[_glob]}, {@code orphan}, {@code renewable} (default true),
 * {@code path_suffix}, {@code allowed_entity_aliases} and the token fields
 * {@code token_period}, {@code token_explicit_max_ttl}, {@code token_bound_cidrs} (each also
 * under its deprecated name), {@code token_no_default_policy}, {@code token_num_uses},
 * {@code token_type}, plus Coffer's {@code token_ttl} and {@code token_max_ttl}. An update
 * keeps every field it does not name.
 */
final class TokenRolePaths {
    /** Vault's {@code pathSuffixSanitize}, which must occur somewhere in the suffix. */
    private static final Pattern PATH_SUFFIX = Pattern.compile("\\w[\\w-.]+\\w");

    private final TokenRoleStore roles;

    TokenRolePaths(TokenRoleStore roles) {
        this.roles = roles;
    }

    List<Path> paths() {
        return List.of(
                Path.builder("roles/?")
                        .operation(Operation.LIST, (req, data) -> Response.ofKeys(roles.names()))
                        .build(),
                Path.builder("roles/{role_name:" + TokenCreation.ROLE_NAME + "}")
                        .field("role_name", FieldType.STRING, "Name of the role")
                        .field("allowed_policies", FieldType.COMMA_STRING_SLICE, "Policies tokens of the role may have")
                        .field("disallowed_policies", FieldType.COMMA_STRING_SLICE, "Policies tokens of the role may not have")
                        .field("allowed_policies_glob", FieldType.COMMA_STRING_SLICE, "Glob patterns of allowed policies")
                        .field("disallowed_policies_glob", FieldType.COMMA_STRING_SLICE, "Glob patterns of disallowed policies")
                        .field("orphan", FieldType.BOOL, "Whether the tokens are orphans")
                        .field("renewable", FieldType.BOOL, Boolean.TRUE, "Whether the tokens can be renewed")
                        .field("path_suffix", FieldType.STRING, "Appended to the tokens' creation path")
                        .field("allowed_entity_aliases", FieldType.COMMA_STRING_SLICE, "Entity aliases allowed (globs)")
                        .field("token_period", FieldType.DURATION, "Renewal period of the tokens")
                        .field("period", FieldType.DURATION, "Deprecated: use token_period")
                        .field("token_explicit_max_ttl", FieldType.DURATION, "Hard cap of the tokens' lifetime")
                        .field("explicit_max_ttl", FieldType.DURATION, "Deprecated: use token_explicit_max_ttl")
                        .field("token_bound_cidrs", FieldType.COMMA_STRING_SLICE, "Networks the tokens may be used from")
                        .field("bound_cidrs", FieldType.COMMA_STRING_SLICE, "Deprecated: use token_bound_cidrs")
                        .field("token_no_default_policy", FieldType.BOOL, "Leave the default policy off the tokens")
                        .field("token_num_uses", FieldType.INT, "Uses of each token, 0 for unlimited")
                        .field("token_type", FieldType.STRING, "service, batch, default-service or default-batch")
                        .field("token_ttl", FieldType.DURATION, "Initial TTL of the tokens (Coffer)")
                        .field("token_max_ttl", FieldType.DURATION, "Max TTL of the tokens (Coffer)")
                        .existenceCheck((req, data) -> roles.get(data.getString("role_name")) != null)
                        .operation(Operation.READ, (req, data) -> read(data.getString("role_name")))
                        .write((req, data) -> write(data))
                        .operation(Operation.DELETE, (req, data) -> {
                            roles.delete(data.getString("role_name"));
                            return Response.noContent();
                        })
                        .build());
    }

    private Response read(String name) {
        TokenRole r = roles.get(name);
        if (r == null) {
            throw new NotFoundException();
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("allowed_entity_aliases", r.allowedEntityAliases());
        d.put("allowed_policies", r.allowedPolicies());
        d.put("allowed_policies_glob", r.allowedPoliciesGlob());
        d.put("disallowed_policies", r.disallowedPolicies());
        d.put("disallowed_policies_glob", r.disallowedPoliciesGlob());
        d.put("explicit_max_ttl", r.legacyFields().contains("explicit_max_ttl") ? r.tokenExplicitMaxTtl() : 0L);
        d.put("name", r.name());
        d.put("orphan", r.orphan());
        d.put("path_suffix", r.pathSuffix());
        d.put("period", r.legacyFields().contains("period") ? r.tokenPeriod() : 0L);
        d.put("renewable", r.renewable());
        d.put("token_explicit_max_ttl", r.tokenExplicitMaxTtl());
        d.put("token_max_ttl", r.tokenMaxTtl());
        d.put("token_no_default_policy", r.tokenNoDefaultPolicy());
        d.put("token_period", r.tokenPeriod());
        d.put("token_ttl", r.tokenTtl());
        d.put("token_type", r.tokenType());
        if (!r.tokenBoundCidrs().isEmpty()) {
            d.put("token_bound_cidrs", r.tokenBoundCidrs());
            if (r.legacyFields().contains("bound_cidrs")) {
                d.put("bound_cidrs", r.tokenBoundCidrs());
            }
        }
        if (r.tokenNumUses() > 0) {
            d.put("token_num_uses", r.tokenNumUses());
        }
        return Response.of(d);
    }

    private Response write(FieldData data) {
        data.validate();
        String name = data.getString("role_name");
        TokenRole current = roles.get(name);
        TokenRole r = current == null ? TokenRole.defaults(name) : current;
        List<String> warnings = new ArrayList<>();
        List<String> legacy = new ArrayList<>(r.legacyFields());

        String suffix = data.has("path_suffix") ? data.getString("path_suffix") : r.pathSuffix();
        if (!suffix.isEmpty() && !PATH_SUFFIX.matcher(suffix).find()) {
            throw new InvalidRequestException(
                    "given role path suffix contains invalid characters; must match " + PATH_SUFFIX.pattern());
        }
        if (suffix.contains("..")) {
            throw new InvalidRequestException("error registering path suffix: path cannot contain parent references");
        }
        String type = r.tokenType();
        if (data.has("token_type")) {
            type = data.getString("token_type").trim().toLowerCase(Locale.ROOT);
            switch (type) {
                case "default" -> type = "default-service";
                case "service", "default-service", "batch", "default-batch" -> {
                }
                default -> throw new InvalidRequestException("invalid 'token_type' value \"" + type + "\"");
            }
        }
        long period = tokenOrLegacy(data, "token_period", "period", r.tokenPeriod(), legacy, warnings);
        long explicitMax = tokenOrLegacy(data, "token_explicit_max_ttl", "explicit_max_ttl", r.tokenExplicitMaxTtl(),
                legacy, warnings);
        List<String> cidrs = r.tokenBoundCidrs();
        if (data.has("token_bound_cidrs")) {
            cidrs = data.getStringList("token_bound_cidrs");
            legacy.remove("bound_cidrs");
            if (data.has("bound_cidrs")) {
                warnings.add(bothWarning("token_bound_cidrs", "bound_cidrs"));
            }
        } else if (data.has("bound_cidrs")) {
            cidrs = data.getStringList("bound_cidrs");
            addOnce(legacy, "bound_cidrs");
        }
        for (String cidr : cidrs) {
            if (!Cidrs.isValid(cidr)) {
                throw new InvalidRequestException("error parsing role fields: invalid CIDR in token_bound_cidrs: " + cidr);
            }
        }
        long ttl = data.has("token_ttl") ? seconds(data, "token_ttl") : r.tokenTtl();
        long maxTtl = data.has("token_max_ttl") ? seconds(data, "token_max_ttl") : r.tokenMaxTtl();
        if (ttl > 0 && maxTtl > 0 && ttl > maxTtl) {
            throw new InvalidRequestException("error parsing role fields: 'token_ttl' cannot be greater than 'token_max_ttl'");
        }
        int numUses = data.has("token_num_uses") ? data.getInt("token_num_uses") : r.tokenNumUses();
        if (numUses < 0) {
            throw new InvalidRequestException("error parsing role fields: 'token_num_uses' cannot be negative");
        }
        boolean orphan = data.has("orphan") ? data.getBool("orphan") : r.orphan();
        boolean renewable = data.has("renewable") ? data.getBool("renewable") : r.renewable();
        if (type.equals("batch")) {
            checkBatchRole(orphan, renewable, period);
        }
        TokenRole next = new TokenRole(TokenRole.FORMAT_VERSION, name,
                data.has("allowed_policies") ? CreationPolicies.sanitize(data.getStringList("allowed_policies"), false)
                        : r.allowedPolicies(),
                data.has("disallowed_policies") ? lowerUnique(data.getStringList("disallowed_policies")) : r.disallowedPolicies(),
                data.has("allowed_policies_glob") ? lowerUnique(data.getStringList("allowed_policies_glob"))
                        : r.allowedPoliciesGlob(),
                data.has("disallowed_policies_glob") ? lowerUnique(data.getStringList("disallowed_policies_glob"))
                        : r.disallowedPoliciesGlob(),
                orphan, renewable, suffix,
                data.has("allowed_entity_aliases") ? lowerUnique(data.getStringList("allowed_entity_aliases"))
                        : r.allowedEntityAliases(),
                period, explicitMax, cidrs,
                data.has("token_no_default_policy") ? data.getBool("token_no_default_policy") : r.tokenNoDefaultPolicy(),
                numUses, type, ttl, maxTtl, legacy);
        roles.put(next);
        Response out = Response.noContent();
        for (String w : warnings) {
            out = out.withWarning(w);
        }
        return out;
    }

    /** A duration set under its {@code token_*} name (winning) or its deprecated one. */
    private static long tokenOrLegacy(FieldData data, String name, String legacyName, long current, List<String> legacy,
                                      List<String> warnings) {
        if (data.has(name)) {
            legacy.remove(legacyName);
            if (data.has(legacyName)) {
                warnings.add(bothWarning(name, legacyName));
            }
            return seconds(data, name);
        }
        if (data.has(legacyName)) {
            addOnce(legacy, legacyName);
            return seconds(data, legacyName);
        }
        return current;
    }

    private static String bothWarning(String name, String legacyName) {
        return "Both '" + name + "' and deprecated '" + legacyName + "' value supplied, ignoring the deprecated value";
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static long seconds(FieldData data, String field) {
        long s = data.getDuration(field).getSeconds();
        if (s < 0) {
            throw new InvalidRequestException("error parsing role fields: '" + field + "' cannot be negative");
        }
        return s;
    }

    /** Vault's {@code strutil.RemoveDuplicates(list, true)}: trimmed, lower-cased, non-empty, sorted, unique. */
    private static List<String> lowerUnique(List<String> values) {
        TreeSet<String> out = new TreeSet<>();
        for (String v : values) {
            String s = v.trim().toLowerCase(Locale.ROOT);
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** A role that always issues batch tokens must not promise what they cannot do (Vault's checks). */
    private static void checkBatchRole(boolean orphan, boolean renewable, long period) {
        if (!orphan) {
            throw new InvalidRequestException("'token_type' cannot be 'batch' when role is set to generate non-orphan tokens");
        }
        if (period > 0) {
            throw new InvalidRequestException("'token_type' cannot be 'batch' when role has a period set");
        }
        if (renewable) {
            throw new InvalidRequestException("'token_type' cannot be 'batch' when role is set to generate renewable tokens");
        }
    }

}

package io.coffer.sdk.framework;

import io.coffer.sdk.logical.TokenParams;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vault's common token fields ({@code token_policies}, {@code token_ttl}, … and the legacy
 * {@code policies}, {@code ttl}, {@code max_ttl}, {@code period}, {@code bound_cidrs}) for the
 * paths of auth methods that hand out tokens: declares them on a path, reads them into
 * {@link TokenParams} and renders them back as Vault does. A field absent from a request keeps
 * its current value; a {@code token_*} field wins over its legacy alias.
 */
public final class TokenFields {
    private TokenFields() {
    }

    /** Declares every token field on {@code path}. */
    public static Path.Builder declare(Path.Builder path) {
        return path
                .field("token_policies", FieldType.COMMA_STRING_SLICE, "Policies of the tokens issued")
                .field("policies", FieldType.COMMA_STRING_SLICE, "Deprecated alias of token_policies")
                .field("token_ttl", FieldType.DURATION, "Initial TTL of the tokens issued")
                .field("ttl", FieldType.DURATION, "Deprecated alias of token_ttl")
                .field("token_max_ttl", FieldType.DURATION, "Maximum TTL of the tokens issued")
                .field("max_ttl", FieldType.DURATION, "Deprecated alias of token_max_ttl")
                .field("token_explicit_max_ttl", FieldType.DURATION, "Hard TTL cap, renewals included")
                .field("token_period", FieldType.DURATION, "Makes the tokens periodic with this renewal period")
                .field("period", FieldType.DURATION, "Deprecated alias of token_period")
                .field("token_num_uses", FieldType.INT, "Uses of each token, 0 for unlimited")
                .field("token_bound_cidrs", FieldType.COMMA_STRING_SLICE, "Networks the tokens can be used from")
                .field("bound_cidrs", FieldType.COMMA_STRING_SLICE, "Deprecated alias of token_bound_cidrs")
                .field("token_type", FieldType.STRING, "default, service or batch")
                .field("token_no_default_policy", FieldType.BOOL, "Leave the default policy off the tokens");
    }

    /**
     * The token settings after applying the fields present in {@code d} to {@code current}.
     *
     * @throws InvalidRequestException for a negative value, an unknown token type, a TTL above
     *                                 the max TTL, or an invalid CIDR
     */
    public static TokenParams read(FieldData d, TokenParams current) {
        List<String> policies = pick(d, "token_policies", "policies") ? d.getStringList(name(d, "token_policies", "policies"))
                : current.policies();
        long ttl = pick(d, "token_ttl", "ttl") ? seconds(d, name(d, "token_ttl", "ttl")) : current.ttl();
        long maxTtl = pick(d, "token_max_ttl", "max_ttl") ? seconds(d, name(d, "token_max_ttl", "max_ttl")) : current.maxTtl();
        long explicit = d.has("token_explicit_max_ttl") ? seconds(d, "token_explicit_max_ttl") : current.explicitMaxTtl();
        long period = pick(d, "token_period", "period") ? seconds(d, name(d, "token_period", "period")) : current.period();
        int uses = d.has("token_num_uses") ? d.getInt("token_num_uses") : current.numUses();
        List<String> cidrs = pick(d, "token_bound_cidrs", "bound_cidrs")
                ? d.getStringList(name(d, "token_bound_cidrs", "bound_cidrs")) : current.boundCidrs();
        String type = d.has("token_type") ? d.getString("token_type") : current.type();
        boolean noDefault = d.has("token_no_default_policy") ? d.getBool("token_no_default_policy") : current.noDefaultPolicy();
        if (uses < 0) {
            throw new InvalidRequestException("token_num_uses cannot be negative");
        }
        if (!List.of("default", "service", "batch", "default-service", "default-batch").contains(type)) {
            throw new InvalidRequestException("invalid 'token_type' value \"" + type + "\"");
        }
        if (maxTtl > 0 && ttl > maxTtl) {
            throw new InvalidRequestException("\"token_ttl\" value must be less than \"token_max_ttl\" value");
        }
        for (String cidr : cidrs) {
            if (!Cidrs.isValid(cidr)) {
                throw new InvalidRequestException("invalid CIDR in token_bound_cidrs: " + cidr);
            }
        }
        return new TokenParams(policies.stream().map(p -> p.trim().toLowerCase(java.util.Locale.ROOT)).filter(p -> !p.isEmpty())
                        .sorted().distinct().toList(),
                ttl, maxTtl, explicit, period, uses, cidrs, type, noDefault);
    }

    /** The fields as Vault's read responses show them (durations in seconds). */
    public static Map<String, Object> render(TokenParams t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token_bound_cidrs", t.boundCidrs());
        m.put("token_explicit_max_ttl", t.explicitMaxTtl());
        m.put("token_max_ttl", t.maxTtl());
        m.put("token_no_default_policy", t.noDefaultPolicy());
        m.put("token_num_uses", t.numUses());
        m.put("token_period", t.period());
        m.put("token_policies", t.policies());
        m.put("token_ttl", t.ttl());
        m.put("token_type", t.type());
        return m;
    }

    private static boolean pick(FieldData d, String name, String legacy) {
        return d.has(name) || d.has(legacy);
    }

    private static String name(FieldData d, String name, String legacy) {
        return d.has(name) ? name : legacy;
    }

    private static long seconds(FieldData d, String name) {
        long s = d.getDuration(name).getSeconds();
        if (s < 0) {
            throw new InvalidRequestException(name + " cannot be negative");
        }
        return s;
    }
}

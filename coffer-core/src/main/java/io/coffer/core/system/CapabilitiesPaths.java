package io.coffer.core.system;

import io.coffer.core.identity.EffectivePolicies;
import io.coffer.core.policy.Acl;
import io.coffer.core.policy.Capability;
import io.coffer.core.policy.PolicyStore;
import io.coffer.core.token.TokenEntry;
import io.coffer.core.token.TokenStore;
import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code sys/capabilities-self}, {@code sys/capabilities} and {@code sys/capabilities-accessor}:
 * the capabilities a token has on given paths.
 */
final class CapabilitiesPaths {
    private final PolicyStore policies;
    private final TokenStore tokens;
    private final EffectivePolicies effective;

    CapabilitiesPaths(PolicyStore policies, TokenStore tokens, EffectivePolicies effective) {
        this.policies = policies;
        this.tokens = tokens;
        this.effective = effective;
    }

    List<Path> paths() {
        return List.of(
                Path.builder("capabilities-self")
                        .field("paths", FieldType.COMMA_STRING_SLICE, "Paths to check")
                        .field("path", FieldType.COMMA_STRING_SLICE, "Deprecated alias of paths")
                        .write((req, data) -> answer(tokens.lookup(req.caller().token()), data))
                        .build(),
                Path.builder("capabilities")
                        .field("token", FieldType.STRING, "Token to check")
                        .field("paths", FieldType.COMMA_STRING_SLICE, "Paths to check")
                        .field("path", FieldType.COMMA_STRING_SLICE, "Deprecated alias of paths")
                        .write((req, data) -> answer(tokens.lookup(data.getString("token")), data))
                        .build(),
                Path.builder("capabilities-accessor")
                        .field("accessor", FieldType.STRING, "Accessor of the token to check")
                        .field("paths", FieldType.COMMA_STRING_SLICE, "Paths to check")
                        .field("path", FieldType.COMMA_STRING_SLICE, "Deprecated alias of paths")
                        .write((req, data) -> answer(tokens.lookupByAccessor(data.getString("accessor")), data))
                        .build());
    }

    private Response answer(TokenEntry token, FieldData data) {
        data.validate();
        List<String> paths = new ArrayList<>(data.getStringList("paths"));
        if (paths.isEmpty()) {
            paths.addAll(data.getStringList("path"));
        }
        if (paths.isEmpty()) {
            throw new InvalidRequestException("paths must be supplied");
        }
        if (token == null) {
            throw new InvalidRequestException("invalid token");
        }
        Acl acl = policies.acl(effective.of(token));
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> last = List.of();
        for (String path : paths) {
            last = capabilities(acl, path.startsWith("/") ? path.substring(1) : path);
            out.put(path, last);
        }
        if (paths.size() == 1) {
            out.put("capabilities", last);
        }
        return Response.of(out).withTopLevelData();
    }

    static List<String> capabilities(Acl acl, String path) {
        if (acl.isRoot()) {
            return List.of("root");
        }
        TreeSet<String> names = new TreeSet<>();
        for (Capability c : acl.capabilities(path)) {
            names.add(c.wireName());
        }
        if (names.isEmpty() || names.contains("deny")) {
            return List.of("deny");
        }
        return List.copyOf(names);
    }
}

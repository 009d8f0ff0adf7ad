package io.coffer.core.token;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code auth/token/create} and {@code create-orphan} endpoints: checks the caller's
 * privileges over the requested policies, id and parentage, then asks the {@link TokenStore}
 * for the token.
 */
final class TokenCreation {
    private final TokenStore tokens;

    TokenCreation(TokenStore tokens) {
        this.tokens = tokens;
    }

    Path path(String pattern, boolean orphanPath) {
        return Path.builder(pattern)
                .field("id", FieldType.STRING, "Custom token id (root or sudo only)")
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
                .field("period", FieldType.DURATION, "Renewal period of a periodic token")
                .field("type", FieldType.STRING, "service or batch")
                .field("entity_alias", FieldType.STRING, "Entity alias")
                .write((req, data) -> create(req, data, orphanPath))
                .build();
    }

    private Response create(Request req, FieldData data, boolean orphanPath) {
        data.validate();
        Request.Caller caller = req.caller();
        TokenEntry parent = tokens.lookup(caller.token());
        if (parent == null) {
            throw PermissionDeniedException.invalidToken();
        }
        boolean privileged = caller.root() || caller.sudo();
        String type = data.getString("type");
        if (!type.isEmpty() && !type.equals("service")) {
            throw new InvalidRequestException("unsupported token type \"" + type + "\": only service tokens are available");
        }
        String id = data.getString("id");
        if (!id.isEmpty() && !privileged) {
            throw new InvalidRequestException("root or sudo privileges required to specify token id");
        }
        boolean orphan = orphanPath || data.getBool("no_parent");
        if (data.getBool("no_parent") && !orphanPath && !privileged) {
            throw new InvalidRequestException("root or sudo privileges required to create orphan token");
        }
        int numUses = data.getInt("num_uses");
        if (numUses < 0) {
            throw new InvalidRequestException("number of uses cannot be negative");
        }
        TreeSet<String> policies = policies(data, parent);
        long ttl = data.has("ttl") ? data.getDuration("ttl").getSeconds() : data.getDuration("lease").getSeconds();
        if (ttl < 0 || data.getDuration("explicit_max_ttl").isNegative() || data.getDuration("period").isNegative()) {
            throw new InvalidRequestException("ttl, explicit_max_ttl and period must not be negative");
        }
        String displayName = displayName(data.getString("display_name"));
        Map<String, String> meta = data.has("meta") ? data.getStringMap("meta") : null;
        TokenStore.Created created = tokens.create(new TokenCreateRequest(id, orphan ? "" : parent.id(),
                List.copyOf(policies), meta, displayName, numUses, ttl,
                data.getDuration("explicit_max_ttl").getSeconds(), data.getDuration("period").getSeconds(),
                data.getBool("renewable"), "auth/token/" + (orphanPath ? "create-orphan" : "create"), "", ""));
        Response r = Response.ofAuth(TokenResponses.auth(created.entry(), true, tokens.nowSeconds()));
        for (String w : created.warnings()) {
            r = r.withWarning(w);
        }
        return r;
    }

    private static TreeSet<String> policies(FieldData data, TokenEntry parent) {
        TreeSet<String> requested = new TreeSet<>();
        if (data.has("policies")) {
            for (String p : data.getStringList("policies")) {
                if (!p.isBlank()) {
                    requested.add(p.trim().toLowerCase(Locale.ROOT));
                }
            }
        } else {
            requested.addAll(parent.policies());
        }
        if (!parent.isRoot()) {
            TreeSet<String> allowed = new TreeSet<>(parent.policies());
            allowed.add("default");
            if (!allowed.containsAll(requested)) {
                throw new InvalidRequestException("child policies must be subset of parent");
            }
        }
        if (requested.contains("root")) {
            requested.remove("default");
        } else if (data.getBool("no_default_policy")) {
            requested.remove("default");
        } else {
            requested.add("default");
        }
        return requested;
    }

    private static String displayName(String requested) {
        if (requested.isEmpty()) {
            return "token";
        }
        String cleaned = requested.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-_.]", "-");
        return "token-" + cleaned;
    }
}

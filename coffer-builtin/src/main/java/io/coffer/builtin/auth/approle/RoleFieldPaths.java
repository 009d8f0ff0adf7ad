package io.coffer.builtin.auth.approle;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldSchema;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Vault's per-field role endpoints, {@code role/<name>/<field>} (read, update, delete), built from
 * one generic table so that each is a line: an update applies just that field through
 * {@link RoleFields#apply} (same validation as a role write), a delete resets it to its default,
 * a read shows it. They exist so that ACLs can delegate single settings.
 */
final class RoleFieldPaths {
    /**
     * One per-field endpoint.
     *
     * @param segment   the last path segment, e.g. {@code token-ttl}
     * @param wireNames the request fields it accepts, preferred first ({@code token_*} before legacy)
     * @param view      what a read returns
     * @param reset     the fields a delete applies; {@code null} for a read-only endpoint
     */
    private record RoleField(String segment, List<String> wireNames, Function<RoleEntry, Map<String, Object>> view,
                             Map<String, Object> reset) {
    }

    private static final List<RoleField> FIELDS = List.of(
            new RoleField("policies", List.of("token_policies", "policies"),
                    r -> Map.of("policies", r.token().policies(), "token_policies", r.token().policies()),
                    Map.of("token_policies", List.of())),
            new RoleField("secret-id-num-uses", List.of(RoleFields.SECRET_ID_NUM_USES),
                    r -> Map.of(RoleFields.SECRET_ID_NUM_USES, r.secretIdNumUses()), Map.of(RoleFields.SECRET_ID_NUM_USES, 0)),
            new RoleField("secret-id-ttl", List.of(RoleFields.SECRET_ID_TTL),
                    r -> Map.of(RoleFields.SECRET_ID_TTL, r.secretIdTtl()), Map.of(RoleFields.SECRET_ID_TTL, 0)),
            new RoleField("token-num-uses", List.of("token_num_uses"),
                    r -> Map.of("token_num_uses", r.token().numUses()), Map.of("token_num_uses", 0)),
            new RoleField("token-ttl", List.of("token_ttl"),
                    r -> Map.of("token_ttl", r.token().ttl()), Map.of("token_ttl", 0)),
            new RoleField("token-max-ttl", List.of("token_max_ttl"),
                    r -> Map.of("token_max_ttl", r.token().maxTtl()), Map.of("token_max_ttl", 0)),
            new RoleField("period", List.of("token_period", "period"), RoleFieldPaths::period, Map.of("token_period", 0)),
            new RoleField("bind-secret-id", List.of(RoleFields.BIND_SECRET_ID),
                    r -> Map.of(RoleFields.BIND_SECRET_ID, r.bindSecretId()), Map.of(RoleFields.BIND_SECRET_ID, true)),
            new RoleField("bound-cidr-list", List.of(RoleFields.BOUND_CIDR_LIST),
                    r -> Map.of(RoleFields.BOUND_CIDR_LIST, r.secretIdBoundCidrs()), Map.of(RoleFields.SECRET_ID_BOUND_CIDRS, List.of())),
            new RoleField("secret-id-bound-cidrs", List.of(RoleFields.SECRET_ID_BOUND_CIDRS),
                    r -> Map.of(RoleFields.SECRET_ID_BOUND_CIDRS, r.secretIdBoundCidrs()),
                    Map.of(RoleFields.SECRET_ID_BOUND_CIDRS, List.of())),
            new RoleField("token-bound-cidrs", List.of("token_bound_cidrs"),
                    r -> Map.of("token_bound_cidrs", r.token().boundCidrs()), Map.of("token_bound_cidrs", List.of())),
            new RoleField("local-secret-ids", List.of(),
                    r -> Map.of(RoleFields.LOCAL_SECRET_IDS, r.localSecretIds()), null));

    private final AppRoleContext ctx;
    private final RoleWriter writer;
    private final Map<String, FieldSchema> schema = RoleFields.schema();

    RoleFieldPaths(AppRoleContext ctx, RoleWriter writer) {
        this.ctx = ctx;
        this.writer = writer;
    }

    List<Path> paths() {
        return FIELDS.stream().map(this::path).toList();
    }

    private Path path(RoleField field) {
        Path.Builder b = RoleFields.declareName(Path.builder("role/" + RoleFields.NAME_PATTERN + "/" + field.segment()));
        for (String wire : field.wireNames()) {
            FieldSchema s = schema.get(wire);
            b.field(wire, s.type(), s.description());
        }
        b.operation(Operation.READ, (request, data) -> read(request, data, field));
        if (field.reset() != null) {
            b.write((request, data) -> update(request, data, field));
            b.operation(Operation.DELETE, (request, data) -> reset(request, data, field));
        }
        return b.synopsis("Reads or changes the " + field.segment() + " setting of a role.").build();
    }

    private Response read(Request request, FieldData data, RoleField field) {
        RoleEntry role = ctx.store(request).role(RoleFields.name(data));
        if (role == null) {
            throw new NotFoundException();
        }
        return Response.of(field.view().apply(role));
    }

    private Response update(Request request, FieldData data, RoleField field) {
        Map<String, Object> given = new HashMap<>();
        for (String wire : field.wireNames()) {
            if (data.has(wire)) {
                given.put(wire, data.raw().get(wire));
            }
        }
        if (given.isEmpty()) {
            throw new InvalidRequestException("missing " + field.wireNames().get(0));
        }
        return change(request, data, given, true);
    }

    private Response reset(Request request, FieldData data, RoleField field) {
        return change(request, data, field.reset(), false);
    }

    private Response change(Request request, FieldData data, Map<String, Object> fields, boolean mustExist) {
        String name = RoleFields.name(data);
        FieldData subset = new FieldData(new HashMap<>(fields), schema);
        subset.validate();
        AppRoleStore store = ctx.store(request);
        return ctx.locks().withRole(name, () -> {
            RoleEntry role = store.role(name);
            if (role == null) {
                if (mustExist) {
                    throw new NotFoundException("role does not exist");
                }
                return Response.noContent();
            }
            writer.save(store, RoleFields.apply(role, false, subset), role);
            return Response.noContent();
        });
    }

    private static Map<String, Object> period(RoleEntry role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token_period", role.token().period());
        if (role.legacyPeriod()) {
            m.put("period", role.token().period());
        }
        return m;
    }
}

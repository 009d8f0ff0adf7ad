package io.coffer.core.system;

import io.coffer.core.policy.Policy;
import io.coffer.core.policy.PolicyStore;
import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two APIs over the one ACL policy store: the legacy {@code sys/policy[/<name>]} (text in
 * {@code rules}, data copied to the top level) and {@code sys/policies/acl[/<name>]} (text in
 * {@code policy}).
 */
final class PolicyPaths {
    private final PolicyStore policies;

    PolicyPaths(PolicyStore policies) {
        this.policies = policies;
    }

    List<Path> paths() {
        return List.of(
                Path.builder("policy/?")
                        .operation(Operation.READ, (req, data) -> legacyList())
                        .operation(Operation.LIST, (req, data) -> legacyList())
                        .build(),
                Path.builder("policy/{name:.+}")
                        .field("name", FieldType.STRING, "Policy name")
                        .field("policy", FieldType.STRING, "Policy text (HCL or JSON)")
                        .field("rules", FieldType.STRING, "Deprecated alias of policy")
                        .operation(Operation.READ, (req, data) -> {
                            Policy p = found(data);
                            Map<String, Object> d = new LinkedHashMap<>();
                            d.put("name", p.name());
                            d.put("rules", p.text());
                            return Response.of(d).withTopLevelData();
                        })
                        .write((req, data) -> write(data, true))
                        .operation(Operation.DELETE, (req, data) -> delete(data))
                        .build(),
                Path.builder("policies/acl/?")
                        .operation(Operation.LIST, (req, data) -> Response.ofKeys(policies.names(false)))
                        .build(),
                Path.builder("policies/acl/{name:.+}")
                        .field("name", FieldType.STRING, "Policy name")
                        .field("policy", FieldType.STRING, "Policy text (HCL or JSON)")
                        .field("cas", FieldType.INT, "Check-and-set version (accepted, not enforced)")
                        .operation(Operation.READ, (req, data) -> {
                            Policy p = found(data);
                            Map<String, Object> d = new LinkedHashMap<>();
                            d.put("name", p.name());
                            d.put("policy", p.text());
                            return Response.of(d);
                        })
                        .write((req, data) -> write(data, false))
                        .operation(Operation.DELETE, (req, data) -> delete(data))
                        .build());
    }

    private Response legacyList() {
        List<String> names = policies.names(true);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("keys", names);
        d.put("policies", names);
        return Response.of(d).withTopLevelData();
    }

    private Policy found(FieldData data) {
        String name = data.getString("name");
        if (name.equalsIgnoreCase("root")) {
            throw new NotFoundException();
        }
        Policy p = policies.get(name);
        if (p == null) {
            throw new NotFoundException();
        }
        return p;
    }

    private Response write(FieldData data, boolean legacy) {
        data.validate();
        String name = data.getString("name");
        String text = data.getString("policy");
        boolean usedRules = false;
        if (legacy && text.isEmpty() && data.has("rules")) {
            text = data.getString("rules");
            usedRules = true;
        }
        if (text.isBlank()) {
            throw new InvalidRequestException("'policy' parameter not supplied or empty");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        policies.put(lower, text);
        Response r = Response.noContent();
        if (!lower.equals(name)) {
            r = r.withWarning("policy name was converted to " + lower);
        }
        if (usedRules) {
            r = r.withWarning("'rules' is deprecated, please use 'policy' instead");
        }
        return r;
    }

    private Response delete(FieldData data) {
        policies.delete(data.getString("name"));
        return Response.noContent();
    }
}

package io.coffer.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.builtin.secrets.kv.GoTime;
import io.coffer.core.routing.MountEntry;
import io.coffer.core.token.TokenEntry;
import io.coffer.sdk.logical.Auth;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders one audit device's lines in Vault's JSON shape ({@code time}, {@code type},
 * {@code auth}, {@code request}, {@code response}, {@code error}; empty members omitted), with the
 * device's HMAC applied: tokens always, accessors when {@code hmac_accessor}, and every string in
 * request and response data unless {@code log_raw}. A line is the prefix, the JSON and a newline.
 * The line format is documented in {@code docs/storage-formats/audit.md}.
 */
final class AuditFormatter {
    private final ObjectMapper mapper;
    private final AuditHasher hasher;
    private final FileAuditOptions options;

    AuditFormatter(ObjectMapper mapper, AuditHasher hasher, FileAuditOptions options) {
        this.mapper = mapper;
        this.hasher = hasher;
        this.options = options;
    }

    /** The request line for {@code in}, written before the backend runs. */
    byte[] requestLine(AuditInput in, Instant time) {
        ObjectNode entry = header(time, "request");
        putAuth(entry, in);
        entry.set("request", request(in));
        putText(entry, "error", in.error());
        return line(entry);
    }

    /** The response line for {@code in}, written before the response is returned. */
    byte[] responseLine(AuditInput in, Instant time) {
        ObjectNode entry = header(time, "response");
        putAuth(entry, in);
        entry.set("request", request(in));
        entry.set("response", response(in));
        putText(entry, "error", in.error());
        return line(entry);
    }

    private ObjectNode header(Instant time, String type) {
        ObjectNode entry = mapper.createObjectNode();
        entry.put("time", GoTime.format(time));
        entry.put("type", type);
        return entry;
    }

    private void putAuth(ObjectNode entry, AuditInput in) {
        if (in.caller() != null) {
            entry.set("auth", callerAuth(in.caller()));
        } else if (in.response() != null && in.response().auth() != null) {
            // a login: Vault shows the new token's auth at the top as well
            entry.set("auth", newAuth(in.response().auth()));
        } else {
            entry.set("auth", mapper.createObjectNode());
        }
    }

    private ObjectNode callerAuth(TokenEntry t) {
        ObjectNode a = mapper.createObjectNode();
        putText(a, "client_token", token(t.id()));
        putText(a, "accessor", accessor(t.accessor()));
        putText(a, "display_name", t.displayName());
        putList(a, "policies", t.policies());
        putList(a, "token_policies", t.policies());
        putMap(a, "metadata", t.meta());
        if (t.numUses() > 0) {
            a.put("num_uses", t.numUses());
        }
        putText(a, "entity_id", t.entityId());
        putText(a, "token_type", t.type());
        if (t.creationTtl() > 0) {
            a.put("token_ttl", t.creationTtl());
        }
        if (t.creationTime() > 0) {
            a.put("token_issue_time", GoTime.format(Instant.ofEpochSecond(t.creationTime())));
        }
        return a;
    }

    private ObjectNode newAuth(Auth auth) {
        ObjectNode a = mapper.createObjectNode();
        putText(a, "client_token", token(auth.clientToken()));
        putText(a, "accessor", accessor(auth.accessor()));
        putList(a, "policies", auth.policies());
        putList(a, "token_policies", auth.tokenPolicies());
        putList(a, "identity_policies", auth.identityPolicies());
        putMap(a, "metadata", auth.metadata());
        if (auth.numUses() > 0) {
            a.put("num_uses", auth.numUses());
        }
        putText(a, "entity_id", auth.entityId());
        putText(a, "token_type", auth.tokenType());
        if (auth.leaseDuration() > 0) {
            a.put("token_ttl", auth.leaseDuration());
        }
        return a;
    }

    private ObjectNode request(AuditInput in) {
        Request r = in.request();
        ObjectNode q = mapper.createObjectNode();
        q.put("id", r.id());
        q.put("operation", r.operation().capability());
        putMount(q, in.mount());
        putText(q, "client_token", token(in.clientToken()));
        if (in.caller() != null) {
            putText(q, "client_token_accessor", accessor(in.caller().accessor()));
        }
        q.set("namespace", mapper.createObjectNode().put("id", "root"));
        q.put("path", r.path());
        if (!r.data().isEmpty()) {
            q.set("data", data(r.data(), keep(in.mount(), true)));
        }
        putText(q, "remote_address", r.remoteAddress());
        return q;
    }

    private ObjectNode response(AuditInput in) {
        ObjectNode s = mapper.createObjectNode();
        putMount(s, in.mount());
        Response r = in.response();
        if (r == null) {
            return s;
        }
        if (r.auth() != null) {
            s.set("auth", newAuth(r.auth()));
        }
        if (r.data() != null) {
            s.set("data", data(r.data(), keep(in.mount(), false)));
        }
        putList(s, "warnings", r.warnings());
        return s;
    }

    private void putMount(ObjectNode node, MountEntry mount) {
        if (mount == null) {
            return;
        }
        putText(node, "mount_point", mount.apiPath());
        putText(node, "mount_type", mount.type());
        putText(node, "mount_accessor", mount.accessor());
    }

    /** The mount's {@code audit_non_hmac_request_keys} or {@code audit_non_hmac_response_keys}. */
    private static List<String> keep(MountEntry mount, boolean request) {
        if (mount == null) {
            return List.of();
        }
        return request ? mount.config().auditNonHmacRequestKeys() : mount.config().auditNonHmacResponseKeys();
    }

    private JsonNode data(Map<String, Object> data, Collection<String> keepKeys) {
        JsonNode tree = mapper.valueToTree(data);
        return options.logRaw() ? tree : HashWalk.hash(tree, hasher::hash, keepKeys);
    }

    /** Tokens are HMAC'd whatever {@code log_raw} says: the log never holds a usable token. */
    private String token(String value) {
        return value == null || value.isEmpty() ? "" : hasher.hash(value);
    }

    private String accessor(String value) {
        return value == null || value.isEmpty() || !options.hmacAccessor() ? value : hasher.hash(value);
    }

    private static void putText(ObjectNode node, String name, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(name, value);
        }
    }

    private void putList(ObjectNode node, String name, List<String> values) {
        if (values != null && !values.isEmpty()) {
            node.set(name, mapper.valueToTree(values));
        }
    }

    private void putMap(ObjectNode node, String name, Map<String, String> values) {
        if (values != null && !values.isEmpty()) {
            node.set(name, mapper.valueToTree(new TreeMap<>(values)));
        }
    }

    private byte[] line(ObjectNode entry) {
        try {
            String json = mapper.writeValueAsString(entry);
            return (options.prefix() + json + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry could not be rendered");
        }
    }
}

package io.coffer.builtin.auth.approle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.builtin.secrets.kv.GoTime;
import io.coffer.crypto.SecretBytes;
import io.coffer.sdk.logical.TokenParams;
import io.coffer.sdk.logical.exception.InternalException;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes and decodes the stored records of an AppRole mount as explicit, versioned JSON, the
 * format documented in {@code docs/storage-formats/approle.md}. Every record carries
 * {@code "format_version": 1}; a record of another version or a malformed record is refused with
 * an {@link InternalException} naming the record kind only, never its content. Thread-safe.
 */
final class AppRoleCodec {
    /** The format version written, and the only one read. */
    static final int FORMAT_VERSION = 1;
    private static final String HMAC_ALGORITHM = "HmacSHA256";

    private final ObjectMapper mapper = JsonMapper.builder().build();

    // ---- role ------------------------------------------------------------------------------

    byte[] encodeRole(RoleEntry role) {
        ObjectNode node = header();
        node.put("name", role.name());
        node.put("role_id", role.roleId());
        node.put("bind_secret_id", role.bindSecretId());
        strings(node.putArray("secret_id_bound_cidrs"), role.secretIdBoundCidrs());
        node.put("secret_id_num_uses", role.secretIdNumUses());
        node.put("secret_id_ttl", role.secretIdTtl());
        node.put("local_secret_ids", role.localSecretIds());
        TokenParams t = role.token();
        ObjectNode token = node.putObject("token");
        strings(token.putArray("policies"), t.policies());
        token.put("ttl", t.ttl());
        token.put("max_ttl", t.maxTtl());
        token.put("explicit_max_ttl", t.explicitMaxTtl());
        token.put("period", t.period());
        token.put("num_uses", t.numUses());
        strings(token.putArray("bound_cidrs"), t.boundCidrs());
        token.put("type", t.type());
        token.put("no_default_policy", t.noDefaultPolicy());
        node.put("legacy_policies", role.legacyPolicies());
        node.put("legacy_period", role.legacyPeriod());
        return write(node, "approle role");
    }

    RoleEntry decodeRole(byte[] bytes) {
        String kind = "approle role";
        JsonNode node = read(bytes, kind);
        try {
            JsonNode token = object(node, "token", kind);
            TokenParams params = new TokenParams(strings(token, "policies", kind), longField(token, "ttl", kind),
                    longField(token, "max_ttl", kind), longField(token, "explicit_max_ttl", kind),
                    longField(token, "period", kind), intField(token, "num_uses", kind),
                    strings(token, "bound_cidrs", kind), text(token, "type", kind), bool(token, "no_default_policy", kind));
            return new RoleEntry(text(node, "name", kind), text(node, "role_id", kind), bool(node, "bind_secret_id", kind),
                    strings(node, "secret_id_bound_cidrs", kind), intField(node, "secret_id_num_uses", kind),
                    longField(node, "secret_id_ttl", kind), bool(node, "local_secret_ids", kind), params,
                    bool(node, "legacy_policies", kind), bool(node, "legacy_period", kind));
        } catch (IllegalArgumentException e) {
            throw corrupt(kind);
        }
    }

    // ---- role-id index ---------------------------------------------------------------------

    byte[] encodeRoleIdIndex(String roleName) {
        ObjectNode node = header();
        node.put("role_name", roleName);
        return write(node, "approle role-id index");
    }

    /** The role name a role-id index record points to. */
    String decodeRoleIdIndex(byte[] bytes) {
        String kind = "approle role-id index";
        return text(read(bytes, kind), "role_name", kind);
    }

    // ---- secret ID -------------------------------------------------------------------------

    byte[] encodeSecretId(SecretIdEntry e) {
        ObjectNode node = header();
        node.put("secret_id_hmac", e.secretIdHmac());
        node.put("secret_id_accessor", e.accessor());
        node.put("role_name", e.roleName());
        node.put("num_uses", e.numUses());
        node.put("ttl", e.ttl());
        node.put("creation_time", GoTime.format(e.creationTime()));
        if (e.expirationTime() == null) {
            node.putNull("expiration_time");
        } else {
            node.put("expiration_time", GoTime.format(e.expirationTime()));
        }
        node.put("last_updated_time", GoTime.format(e.lastUpdatedTime()));
        ObjectNode metadata = node.putObject("metadata");
        e.metadata().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(m -> metadata.put(m.getKey(), m.getValue()));
        strings(node.putArray("cidr_list"), e.cidrList());
        strings(node.putArray("token_bound_cidrs"), e.tokenBoundCidrs());
        return write(node, "approle secret-id");
    }

    SecretIdEntry decodeSecretId(byte[] bytes) {
        String kind = "approle secret-id";
        JsonNode node = read(bytes, kind);
        try {
            JsonNode expiration = node.get("expiration_time");
            Instant expires = expiration == null || expiration.isNull() ? null : time(node, "expiration_time", kind);
            Map<String, String> metadata = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = object(node, "metadata", kind).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!f.getValue().isTextual()) {
                    throw corrupt(kind);
                }
                metadata.put(f.getKey(), f.getValue().textValue());
            }
            return new SecretIdEntry(text(node, "secret_id_hmac", kind), text(node, "secret_id_accessor", kind),
                    text(node, "role_name", kind), intField(node, "num_uses", kind), longField(node, "ttl", kind),
                    time(node, "creation_time", kind), expires, time(node, "last_updated_time", kind), metadata,
                    strings(node, "cidr_list", kind), strings(node, "token_bound_cidrs", kind));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw corrupt(kind);
        }
    }

    // ---- accessor index --------------------------------------------------------------------

    byte[] encodeAccessor(AccessorEntry e) {
        ObjectNode node = header();
        node.put("role_name", e.roleName());
        node.put("secret_id_hmac", e.secretIdHmac());
        return write(node, "approle accessor");
    }

    AccessorEntry decodeAccessor(byte[] bytes) {
        String kind = "approle accessor";
        JsonNode node = read(bytes, kind);
        return new AccessorEntry(text(node, "role_name", kind), text(node, "secret_id_hmac", kind));
    }

    // ---- HMAC key --------------------------------------------------------------------------

    /** The {@code hmac-key} record; the base64 text of the key is the only copy outside {@code key}. */
    byte[] encodeHmacKey(SecretBytes key, Instant created) {
        ObjectNode node = header();
        node.put("algorithm", HMAC_ALGORITHM);
        byte[] raw = key.copy();
        try {
            node.put("key", Base64.getEncoder().encodeToString(raw));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        node.put("created_time", GoTime.format(created));
        return write(node, "approle hmac-key");
    }

    /** The key of an {@code hmac-key} record, as a secret the caller closes. */
    SecretBytes decodeHmacKey(byte[] bytes) {
        String kind = "approle hmac-key";
        JsonNode node = read(bytes, kind);
        if (!HMAC_ALGORITHM.equals(text(node, "algorithm", kind))) {
            throw corrupt(kind);
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text(node, "key", kind));
        } catch (IllegalArgumentException e) {
            throw corrupt(kind);
        }
        if (raw.length != HmacKeyStore.KEY_BYTES) {
            Arrays.fill(raw, (byte) 0);
            throw corrupt(kind);
        }
        return SecretBytes.wrap(raw);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private ObjectNode header() {
        ObjectNode node = mapper.createObjectNode();
        node.put("format_version", FORMAT_VERSION);
        return node;
    }

    private byte[] write(JsonNode node, String kind) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new InternalException("failed to encode " + kind + " record");
        }
    }

    private JsonNode read(byte[] bytes, String kind) {
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (IOException e) {
            throw corrupt(kind);
        }
        if (node == null || !node.isObject()) {
            throw corrupt(kind);
        }
        JsonNode version = node.get("format_version");
        if (version == null || !version.isIntegralNumber()) {
            throw corrupt(kind);
        }
        if (version.longValue() != FORMAT_VERSION) {
            throw new InternalException("unsupported format_version of " + kind + " record");
        }
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode node, String name, String kind) {
        JsonNode v = node.get(name);
        if (v == null || !v.isArray()) {
            throw corrupt(kind);
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw corrupt(kind);
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static JsonNode object(JsonNode node, String name, String kind) {
        JsonNode v = node.get(name);
        if (v == null || !v.isObject()) {
            throw corrupt(kind);
        }
        return v;
    }

    private static String text(JsonNode node, String name, String kind) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual()) {
            throw corrupt(kind);
        }
        return v.textValue();
    }

    private static boolean bool(JsonNode node, String name, String kind) {
        JsonNode v = node.get(name);
        if (v == null || !v.isBoolean()) {
            throw corrupt(kind);
        }
        return v.booleanValue();
    }

    private static long longField(JsonNode node, String name, String kind) {
        JsonNode v = node.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw corrupt(kind);
        }
        return v.longValue();
    }

    private static int intField(JsonNode node, String name, String kind) {
        JsonNode v = node.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw corrupt(kind);
        }
        return v.intValue();
    }

    private static Instant time(JsonNode node, String name, String kind) {
        return GoTime.parse(text(node, name, kind));
    }

    private static InternalException corrupt(String kind) {
        return new InternalException("corrupt " + kind + " record");
    }
}

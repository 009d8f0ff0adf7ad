package io.coffer.builtin.auth.approle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.builtin.secrets.kv.GoTime;
import io.coffer.crypto.SecretBytes;
import io.coffer.sdk.logical.TokenParams;
import io.coffer.sdk.logical.exception.InternalException;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.coffer.builtin.storage.JsonRecords.addStrings;
import static io.coffer.builtin.storage.JsonRecords.bool;
import static io.coffer.builtin.storage.JsonRecords.corrupt;
import static io.coffer.builtin.storage.JsonRecords.intValue;
import static io.coffer.builtin.storage.JsonRecords.longValue;
import static io.coffer.builtin.storage.JsonRecords.newRecord;
import static io.coffer.builtin.storage.JsonRecords.object;
import static io.coffer.builtin.storage.JsonRecords.readRecord;
import static io.coffer.builtin.storage.JsonRecords.strings;
import static io.coffer.builtin.storage.JsonRecords.text;
import static io.coffer.builtin.storage.JsonRecords.write;

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
        ObjectNode node = newRecord(mapper, FORMAT_VERSION);
        node.put("name", role.name());
        node.put("role_id", role.roleId());
        node.put("bind_secret_id", role.bindSecretId());
        addStrings(node.putArray("secret_id_bound_cidrs"), role.secretIdBoundCidrs());
        node.put("secret_id_num_uses", role.secretIdNumUses());
        node.put("secret_id_ttl", role.secretIdTtl());
        node.put("local_secret_ids", role.localSecretIds());
        TokenParams t = role.token();
        ObjectNode token = node.putObject("token");
        addStrings(token.putArray("policies"), t.policies());
        token.put("ttl", t.ttl());
        token.put("max_ttl", t.maxTtl());
        token.put("explicit_max_ttl", t.explicitMaxTtl());
        token.put("period", t.period());
        token.put("num_uses", t.numUses());
        addStrings(token.putArray("bound_cidrs"), t.boundCidrs());
        token.put("type", t.type());
        token.put("no_default_policy", t.noDefaultPolicy());
        node.put("legacy_policies", role.legacyPolicies());
        node.put("legacy_period", role.legacyPeriod());
        return write(mapper, node, "approle role");
    }

    RoleEntry decodeRole(byte[] bytes) {
        String kind = "approle role";
        JsonNode node = readRecord(mapper, bytes, FORMAT_VERSION, kind);
        try {
            JsonNode token = object(node, "token", kind);
            TokenParams params = new TokenParams(strings(token, "policies", kind), longValue(token, "ttl", kind),
                    longValue(token, "max_ttl", kind), longValue(token, "explicit_max_ttl", kind),
                    longValue(token, "period", kind), intValue(token, "num_uses", kind),
                    strings(token, "bound_cidrs", kind), text(token, "type", kind), bool(token, "no_default_policy", kind));
            return new RoleEntry(text(node, "name", kind), text(node, "role_id", kind), bool(node, "bind_secret_id", kind),
                    strings(node, "secret_id_bound_cidrs", kind), intValue(node, "secret_id_num_uses", kind),
                    longValue(node, "secret_id_ttl", kind), bool(node, "local_secret_ids", kind), params,
                    bool(node, "legacy_policies", kind), bool(node, "legacy_period", kind));
        } catch (IllegalArgumentException e) {
            throw corrupt(kind);
        }
    }

    // ---- role-id index ---------------------------------------------------------------------

    byte[] encodeRoleIdIndex(String roleName) {
        ObjectNode node = newRecord(mapper, FORMAT_VERSION);
        node.put("role_name", roleName);
        return write(mapper, node, "approle role-id index");
    }

    /** The role name a role-id index record points to. */
    String decodeRoleIdIndex(byte[] bytes) {
        String kind = "approle role-id index";
        return text(readRecord(mapper, bytes, FORMAT_VERSION, kind), "role_name", kind);
    }

    // ---- secret ID -------------------------------------------------------------------------

    byte[] encodeSecretId(SecretIdEntry e) {
        ObjectNode node = newRecord(mapper, FORMAT_VERSION);
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
        addStrings(node.putArray("cidr_list"), e.cidrList());
        addStrings(node.putArray("token_bound_cidrs"), e.tokenBoundCidrs());
        return write(mapper, node, "approle secret-id");
    }

    SecretIdEntry decodeSecretId(byte[] bytes) {
        String kind = "approle secret-id";
        JsonNode node = readRecord(mapper, bytes, FORMAT_VERSION, kind);
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
                    text(node, "role_name", kind), intValue(node, "num_uses", kind), longValue(node, "ttl", kind),
                    time(node, "creation_time", kind), expires, time(node, "last_updated_time", kind), metadata,
                    strings(node, "cidr_list", kind), strings(node, "token_bound_cidrs", kind));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw corrupt(kind);
        }
    }

    // ---- accessor index --------------------------------------------------------------------

    byte[] encodeAccessor(AccessorEntry e) {
        ObjectNode node = newRecord(mapper, FORMAT_VERSION);
        node.put("role_name", e.roleName());
        node.put("secret_id_hmac", e.secretIdHmac());
        return write(mapper, node, "approle accessor");
    }

    AccessorEntry decodeAccessor(byte[] bytes) {
        String kind = "approle accessor";
        JsonNode node = readRecord(mapper, bytes, FORMAT_VERSION, kind);
        return new AccessorEntry(text(node, "role_name", kind), text(node, "secret_id_hmac", kind));
    }

    // ---- HMAC key --------------------------------------------------------------------------

    /** The {@code hmac-key} record; the base64 text of the key is the only copy outside {@code key}. */
    byte[] encodeHmacKey(SecretBytes key, Instant created) {
        ObjectNode node = newRecord(mapper, FORMAT_VERSION);
        node.put("algorithm", HMAC_ALGORITHM);
        byte[] raw = key.copy();
        try {
            node.put("key", Base64.getEncoder().encodeToString(raw));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        node.put("created_time", GoTime.format(created));
        return write(mapper, node, "approle hmac-key");
    }

    /** The key of an {@code hmac-key} record, as a secret the caller closes. */
    SecretBytes decodeHmacKey(byte[] bytes) {
        String kind = "approle hmac-key";
        JsonNode node = readRecord(mapper, bytes, FORMAT_VERSION, kind);
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

    private static Instant time(JsonNode node, String name, String kind) {
        return GoTime.parse(text(node, name, kind));
    }
}

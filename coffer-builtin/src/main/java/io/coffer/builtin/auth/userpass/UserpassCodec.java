package io.coffer.builtin.auth.userpass;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.sdk.logical.TokenParams;
import io.coffer.sdk.logical.exception.InternalException;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Encodes and decodes the stored records of the userpass method as explicit, versioned JSON,
 * the format documented in {@code docs/storage-formats/userpass.md}. Every record carries
 * {@code "format_version": 1}; a record of another version, or a malformed one, is refused
 * with an {@link InternalException} naming the record kind only, never its content (a user
 * record holds a password hash). Thread-safe.
 */
final class UserpassCodec {
    /** The format version this codec writes and the only one it reads. */
    static final int FORMAT_VERSION = 1;

    private static final String USER = "userpass user";
    private static final String FAILED_LOGINS = "userpass failed-login";

    private final ObjectMapper mapper = JsonMapper.builder().build();

    // ---- user/<name> --------------------------------------------------------------------

    byte[] encodeUser(UserEntry user) {
        TokenParams t = user.token();
        ObjectNode node = mapper.createObjectNode();
        node.put("format_version", FORMAT_VERSION);
        node.put("password_hash", user.passwordHash());
        strings(node.putArray("token_policies"), t.policies());
        node.put("token_ttl", t.ttl());
        node.put("token_max_ttl", t.maxTtl());
        node.put("token_explicit_max_ttl", t.explicitMaxTtl());
        node.put("token_period", t.period());
        node.put("token_num_uses", t.numUses());
        strings(node.putArray("token_bound_cidrs"), t.boundCidrs());
        node.put("token_type", t.type());
        node.put("token_no_default_policy", t.noDefaultPolicy());
        ArrayNode legacy = node.putArray("legacy_fields");
        user.legacyFields().stream().sorted().forEach(f -> legacy.add(f.wireName()));
        return write(node, USER);
    }

    UserEntry decodeUser(byte[] bytes) {
        JsonNode node = readObject(bytes, USER);
        checkFormat(node, USER);
        try {
            TokenParams token = new TokenParams(
                    stringList(node, "token_policies", USER),
                    longField(node, "token_ttl", USER),
                    longField(node, "token_max_ttl", USER),
                    longField(node, "token_explicit_max_ttl", USER),
                    longField(node, "token_period", USER),
                    intField(node, "token_num_uses", USER),
                    stringList(node, "token_bound_cidrs", USER),
                    textField(node, "token_type", USER),
                    boolField(node, "token_no_default_policy", USER));
            Set<LegacyField> legacy = EnumSet.noneOf(LegacyField.class);
            for (String name : stringList(node, "legacy_fields", USER)) {
                LegacyField f = LegacyField.byWireName(name);
                if (f == null) {
                    throw corrupt(USER);
                }
                legacy.add(f);
            }
            String hash = textField(node, "password_hash", USER);
            if (hash.isEmpty()) {
                throw corrupt(USER);
            }
            return new UserEntry(hash, token, legacy);
        } catch (IllegalArgumentException e) {
            throw corrupt(USER);
        }
    }

    // ---- lockout/<name> -----------------------------------------------------------------

    byte[] encodeFailedLogins(FailedLogins failures) {
        ObjectNode node = mapper.createObjectNode();
        node.put("format_version", FORMAT_VERSION);
        node.put("failed_attempts", failures.count());
        node.put("last_failed_time", failures.lastFailure().toString());
        return write(node, FAILED_LOGINS);
    }

    FailedLogins decodeFailedLogins(byte[] bytes) {
        JsonNode node = readObject(bytes, FAILED_LOGINS);
        checkFormat(node, FAILED_LOGINS);
        try {
            return new FailedLogins(intField(node, "failed_attempts", FAILED_LOGINS),
                    Instant.parse(textField(node, "last_failed_time", FAILED_LOGINS)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw corrupt(FAILED_LOGINS);
        }
    }

    // ---- helpers ------------------------------------------------------------------------

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private byte[] write(JsonNode node, String kind) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new InternalException("failed to encode " + kind + " record");
        }
    }

    private JsonNode readObject(byte[] bytes, String kind) {
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw corrupt(kind);
            }
            return node;
        } catch (IOException e) {
            throw corrupt(kind);
        }
    }

    private static void checkFormat(JsonNode node, String kind) {
        JsonNode v = node.get("format_version");
        if (v == null || !v.isIntegralNumber()) {
            throw corrupt(kind);
        }
        if (!v.canConvertToLong() || v.longValue() != FORMAT_VERSION) {
            throw new InternalException("unsupported format_version of " + kind + " record");
        }
    }

    private static String textField(JsonNode node, String name, String kind) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual()) {
            throw corrupt(kind);
        }
        return v.textValue();
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

    private static boolean boolField(JsonNode node, String name, String kind) {
        JsonNode v = node.get(name);
        if (v == null || !v.isBoolean()) {
            throw corrupt(kind);
        }
        return v.booleanValue();
    }

    private static List<String> stringList(JsonNode node, String name, String kind) {
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

    private static InternalException corrupt(String kind) {
        return new InternalException("corrupt " + kind + " record");
    }
}

package io.coffer.builtin.auth.userpass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.sdk.logical.TokenParams;
import io.coffer.sdk.logical.exception.InternalException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

import static io.coffer.builtin.storage.JsonRecords.addStrings;
import static io.coffer.builtin.storage.JsonRecords.bool;
import static io.coffer.builtin.storage.JsonRecords.corrupt;
import static io.coffer.builtin.storage.JsonRecords.intValue;
import static io.coffer.builtin.storage.JsonRecords.longValue;
import static io.coffer.builtin.storage.JsonRecords.newRecord;
import static io.coffer.builtin.storage.JsonRecords.readRecord;
import static io.coffer.builtin.storage.JsonRecords.strings;
import static io.coffer.builtin.storage.JsonRecords.text;
import static io.coffer.builtin.storage.JsonRecords.write;

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
        ObjectNode node = newRecord(mapper, FORMAT_VERSION);
        node.put("password_hash", user.passwordHash());
        addStrings(node.putArray("token_policies"), t.policies());
        node.put("token_ttl", t.ttl());
        node.put("token_max_ttl", t.maxTtl());
        node.put("token_explicit_max_ttl", t.explicitMaxTtl());
        node.put("token_period", t.period());
        node.put("token_num_uses", t.numUses());
        addStrings(node.putArray("token_bound_cidrs"), t.boundCidrs());
        node.put("token_type", t.type());
        node.put("token_no_default_policy", t.noDefaultPolicy());
        ArrayNode legacy = node.putArray("legacy_fields");
        user.legacyFields().stream().sorted().forEach(f -> legacy.add(f.wireName()));
        return write(mapper, node, USER);
    }

    UserEntry decodeUser(byte[] bytes) {
        JsonNode node = readRecord(mapper, bytes, FORMAT_VERSION, USER);
        try {
            TokenParams token = new TokenParams(
                    strings(node, "token_policies", USER),
                    longValue(node, "token_ttl", USER),
                    longValue(node, "token_max_ttl", USER),
                    longValue(node, "token_explicit_max_ttl", USER),
                    longValue(node, "token_period", USER),
                    intValue(node, "token_num_uses", USER),
                    strings(node, "token_bound_cidrs", USER),
                    text(node, "token_type", USER),
                    bool(node, "token_no_default_policy", USER));
            Set<LegacyField> legacy = EnumSet.noneOf(LegacyField.class);
            for (String name : strings(node, "legacy_fields", USER)) {
                LegacyField f = LegacyField.byWireName(name);
                if (f == null) {
                    throw corrupt(USER);
                }
                legacy.add(f);
            }
            String hash = text(node, "password_hash", USER);
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
        ObjectNode node = newRecord(mapper, FORMAT_VERSION);
        node.put("failed_attempts", failures.count());
        node.put("last_failed_time", failures.lastFailure().toString());
        return write(mapper, node, FAILED_LOGINS);
    }

    FailedLogins decodeFailedLogins(byte[] bytes) {
        JsonNode node = readRecord(mapper, bytes, FORMAT_VERSION, FAILED_LOGINS);
        try {
            return new FailedLogins(intValue(node, "failed_attempts", FAILED_LOGINS),
                    Instant.parse(text(node, "last_failed_time", FAILED_LOGINS)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw corrupt(FAILED_LOGINS);
        }
    }
}

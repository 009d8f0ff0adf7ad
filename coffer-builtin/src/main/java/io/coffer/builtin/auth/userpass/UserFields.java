package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.TokenFields;
import io.coffer.sdk.logical.TokenParams;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request fields the userpass endpoints share and their rules: the {@code password} (its
 * UTF-8 bytes, never echoed), the {@code token_*} settings with their legacy aliases
 * (policies folded to lower case, as Vault's {@code policyutil.ParsePolicies} does) and the
 * read view of a user.
 */
final class UserFields {
    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    private UserFields() {
    }

    /**
     * The password given in {@code d} as UTF-8 bytes, or {@code null} when absent. The caller
     * zeroes the array after use.
     *
     * @throws InvalidRequestException {@code missing password} when given empty
     */
    static byte[] password(FieldData d) {
        if (!d.has(PASSWORD)) {
            return null;
        }
        String value = d.getString(PASSWORD);
        if (value.isEmpty()) {
            throw new InvalidRequestException("missing password");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The password to store, as {@link #password(FieldData)}, also refusing what bcrypt cannot
     * hash whole.
     *
     * @throws InvalidRequestException when empty or longer than bcrypt reads
     */
    static byte[] newPassword(FieldData d) {
        byte[] password = password(d);
        if (password != null && password.length > BcryptHasher.MAX_PASSWORD_BYTES) {
            Arrays.fill(password, (byte) 0);
            throw new InvalidRequestException("password is too long: at most "
                    + BcryptHasher.MAX_PASSWORD_BYTES + " bytes are allowed");
        }
        return password;
    }

    /**
     * The token settings and legacy markers after applying the token fields in {@code d} to
     * {@code current}. A legacy field written by its old name is marked (and then shown on
     * reads); written through its {@code token_*} name only, it is unmarked, as Vault's
     * {@code tokenutil.UpgradeValue} does.
     *
     * @throws InvalidRequestException for a wrong type, a negative value, a TTL above the max
     *                                 TTL, an unknown token type or an invalid CIDR
     */
    static UserEntry applyTokenFields(FieldData d, UserEntry current) {
        TokenParams token = withLowerCasePolicies(TokenFields.read(d, current.token()));
        Set<LegacyField> legacy = current.legacyFields().isEmpty()
                ? EnumSet.noneOf(LegacyField.class) : EnumSet.copyOf(current.legacyFields());
        for (LegacyField f : LegacyField.values()) {
            if (d.has(f.wireName())) {
                legacy.add(f);
            } else if (d.has(f.successor())) {
                legacy.remove(f);
            }
        }
        return current.withToken(token, legacy);
    }

    /** {@code t} with its policies lower-cased, sorted and without duplicates. */
    static TokenParams withLowerCasePolicies(TokenParams t) {
        List<String> policies = t.policies().stream().map(p -> p.toLowerCase(Locale.ROOT)).sorted().distinct().toList();
        return new TokenParams(policies, t.ttl(), t.maxTtl(), t.explicitMaxTtl(), t.period(), t.numUses(),
                t.boundCidrs(), t.type(), t.noDefaultPolicy());
    }

    /**
     * A user as Vault's read shows it: every {@code token_*} field, plus each marked legacy
     * field mirroring its successor's value. Never the password or its hash.
     */
    static Map<String, Object> render(UserEntry user) {
        Map<String, Object> data = TokenFields.render(user.token());
        for (LegacyField f : user.legacyFields()) {
            data.put(f.wireName(), data.get(f.successor()));
        }
        return data;
    }
}

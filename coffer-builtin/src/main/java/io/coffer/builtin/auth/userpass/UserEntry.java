package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.logical.TokenParams;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One stored user: the bcrypt hash of the password and the token every login hands out.
 * Immutable. {@link #toString()} never shows the hash.
 *
 * @param passwordHash the bcrypt string ({@code $2b$10$…})
 * @param token        the {@code token_*} settings of the tokens issued on login
 * @param legacyFields the deprecated fields last written by their old names, shown on reads
 */
record UserEntry(String passwordHash, TokenParams token, Set<LegacyField> legacyFields) {

    UserEntry {
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(token, "token");
        legacyFields = legacyFields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(legacyFields));
    }

    UserEntry withPasswordHash(String newHash) {
        return new UserEntry(newHash, token, legacyFields);
    }

    UserEntry withToken(TokenParams newToken, Set<LegacyField> newLegacyFields) {
        return new UserEntry(passwordHash, newToken, newLegacyFields);
    }

    @Override
    public String toString() {
        return "UserEntry[token=" + token + ", legacyFields=" + legacyFields + "]";
    }
}

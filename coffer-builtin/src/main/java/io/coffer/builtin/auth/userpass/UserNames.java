package io.coffer.builtin.auth.userpass;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * User names as this method compares them: case-insensitive, stored lower-case, as Vault's
 * userpass does. {@link #normalise(String)} is the one mapping from a name as sent to the
 * identity it denotes, used for storage keys, logins and lockout counting alike, so that
 * {@code Alice}, {@code alice} and {@code " alice "} are one user and one lockout counter
 * (CVE-2025-6004).
 */
final class UserNames {
    /**
     * The path pattern of a user name in {@code users/…} endpoints: Vault's
     * {@code framework.GenericNameRegex}, a word character, optionally followed by word
     * characters, dots and dashes and ending in a word character.
     */
    static final String PATTERN = "\\w(?:[\\w.-]*\\w)?";

    private static final Pattern NAME = Pattern.compile(PATTERN);

    private UserNames() {
    }

    /** The identity a name denotes: surrounding whitespace removed, folded to lower case. */
    static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code normalisedName} can name a stored user (and so be a storage key segment). */
    static boolean isValid(String normalisedName) {
        return NAME.matcher(normalisedName).matches();
    }
}

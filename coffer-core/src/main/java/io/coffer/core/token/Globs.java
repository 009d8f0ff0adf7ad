package io.coffer.core.token;

import java.util.List;

/**
 * Vault's name globbing for token roles ({@code github.com/ryanuber/go-glob}): a {@code *}
 * stands for any run of characters, none included; every other character matches itself.
 */
final class Globs {
    private Globs() {
    }

    /** Whether {@code subject} matches {@code pattern}. */
    static boolean matches(String pattern, String subject) {
        if (pattern.isEmpty()) {
            return subject.isEmpty();
        }
        if (pattern.equals("*")) {
            return true;
        }
        String[] parts = pattern.split("\\*", -1);
        if (parts.length == 1) {
            return pattern.equals(subject);
        }
        if (!subject.startsWith(parts[0])) {
            return false;
        }
        int pos = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int at = subject.indexOf(parts[i], pos);
            if (at < 0) {
                return false;
            }
            pos = at + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return subject.length() - last.length() >= pos && subject.endsWith(last);
    }

    /** Whether any of {@code patterns} matches {@code subject} (Vault's {@code StrListContainsGlob}). */
    static boolean anyMatches(List<String> patterns, String subject) {
        for (String p : patterns) {
            if (matches(p, subject)) {
                return true;
            }
        }
        return false;
    }
}

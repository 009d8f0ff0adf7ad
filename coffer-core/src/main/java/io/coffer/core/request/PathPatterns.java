package io.coffer.core.request;

import java.util.List;

/** Matches a path against a backend's special-path list, where a trailing {@code *} is a prefix glob. */
final class PathPatterns {
    private PathPatterns() {
    }

    static boolean matches(List<String> patterns, String path) {
        for (String p : patterns) {
            if (p.endsWith("*") ? path.startsWith(p.substring(0, p.length() - 1)) : path.equals(p)) {
                return true;
            }
        }
        return false;
    }
}

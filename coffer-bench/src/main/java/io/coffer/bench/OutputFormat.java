package io.coffer.bench;

import java.util.Locale;

/** How results are printed: a human-readable table or a JSON array of result objects. */
public enum OutputFormat {
    /** Aligned columns plus error breakdown and the comparison against {@code health}. */
    TABLE,
    /** A JSON array with one object per scenario and client count. */
    JSON;

    /** Parses {@code table} or {@code json}, case-insensitively. */
    public static OutputFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "table" -> TABLE;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("format must be table or json");
        };
    }
}

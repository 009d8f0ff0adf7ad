package io.coffer.cli.output;

import java.util.Locale;

/** The output formats of {@code -format} / {@code VAULT_FORMAT}: human tables or Go-shaped JSON. */
public enum OutputFormat {
    TABLE,
    JSON;

    /**
     * Parses a format name case-insensitively.
     *
     * @throws IllegalArgumentException with vault's message ({@code Invalid output format: x})
     */
    public static OutputFormat parse(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "", "table":
                return TABLE;
            case "json":
                return JSON;
            default:
                throw new IllegalArgumentException("Invalid output format: " + name);
        }
    }
}

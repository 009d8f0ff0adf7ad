package io.coffer.cli.command;

import java.util.List;

/**
 * Declares one command-line flag: its name (given as {@code -name} or {@code --name}), optional
 * aliases, type, default value, help text and the help section it is listed under.
 *
 * @param defaultValue typed default: String, Long, Boolean, Duration, or null for none
 */
public record FlagSpec(
        String name,
        List<String> aliases,
        FlagType type,
        Object defaultValue,
        String usage,
        String section) {

    /** Creates a flag without aliases. */
    public static FlagSpec of(
            String section, String name, FlagType type, Object defaultValue, String usage) {
        return new FlagSpec(name, List.of(), type, defaultValue, usage, section);
    }

    /** Returns the same flag with extra accepted names. */
    public FlagSpec withAliases(String... names) {
        return new FlagSpec(name, List.of(names), type, defaultValue, usage, section);
    }
}

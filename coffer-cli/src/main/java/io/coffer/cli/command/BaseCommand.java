package io.coffer.cli.command;

import java.util.List;

/**
 * Convenience base for commands: holds the name, synopsis, help text and flags given at
 * construction, and offers vault's path normalization.
 */
public abstract class BaseCommand implements CliCommand {
    private final String name;
    private final String synopsis;
    private final String help;
    private final List<FlagSpec> flags;

    /** Creates the command description. */
    protected BaseCommand(String name, String synopsis, String help, List<FlagSpec> flags) {
        this.name = name;
        this.synopsis = synopsis;
        this.help = help;
        this.flags = List.copyOf(flags);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String synopsis() {
        return synopsis;
    }

    @Override
    public final String help() {
        return help;
    }

    @Override
    public final List<FlagSpec> flags() {
        return flags;
    }

    /** Removes leading and trailing slashes and whitespace (vault's {@code sanitizePath}). */
    protected static String sanitizePath(String s) {
        return PathArgs.sanitize(s);
    }

    /** Ensures exactly one trailing slash (vault's {@code ensureTrailingSlash}). */
    protected static String ensureTrailingSlash(String s) {
        return PathArgs.ensureTrailingSlash(s);
    }
}

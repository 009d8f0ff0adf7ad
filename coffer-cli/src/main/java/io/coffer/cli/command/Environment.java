package io.coffer.cli.command;

import java.nio.file.Path;
import java.util.Map;

/**
 * The process environment as the CLI sees it: environment variables, home directory (for
 * {@code ~/.vault-token}) and working directory (for relative file arguments).
 *
 * <p>Injected rather than read from {@code System.getenv()}, so tests can run commands
 * in-process with their own environment.
 */
public record Environment(Map<String, String> variables, Path home, Path workingDir) {

    /** Copies the variables so later changes by the caller do not leak in. */
    public Environment {
        variables = Map.copyOf(variables);
    }

    /** Returns the variable's value, or {@code ""} when unset (Go's {@code os.Getenv}). */
    public String get(String name) {
        String v = variables.get(name);
        return v == null ? "" : v;
    }

    /** True when the variable is set to a non-empty value. */
    public boolean has(String name) {
        return !get(name).isEmpty();
    }

    /** Builds the environment from variables, taking the home from {@code HOME} when set. */
    public static Environment of(Map<String, String> variables, Path fallbackHome, Path workingDir) {
        String home = variables.get("HOME");
        Path h = home == null || home.isEmpty() ? fallbackHome : Path.of(home);
        return new Environment(variables, h, workingDir);
    }
}

package io.coffer.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.cli.CofferCli;
import io.coffer.it.http.VaultHttp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the coffer CLI in-process ({@link CofferCli#run}) against a server, with its own
 * environment ({@code VAULT_ADDR}, {@code VAULT_TOKEN}, {@code HOME}) and captured streams.
 */
public final class CliSession {
    /** Exit code and the two output streams of one CLI run. */
    public record Result(int exitCode, String out, String err) {
        /** Standard output parsed as JSON. */
        public JsonNode json() {
            try {
                return VaultHttp.JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("stdout is not JSON: " + out, e);
            }
        }
    }

    private final Map<String, String> env = new HashMap<>();

    public CliSession(String address, String token, Path home) {
        env.put("VAULT_ADDR", address);
        if (token != null) {
            env.put("VAULT_TOKEN", token);
        }
        env.put("HOME", home.toString());
    }

    /** Sets or (with null) removes an environment variable for later runs. */
    public CliSession env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** Runs one command line with empty standard input. */
    public Result run(String... args) {
        return runWithStdin("", args);
    }

    /** Runs one command line with the given standard input. */
    public Result runWithStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CofferCli.run(args, Map.copyOf(env),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

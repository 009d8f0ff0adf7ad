package io.coffer.cli;

import io.coffer.cli.api.HttpTransports;
import io.coffer.cli.command.CliContext;
import io.coffer.cli.command.Environment;
import io.coffer.cli.input.ConsoleSecretPrompt;
import io.coffer.cli.input.SecretPrompt;
import io.coffer.cli.input.StreamSecretPrompt;
import io.coffer.cli.json.JsonReader;
import io.coffer.cli.output.Ui;
import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the {@code coffer} command-line client, a drop-in for the {@code vault} CLI that
 * talks to a Coffer (or Vault) server over HTTP.
 *
 * <p>{@link #run(String[], Map, InputStream, PrintStream, PrintStream)} runs one command
 * in-process with an injected environment and streams and returns the exit code (0 ok, 1 usage or
 * local error, 2 server/API error); {@link #main(String[])} binds it to the real process.
 */
public final class CofferCli {
    private CofferCli() {}

    /** Runs the CLI for this process and exits with its exit code. */
    public static void main(String[] args) {
        boolean terminal = System.console() != null;
        int code = run(args, System.getenv(), System.in, System.out, System.err, terminal);
        System.out.flush();
        HttpThreads.stopSelectors();
        System.exit(code);
    }

    /**
     * Runs one command line in-process.
     *
     * @param args the arguments after the program name, e.g. {@code ["kv", "get", "secret/foo"]}
     * @param env environment variables ({@code VAULT_ADDR}, {@code VAULT_TOKEN}, {@code HOME}...)
     * @param stdin standard input (for {@code -} arguments)
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(
            String[] args, Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err) {
        return run(args, env, stdin, out, err, false);
    }

    /** As {@link #run(String[], Map, InputStream, PrintStream, PrintStream)}, for a terminal. */
    static int run(
            String[] args,
            Map<String, String> env,
            InputStream stdin,
            PrintStream out,
            PrintStream err,
            boolean terminal) {
        Environment environment =
                Environment.of(
                        env, Path.of(System.getProperty("user.home", ".")), Path.of("").toAbsolutePath());
        Ui ui = new Ui(out, err, terminal);
        Console console = terminal ? System.console() : null;
        SecretPrompt prompt =
                console != null ? new ConsoleSecretPrompt(console) : new StreamSecretPrompt(stdin, ui);
        CliContext ctx =
                new CliContext(
                        environment,
                        stdin,
                        ui,
                        terminal,
                        new JsonReader(),
                        new HttpTransports(),
                        prompt);
        return new CliRunner(ctx).run(List.of(args));
    }
}

package io.coffer.cli;

import io.coffer.cli.api.ClientSettings;
import io.coffer.cli.api.HttpTransports;
import io.coffer.cli.api.Transport;
import io.coffer.cli.command.CliContext;
import io.coffer.cli.command.Environment;
import io.coffer.cli.input.StreamSecretPrompt;
import io.coffer.cli.json.JsonReader;
import io.coffer.cli.output.Ui;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs CLI commands in-process against a {@link FakeTransport} or, for a {@link RecordingHttpServer},
 * the real HTTP transport, capturing output.
 */
public final class CliHarness {
    /** Outcome of one run. */
    public record Result(int exitCode, String out, String err) {}

    private final Function<ClientSettings, Transport> transports;
    private final Map<String, String> env = new HashMap<>();
    private final Path home;
    private String stdin = "";

    public CliHarness(FakeTransport transport, Path home) {
        this(settings -> transport, home, "http://127.0.0.1:8200");
    }

    /** Runs against a live loopback server through the production transport. */
    public CliHarness(RecordingHttpServer server, Path home) {
        this(new HttpTransports(), home, server.address());
    }

    private CliHarness(Function<ClientSettings, Transport> transports, Path home, String address) {
        this.transports = transports;
        this.home = home;
        env.put("VAULT_ADDR", address);
        env.put("VAULT_TOKEN", "s.test-token");
        env.put("HOME", home.toString());
    }

    public CliHarness env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public CliHarness stdin(String text) {
        this.stdin = text;
        return this;
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        Ui ui = new Ui(o, e, false);
        CliContext ctx =
                new CliContext(
                        Environment.of(env, home, home),
                        in,
                        ui,
                        false,
                        new JsonReader(),
                        transports,
                        new StreamSecretPrompt(in, ui));
        int code = new CliRunner(ctx).run(List.of(args));
        return new Result(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

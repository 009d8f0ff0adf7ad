package io.coffer.cli.command;

import io.coffer.cli.api.ClientSettings;
import io.coffer.cli.api.Secret;
import io.coffer.cli.api.TokenStore;
import io.coffer.cli.api.VaultClient;
import io.coffer.cli.input.KeyValueArgs;
import io.coffer.cli.output.Durations;
import io.coffer.cli.output.OutputFormat;
import io.coffer.cli.output.SecretPrinter;
import io.coffer.cli.output.Ui;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One run of a command: its parsed flags and arguments, the context, the resolved output format,
 * and the API client, which is created on first use from flags, environment and token file.
 */
public final class Invocation {
    private final CliContext ctx;
    private final ParsedArgs args;
    private final OutputFormat format;
    private VaultClient client;

    /**
     * Creates the invocation and resolves the output format ({@code -format}, else {@code
     * VAULT_FORMAT}, else table).
     *
     * @throws UsageException for an unknown format
     */
    public Invocation(CliContext ctx, ParsedArgs args) throws UsageException {
        this.ctx = ctx;
        this.args = args;
        String f = "";
        if (args.declares("format") && args.isSet("format")) {
            f = args.string("format");
        } else if (ctx.env().has("VAULT_FORMAT")) {
            f = ctx.env().get("VAULT_FORMAT");
        }
        try {
            this.format = OutputFormat.parse(f);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The positional arguments. */
    public List<String> args() {
        return args.args();
    }

    /** The parsed flags. */
    public ParsedArgs flags() {
        return args;
    }

    public Ui ui() {
        return ctx.ui();
    }

    public OutputFormat format() {
        return format;
    }

    /** A printer for the resolved format. */
    public SecretPrinter printer() {
        return new SecretPrinter(ctx.ui(), format);
    }

    /** The {@code -field} value, or {@code ""}. */
    public String field() {
        return args.declares("field") ? args.string("field") : "";
    }

    /** Prints the {@code -field} value when one was asked for, else the whole secret. */
    public int printSecret(Secret secret) {
        String f = field();
        return f.isEmpty() ? printer().outputSecret(secret) : printer().printRawField(secret, f);
    }

    /**
     * Prints {@code message} to standard error and returns the exception that ends the command
     * with {@code exitCode}.
     */
    public ExitException fail(int exitCode, String message) {
        ctx.ui().error(message);
        return new ExitException(exitCode);
    }

    public CliContext context() {
        return ctx;
    }

    public InputStream stdin() {
        return ctx.stdin();
    }

    /** A parser for {@code key=value} data arguments reading from this run's stdin. */
    public KeyValueArgs keyValues() {
        return new KeyValueArgs(ctx.stdin(), ctx.json(), ctx.env().workingDir());
    }

    /** Resolves a file argument against the working directory. */
    public Path file(String name) {
        return ctx.env().workingDir().resolve(name);
    }

    /** The token file in the user's home directory. */
    public TokenStore tokenStore() {
        return TokenStore.inHome(ctx.env().home());
    }

    /**
     * Throws unless the number of positional arguments is between {@code min} and {@code max}
     * inclusive, with vault's messages.
     */
    public void expectArgs(int min, int max) throws UsageException {
        int n = args.args().size();
        String expected = min == max ? Integer.toString(min) : min + "-" + max;
        if (n < min) {
            throw new UsageException("Not enough arguments (expected " + expected + ", got " + n + ")");
        }
        if (n > max) {
            throw new UsageException("Too many arguments (expected " + expected + ", got " + n + ")");
        }
    }

    /**
     * Returns the API client, creating it on first use.
     *
     * @throws ClientSetupException when the address, TLS settings or token file are unusable
     */
    public VaultClient client() throws ClientSetupException {
        if (client == null) {
            ClientSettings settings = settings();
            client = new VaultClient(settings, ctx.transports().apply(settings), ctx.json());
        }
        return client;
    }

    private ClientSettings settings() throws ClientSetupException {
        Environment env = ctx.env();
        String addr = flagOrEnv("address", "VAULT_ADDR");
        if (addr.isEmpty()) {
            addr = ClientSettings.DEFAULT_ADDRESS;
        }
        URI address;
        try {
            address = new URI(addr.strip());
        } catch (URISyntaxException e) {
            throw new ClientSetupException("parse \"" + addr + "\": " + e.getReason());
        }
        if (address.getScheme() == null || address.getHost() == null) {
            throw new ClientSetupException(
                    "invalid address \"" + addr + "\": expected scheme://host[:port], e.g."
                            + " http://127.0.0.1:8200");
        }
        String token = env.get("VAULT_TOKEN").strip();
        if (token.isEmpty()) {
            try {
                token = tokenStore().read();
            } catch (IOException e) {
                throw new ClientSetupException("error reading token file: " + e.getMessage());
            }
        }
        String caCert = flagOrEnv("ca-cert", "VAULT_CACERT");
        String caPath = flagOrEnv("ca-path", "VAULT_CAPATH");
        boolean skip;
        if (args.declares("tls-skip-verify") && args.isSet("tls-skip-verify")) {
            skip = args.bool("tls-skip-verify");
        } else {
            skip = parseGoBool(env.get("VAULT_SKIP_VERIFY"), "VAULT_SKIP_VERIFY");
        }
        Duration timeout = Duration.ofSeconds(60);
        if (env.has("VAULT_CLIENT_TIMEOUT")) {
            try {
                timeout = Durations.parse(env.get("VAULT_CLIENT_TIMEOUT"));
            } catch (IllegalArgumentException e) {
                throw new ClientSetupException("could not parse VAULT_CLIENT_TIMEOUT");
            }
        }
        return new ClientSettings(
                address,
                token,
                caCert.isEmpty() ? null : file(caCert),
                caPath.isEmpty() ? null : file(caPath),
                skip,
                flagOrEnv("namespace", "VAULT_NAMESPACE"),
                timeout);
    }

    private String flagOrEnv(String flag, String envVar) {
        if (args.declares(flag) && args.isSet(flag)) {
            return args.string(flag);
        }
        return ctx.env().get(envVar);
    }

    private static boolean parseGoBool(String v, String name) throws ClientSetupException {
        if (v.isEmpty()) {
            return false;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "t", "true":
                return true;
            case "0", "f", "false":
                return false;
            default:
                throw new ClientSetupException("could not parse " + name);
        }
    }
}

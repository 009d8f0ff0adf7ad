package io.coffer.server;

import io.coffer.core.CofferVersion;
import io.coffer.server.config.ConfiguredNode;
import io.coffer.server.config.RootLogLevel;
import io.coffer.server.config.ServerConfig;
import io.coffer.server.config.ServerConfigException;
import io.coffer.server.config.ServerConfigParser;
import io.coffer.server.config.StartupBanner;
import io.coffer.server.config.StorageBackends;
import io.coffer.server.runtime.CommonPoolParallelism;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * {@code coffer server}: starts a node, as {@code vault server} does. With {@code -dev}: an
 * in-memory, unsealed dev node. With {@code -config=FILE} (repeatable; a directory means its
 * {@code .hcl} and {@code .json} files): a node on the configured storage and listeners that
 * comes up sealed — uninitialised on first start — and waits for {@code sys/init} and
 * {@code sys/unseal}; SIGTERM closes the listeners and the storage. A configuration error is
 * printed (naming key, block, file and line) and exits with 1.
 */
@Command(name = "server", mixinStandardHelpOptions = false,
        description = "Start a Coffer server.",
        footer = {"", "Examples:", "  Start a server from a configuration file (HCL or JSON, Vault's format):",
                "    $ coffer server -config=/etc/coffer/server.hcl", "",
                "  Start a dev server (in-memory, unsealed, root token printed):",
                "    $ coffer server -dev", "", "  With a chosen root token and address:",
                "    $ coffer server -dev -dev-root-token-id=root -dev-listen-address=127.0.0.1:8200"})
public final class ServerCommand implements Callable<Integer> {
    @Option(names = {"-dev", "--dev"}, description = "Run an in-memory, auto-unsealed dev server.")
    boolean dev;

    @Option(names = {"-dev-root-token-id", "--dev-root-token-id"}, paramLabel = "ID", description = "Root token id in dev mode.")
    String devRootTokenId;

    @Option(names = {"-dev-listen-address", "--dev-listen-address"}, paramLabel = "HOST:PORT",
            description = "Address to bind in dev mode (default 127.0.0.1:8200).", defaultValue = "127.0.0.1:8200")
    String devListenAddress;

    @Option(names = {"-config", "--config"}, paramLabel = "FILE",
            description = "Server configuration file or directory (HCL or JSON); may be repeated.")
    List<Path> configs = new ArrayList<>();

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<StorageBackends> backends;

    /** A command printing its banner to {@code out} and errors to {@link System#err}. */
    public ServerCommand(PrintStream out) {
        this(out, System.err);
    }

    /** A command printing its banner to {@code out} and errors to {@code err}. */
    public ServerCommand(PrintStream out, PrintStream err) {
        this(out, err, StorageBackends::new);
    }

    ServerCommand(PrintStream out, PrintStream err, Supplier<StorageBackends> backends) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.backends = Objects.requireNonNull(backends, "backends");
    }

    @Override
    public Integer call() throws Exception {
        if (dev && !configs.isEmpty()) {
            err.println("Error: -dev and -config cannot be combined; a dev server takes no configuration file");
            return 1;
        }
        if (!dev) {
            return runConfigured();
        }
        DevServer server = DevServer.start(devListenAddress, devRootTokenId);
        printBanner(server);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "coffer-shutdown"));
        stopped.await();
        return 0;
    }

    private int runConfigured() throws InterruptedException {
        if (configs.isEmpty()) {
            err.println("Error: a configuration is required: coffer server -config=FILE (or -dev for a dev server)");
            return 1;
        }
        ConfiguredNode node;
        try {
            node = startConfigured();
        } catch (ServerConfigException e) {
            err.println("Error loading configuration: " + e.getMessage());
            return 1;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            err.println("Error starting server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("==> Coffer shutdown triggered");
            out.flush();
            node.close();
            stopped.countDown();
        }, "coffer-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * Loads the {@code -config} files, applies {@code log_level}, opens the storage, starts every
     * listener and prints the banner. The node is sealed; the caller closes it.
     *
     * @throws ServerConfigException         if the configuration is invalid
     * @throws UnsupportedOperationException if it asks for what this version cannot serve
     * @throws IllegalStateException         if storage or a listener cannot be started
     */
    public ConfiguredNode startConfigured() {
        ServerConfig config = new ServerConfigParser().load(configs);
        RootLogLevel.apply(config.logLevel());
        ConfiguredNode node = ConfiguredNode.start(config, backends.get(), Clock.systemUTC(), new SecureRandom());
        StartupBanner.lines(node).forEach(out::println);
        out.flush();
        return node;
    }

    private void printBanner(DevServer server) {
        out.println("==> Coffer server configuration:");
        out.println();
        out.println("             Api Address: " + server.address());
        out.println("               Log Level: info");
        out.println("                 Storage: inmem");
        out.println("                 Version: Coffer v" + CofferVersion.COFFER_VERSION + " (Vault API " + CofferVersion.VERSION + ")");
        out.println();
        out.println("==> Coffer server started! Log data will stream in below:");
        out.println();
        out.println("WARNING! dev mode is enabled! In this mode, Coffer runs entirely in-memory");
        out.println("and starts unsealed with a single unseal key. The root token is already");
        out.println("authenticated to the CLI, so you can immediately begin using Coffer.");
        out.println();
        out.println("You may need to set the following environment variables:");
        out.println();
        out.println("    $ export VAULT_ADDR='" + server.address() + "'");
        out.println();
        out.println("The unseal key and root token are displayed below in case you want to");
        out.println("seal/unseal the Vault or re-authenticate.");
        out.println();
        out.println("Unseal Key: " + server.unsealKey());
        out.println("Root Token: " + server.rootToken());
        out.println();
        out.println("Development mode should NOT be used in production installations!");
        out.flush();
    }

    /** Entry point of the server distribution. */
    public static void main(String[] args) {
        CommonPoolParallelism.apply();
        CommandLine cli = new CommandLine(new ServerCommand(System.out));
        String[] rest = args.length > 0 && args[0].equals("server") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        System.exit(cli.execute(rest));
    }
}

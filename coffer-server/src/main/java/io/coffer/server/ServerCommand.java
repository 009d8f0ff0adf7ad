package io.coffer.server;

import io.coffer.core.CofferVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code coffer server}: starts a node. Only dev mode exists so far; {@code -config} is
 * reserved for the file/raft storage configuration.
 */
@Command(name = "server", mixinStandardHelpOptions = false,
        description = "Start a Coffer server.",
        footer = {"", "Examples:", "  Start a dev server (in-memory, unsealed, root token printed):",
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

    @Option(names = {"-config", "--config"}, paramLabel = "FILE", description = "Server configuration file (HCL or JSON).")
    String config;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final PrintStream out;

    public ServerCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (!dev) {
            out.println("A configuration file is not supported yet; start with -dev.");
            return 1;
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
        CommandLine cli = new CommandLine(new ServerCommand(System.out));
        String[] rest = args.length > 0 && args[0].equals("server") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        System.exit(cli.execute(rest));
    }
}

package io.coffer.server.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code coffer cluster up|down|status}: a three-node cluster on 127.0.0.1 in one command (see
 * {@link LocalCluster}).
 */
@Command(name = "cluster", description = "Run a local 3-node Coffer cluster (Raft storage) on 127.0.0.1.",
        footer = {"", "Examples:", "  $ coffer cluster up                      # ports 8200/8210/8220, Raft on 8201/8211/8221",
                "  $ coffer cluster up -ports=9200,9210,9220 -dir=/tmp/c", "  $ coffer cluster status",
                "  $ coffer cluster down"})
public final class ClusterCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "up|down|status", description = "What to do.")
    String action;

    @Option(names = {"-dir", "--dir"}, paramLabel = "DIR", description = "Cluster directory (default .coffer/cluster).",
            defaultValue = ".coffer/cluster")
    Path dir;

    @Option(names = {"-ports", "--ports"}, paramLabel = "P1,P2,P3", split = ",",
            description = "API ports of the three nodes (default 8200,8210,8220); Raft uses port+1.")
    List<Integer> ports = List.of(8200, 8210, 8220);

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final PrintStream out;
    private final PrintStream err;

    public ClusterCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        LocalCluster cluster;
        try {
            cluster = new LocalCluster(dir, ports, new NodeLauncher(), new ClusterHttp(), out);
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
        try {
            switch (action) {
                case "up" -> cluster.up();
                case "down" -> cluster.down();
                case "status" -> cluster.status();
                default -> {
                    err.println("Error: unknown action \"" + action + "\"; use up, down or status");
                    return 1;
                }
            }
            return 0;
        } catch (IllegalStateException e) {
            err.println("Error: " + e.getMessage());
            return 2;
        }
    }

    /** Entry point of {@code coffer cluster}. */
    public static void main(String[] args) {
        String[] rest = args.length > 0 && args[0].equals("cluster") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        System.exit(new CommandLine(new ClusterCommand(System.out, System.err)).execute(rest));
    }
}

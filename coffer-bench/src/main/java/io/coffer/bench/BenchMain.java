package io.coffer.bench;

import picocli.CommandLine;

/**
 * Stand-alone entry point for the load generator: runs {@link BenchCommand} with the process
 * arguments and environment and exits with its exit code.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Runs the benchmark and exits with 0, 1 (usage/local error) or 2 (server error). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}

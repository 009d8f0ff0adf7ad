package io.coffer.it.cluster;

import io.coffer.core.testing.LoopbackPorts;
import io.coffer.it.http.VaultHttp;
import io.coffer.server.local.ClusterHttp;
import io.coffer.server.local.LocalCluster;
import io.coffer.server.local.NodeLauncher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A real three-node Coffer cluster for a test class: three {@code coffer server} JVMs on
 * loopback (Raft storage, retry_join), brought up by {@link LocalCluster} — initialised,
 * joined and unsealed — with helpers to find the active node, kill and restart nodes and talk
 * HTTP to each. {@link #close()} kills every node and deletes the directory.
 */
final class ClusterFixture implements AutoCloseable {
    private final Path dir;
    private final LocalCluster cluster;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final String token;

    private ClusterFixture(Path dir, LocalCluster cluster, String token) {
        this.dir = dir;
        this.cluster = cluster;
        this.token = token;
    }

    /** Starts, initialises, joins and unseals a fresh cluster. */
    static ClusterFixture start() throws Exception {
        Path dir = Files.createTempDirectory("coffer-cluster-");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalCluster cluster = new LocalCluster(dir, freePortPairs(3), new NodeLauncher(), new ClusterHttp(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            cluster.up();
        } catch (Exception | AssertionError e) {
            String logs = logs(dir);
            cluster.down();
            throw new IllegalStateException("cluster did not come up: " + e.getMessage() + "\n" + logs, e);
        }
        ClusterFixture f = new ClusterFixture(dir, cluster, cluster.rootToken());
        f.output.writeBytes(out.toByteArray());
        f.http(0).post("sys/mounts/secret", "{\"type\":\"kv\",\"options\":{\"version\":\"2\"}}").token(f.token).send();
        return f;
    }

    /** Three API ports p whose p+1 (Raft) is free as well. */
    private static List<Integer> freePortPairs(int n) {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < n) {
            ports.add(LoopbackPorts.nextRun(2));
        }
        return ports;
    }

    String rootToken() {
        return token;
    }

    String address(int i) {
        return cluster.address(i);
    }

    VaultHttp http(int i) {
        return new VaultHttp(address(i));
    }

    LocalCluster cluster() {
        return cluster;
    }

    Path directory() {
        return dir;
    }

    /** The status {@code HEAD sys/health} answers on node {@code i}, or -1 when it does not answer. */
    int health(int i) {
        try {
            return http(i).call("HEAD", "sys/health").timeout(Duration.ofSeconds(2)).send().status();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Waits until exactly one node answers 200 on {@code sys/health} and returns its index. */
    int awaitActive(Duration timeout) {
        int[] active = {-1};
        await(() -> {
            int found = -1;
            int count = 0;
            for (int i = 0; i < 3; i++) {
                if (health(i) == 200) {
                    found = i;
                    count++;
                }
            }
            active[0] = found;
            return count == 1;
        }, timeout, "exactly one active node");
        return active[0];
    }

    void kill(int i) throws InterruptedException {
        cluster.kill(i);
    }

    /** Starts node {@code i} again and unseals it. */
    void restartAndUnseal(int i) throws IOException, InterruptedException {
        cluster.start(i);
        cluster.unseal(i);
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Every node's log, for failure messages (logs carry no key material). */
    String logs() {
        return logs(dir);
    }

    private static String logs(Path dir) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            Path log = dir.resolve("node" + i + ".log");
            try {
                String text = Files.exists(log) ? Files.readString(log) : "(no log)";
                b.append("---- node").append(i).append(" ----\n")
                        .append(text.length() > 6000 ? text.substring(text.length() - 6000) : text).append('\n');
            } catch (IOException e) {
                b.append("(unreadable log ").append(log).append(")\n");
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws Exception {
        for (int i = 0; i < 3; i++) {
            cluster.kill(i);
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

package io.coffer.raft;

import io.coffer.core.testing.LoopbackPorts;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageEntry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import static org.awaitility.Awaitility.await;

/**
 * A Raft cluster of real Ratis servers on loopback ports in this JVM, for tests and the
 * throughput measurement: node {@code i} is {@code node-i} and lives in {@code root/node-i}.
 * Each node records fail-stops instead of halting. Closing the cluster closes every node in
 * parallel (a Ratis server takes about a second to close).
 */
public final class TestCluster implements AutoCloseable {
    private final Path root;
    private final List<RaftPeerAddress> peers;
    private final UnaryOperator<RaftNodeConfig.Builder> tuning;
    private final RaftNode[] nodes;
    private final RecordingFailStop[] failStops;

    private TestCluster(Path root, int size, UnaryOperator<RaftNodeConfig.Builder> tuning) throws IOException {
        this.root = root;
        this.tuning = tuning;
        this.peers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            peers.add(new RaftPeerAddress("node-" + i, "127.0.0.1", LoopbackPorts.next()));
        }
        this.nodes = new RaftNode[size];
        this.failStops = new RecordingFailStop[size];
    }

    /** Starts {@code size} nodes with test settings (3 s write timeout, small log segments). */
    public static TestCluster start(Path root, int size) throws IOException {
        return start(root, size, b -> b);
    }

    /** Starts {@code size} nodes, each configuration adjusted by {@code tuning}. */
    public static TestCluster start(Path root, int size, UnaryOperator<RaftNodeConfig.Builder> tuning) throws IOException {
        TestCluster cluster = new TestCluster(root, size, tuning);
        try {
            for (int i = 0; i < size; i++) {
                cluster.restart(i);
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }


    /** Node {@code i} (null while stopped). */
    public RaftNode node(int i) {
        return nodes[i];
    }

    public int size() {
        return nodes.length;
    }

    public Path directory(int i) {
        return root.resolve("node-" + i);
    }

    public RecordingFailStop failStop(int i) {
        return failStops[i];
    }

    /** Starts node {@code i} on its directory (again). */
    public RaftNode restart(int i) {
        failStops[i] = new RecordingFailStop();
        RaftNodeConfig.Builder builder = RaftNodeConfig.builder("node-" + i, directory(i))
                .peers(peers)
                .writeTimeout(Duration.ofSeconds(3))
                .logSegmentSize(64 * 1024)
                .trailingLogs(0)
                .failStop(failStops[i]);
        nodes[i] = RaftNode.start(tuning.apply(builder).build());
        return nodes[i];
    }

    /** Closes node {@code i}. */
    public void stop(int i) {
        if (nodes[i] != null) {
            nodes[i].close();
        }
    }

    /** Deletes node {@code i}'s whole directory (log, snapshots, store); stop it first. */
    public void wipe(int i) throws IOException {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(directory(i))) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                java.nio.file.Files.delete(p);
            }
        }
    }

    /** Waits until exactly one running node is the ready leader, and returns its index. */
    public int awaitLeader(Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(this::leaderIndex, Optional::isPresent).orElseThrow();
    }

    private Optional<Integer> leaderIndex() {
        Integer found = null;
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] != null && nodes[i].isRunning() && nodes[i].isLeader()) {
                if (found != null) {
                    return Optional.empty();
                }
                found = i;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Every key under {@code prefix} (recursively) with its value, in key order. */
    public static Map<String, byte[]> contents(Storage storage, String prefix) {
        Map<String, byte[]> out = new TreeMap<>();
        for (String child : storage.list(prefix)) {
            String key = prefix + child;
            if (child.endsWith("/")) {
                out.putAll(contents(storage, key));
            } else {
                StorageEntry entry = storage.get(key);
                if (entry != null) {
                    out.put(key, entry.value());
                }
            }
        }
        return out;
    }

    /** {@link #contents} as hex strings, comparable with {@code equals}. */
    public static Map<String, String> snapshotOf(Storage storage) {
        Map<String, String> out = new HashMap<>();
        contents(storage, "").forEach((k, v) -> out.put(k, java.util.HexFormat.of().formatHex(v)));
        return out;
    }

    /** Closes every running node, in parallel. */
    @Override
    public void close() {
        ExecutorService closer = Executors.newFixedThreadPool(nodes.length);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (RaftNode node : nodes) {
                if (node != null) {
                    done.add(closer.submit(node::close));
                }
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (Exception e) {
                    // best effort: the test already has its result
                }
            }
        } finally {
            closer.shutdownNow();
        }
    }
}

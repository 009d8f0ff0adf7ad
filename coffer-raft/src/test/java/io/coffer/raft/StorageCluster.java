package io.coffer.raft;

import io.coffer.core.ha.ClusterMembership;
import io.coffer.core.testing.LoopbackPorts;
import io.coffer.core.ha.Peer;
import io.coffer.sdk.logical.Storage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link RaftStorage} nodes on loopback ports in this JVM, for tests: node {@code i} is
 * {@code node-i}, lives in {@code root/node-i} and keeps its port across restarts. Nodes record
 * fail-stops instead of halting. Closing closes every open node in parallel.
 */
final class StorageCluster implements AutoCloseable {
    static final Duration ELECTION = Duration.ofSeconds(15);
    static final Duration CONVERGE = Duration.ofSeconds(20);

    private final Path root;
    private final int[] ports;
    private final RaftStorage[] nodes;
    private final RecordingFailStop[] failStops;
    private final BiFunction<Integer, RaftNodeConfig.Builder, RaftNodeConfig.Builder> tuning;
    private final Duration joinTimeout;

    StorageCluster(Path root, int size, Duration joinTimeout,
                   BiFunction<Integer, RaftNodeConfig.Builder, RaftNodeConfig.Builder> tuning) throws IOException {
        this.root = root;
        this.ports = new int[size];
        for (int i = 0; i < size; i++) {
            ports[i] = LoopbackPorts.next();
        }
        this.nodes = new RaftStorage[size];
        this.failStops = new RecordingFailStop[size];
        this.tuning = tuning;
        this.joinTimeout = joinTimeout;
    }

    /** {@code size} node slots with test settings; none is open yet. */
    static StorageCluster of(Path root, int size) throws IOException {
        return new StorageCluster(root, size, Duration.ofSeconds(30), (i, b) -> b);
    }


    String id(int i) {
        return "node-" + i;
    }

    String address(int i) {
        return "127.0.0.1:" + ports[i];
    }

    Path directory(int i) {
        return root.resolve(id(i));
    }

    Peer peer(int i) {
        return new Peer(id(i), address(i), true);
    }

    RaftStorage node(int i) {
        return nodes[i];
    }

    RecordingFailStop failStop(int i) {
        return failStops[i];
    }

    /** The settings node {@code i} starts with. */
    RaftStorageConfig config(int i) {
        failStops[i] = new RecordingFailStop();
        RaftNodeConfig.Builder b = RaftNodeConfig.builder(id(i), directory(i))
                .clusterAddress(address(i))
                .writeTimeout(Duration.ofSeconds(5))
                .logSegmentSize(64 * 1024)
                .trailingLogs(0)
                .maxRestoreSize(2 * 1024 * 1024)
                .failStop(failStops[i]);
        return RaftStorageConfig.of(tuning.apply(i, b).build()).withJoinTimeout(joinTimeout);
    }

    /** Opens (constructs) node {@code i} on its directory. */
    RaftStorage open(int i) {
        nodes[i] = new RaftStorage(config(i));
        return nodes[i];
    }

    /** Opens node {@code i} and bootstraps a cluster on it. */
    RaftStorage bootstrap(int i) {
        open(i).bootstrap();
        return nodes[i];
    }

    /** Adds node {@code i} through {@code leader}, opens it and joins it with the membership the leader returned. */
    ClusterMembership join(int leader, int i) {
        ClusterMembership membership = nodes[leader].addPeer(peer(i));
        if (nodes[i] == null) {
            open(i);
        }
        nodes[i].join(membership);
        return membership;
    }

    /** Closes node {@code i}. */
    void stop(int i) {
        if (nodes[i] != null) {
            nodes[i].close();
        }
    }

    /** Waits until exactly one of {@code among} is the ready leader and returns it. */
    int awaitLeader(int... among) {
        return await().atMost(ELECTION).pollInterval(Duration.ofMillis(20))
                .until(() -> leaderAmong(among), Optional::isPresent).orElseThrow();
    }

    private Optional<Integer> leaderAmong(int... among) {
        Integer found = null;
        for (int i : among) {
            if (nodes[i] != null && nodes[i].isLeader()) {
                if (found != null) {
                    return Optional.empty();
                }
                found = i;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Waits until node {@code i}'s configuration has exactly the voters {@code ids}. */
    void awaitVoters(int i, String... ids) {
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(nodes[i].configuration().servers()).extracting(s -> s.nodeId()).containsExactly(ids));
    }

    /** Waits until the stores of {@code among} hold exactly {@code expected}. */
    void awaitContents(Map<String, String> expected, int... among) {
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            for (int i : among) {
                assertThat(TestCluster.snapshotOf(nodes[i])).as(id(i)).isEqualTo(expected);
            }
        });
    }

    static Map<String, String> contents(Storage storage) {
        return TestCluster.snapshotOf(storage);
    }

    @Override
    public void close() {
        ExecutorService closer = Executors.newFixedThreadPool(nodes.length);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (RaftStorage node : nodes) {
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

package io.coffer.raft;

import io.coffer.sdk.logical.StorageEntry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A measurement, not a test: writes per second through the leader of a three-node cluster in
 * this JVM (real Ratis servers over gRPC on loopback), at 1, 16 and 64 concurrent writers (or
 * the counts given). Each write is one {@code put} of a 700-byte value under its own key: one
 * Raft entry, committed on a majority (each node fsyncs its log) and applied to the leader's
 * RocksDB store (another fsync) before it returns. Reports writes/s and p50/p99 latency after a
 * warm-up. The cluster lives in a temporary directory, deleted afterwards.
 *
 * <p>Usage: {@code RaftThroughputMain [seconds-per-run=5] [writers...=1 16 64]}.
 */
public final class RaftThroughputMain {
    private static final int VALUE_BYTES = 700;

    private RaftThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Integer> writerCounts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            writerCounts.add(Integer.parseInt(args[i]));
        }
        if (writerCounts.isEmpty()) {
            writerCounts = List.of(1, 16, 64);
        }
        Path root = Files.createTempDirectory("coffer-raft-throughput");
        try (TestCluster cluster = TestCluster.start(root, 3, b -> b.writeTimeout(Duration.ofSeconds(30))
                .logSegmentSize(8L * 1024 * 1024).trailingLogs(10240))) {
            int leader = cluster.awaitLeader(Duration.ofSeconds(30));
            RaftPhysicalBackend storage = cluster.node(leader).storage();
            for (int writers : writerCounts) {
                run(storage, writers, 2, "warm" + writers);
                Result r = run(storage, writers, seconds, "run" + writers);
                System.out.printf("%2d writer(s): %,7.0f writes/s  p50 %6.2f ms  p99 %6.2f ms  (%,d writes in %d s, %d-byte values)%n",
                        writers, (double) r.count() / seconds, r.percentile(50), r.percentile(99), r.count(), seconds,
                        VALUE_BYTES);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Write count and latencies (ns) of one run. */
    private record Result(long count, long[] latencies) {
        double percentile(int p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latencies.length - 1, Math.ceil(latencies.length * p / 100.0) - 1);
            return latencies[Math.max(0, i)] / 1e6;
        }
    }

    private static Result run(RaftPhysicalBackend storage, int writers, int seconds, String prefix)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> perWriter = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            int id = t;
            long[] lat = new long[1 << 17];
            int[] n = new int[1];
            perWriter.add(lat);
            counts.add(n);
            Thread writer = new Thread(() -> {
                byte[] value = new byte[VALUE_BYTES];
                new Random(id).nextBytes(value);
                long i = 0;
                while (!stop.get()) {
                    long start = System.nanoTime();
                    storage.put(new StorageEntry("bench/" + prefix + "/" + id + "/" + i++, value));
                    if (n[0] < lat.length) {
                        lat[n[0]++] = System.nanoTime() - start;
                    }
                }
            }, "writer-" + t);
            threads.add(writer);
        }
        threads.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread writer : threads) {
            writer.join();
        }
        long total = 0;
        for (int[] n : counts) {
            total += n[0];
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (int w = 0; w < writers; w++) {
            System.arraycopy(perWriter.get(w), 0, all, at, counts.get(w)[0]);
            at += counts.get(w)[0];
        }
        Arrays.sort(all);
        return new Result(total, all);
    }
}

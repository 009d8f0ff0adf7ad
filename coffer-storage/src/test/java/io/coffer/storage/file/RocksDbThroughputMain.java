package io.coffer.storage.file;

import io.coffer.sdk.logical.StorageEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A measurement, not a test: synced puts per second into a fresh store at 1 and 16 writer
 * threads (and any other counts given), showing RocksDB's group commit; each writer puts
 * 700-byte values under its own keys for a fixed time after a short warm-up.
 *
 * <p>Usage: {@code RocksDbThroughputMain [seconds-per-run=5] [threads...=1 16]}; the stores
 * live in a temporary directory under {@code java.io.tmpdir}, deleted afterwards.
 */
public final class RocksDbThroughputMain {
    private static final int VALUE_BYTES = 700;

    private RocksDbThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Integer> threadCounts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            threadCounts.add(Integer.parseInt(args[i]));
        }
        if (threadCounts.isEmpty()) {
            threadCounts = List.of(1, 16);
        }
        Path root = Files.createTempDirectory("coffer-throughput");
        try {
            for (int threads : threadCounts) {
                Path dir = root.resolve("t" + threads);
                try (RocksDbBackend store = new RocksDbBackend(dir)) {
                    run(store, threads, 1);
                    long puts = run(store, threads, seconds);
                    System.out.printf("%2d thread(s): %,8.0f synced puts/s (%,d puts in %d s, %d-byte values)%n",
                            threads, (double) puts / seconds, puts, seconds, VALUE_BYTES);
                }
            }
        } finally {
            OwnerOnlyPermissions.deleteQuietly(root);
        }
    }

    private static long run(RocksDbBackend store, int threads, int seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong puts = new AtomicLong();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread writer = new Thread(() -> {
                byte[] value = new byte[VALUE_BYTES];
                new Random(id).nextBytes(value);
                long i = 0;
                while (!stop.get()) {
                    store.put(new StorageEntry("bench/" + id + "/" + i++, value));
                    puts.incrementAndGet();
                }
            }, "writer-" + t);
            writers.add(writer);
            writer.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread writer : writers) {
            writer.join();
        }
        return puts.get();
    }
}

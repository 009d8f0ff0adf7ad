package io.coffer.storage.file;

import io.coffer.sdk.logical.StorageEntry;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The victim of {@link RocksDbBackendCrashTest}, run in a child JVM: opens the store and
 * writes until it is killed, alternating a plain put and an applied Raft batch, and prints
 * one line per write only after the write returned (that is, was acknowledged):
 * {@code P <round> <i> ok} for the put of {@link #putKey}, {@code A <index> ok} for the batch
 * of {@link #batchKey}s at that applied index. With {@code unsynced} the batches are written with
 * {@link RocksDbBackend#applyUnsynced} (as the Raft state machine does), else with the synced
 * {@link RocksDbBackend#apply}.
 *
 * <p>Usage: {@code CrashWriterMain <dir> <round> [unsynced]}.
 */
public final class CrashWriterMain {
    static final int BATCH_SIZE = 3;

    private CrashWriterMain() {
    }

    static String putKey(int round, int i) {
        return "puts/r" + round + "/k" + i;
    }

    static String batchKey(long index, int part) {
        return "batches/" + index + "/part" + part;
    }

    /** A deterministic value of a few hundred bytes that names its key, so a mix-up shows. */
    static byte[] valueOf(String key) {
        return (key + "|" + "0123456789abcdef".repeat(16) + "|" + key.hashCode()).getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int round = Integer.parseInt(args[1]);
        boolean unsynced = args.length > 2 && args[2].equals("unsynced");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (RocksDbBackend store = new RocksDbBackend(dir)) {
            long index = store.appliedIndex().index();
            for (int i = 0; i < 1_000_000; i++) {
                String key = putKey(round, i);
                store.put(new StorageEntry(key, valueOf(key)));
                out.println("P " + round + " " + i + " ok");

                index++;
                Mutation[] batch = new Mutation[BATCH_SIZE];
                for (int part = 0; part < BATCH_SIZE; part++) {
                    String bk = batchKey(index, part);
                    batch[part] = Mutation.put(bk, valueOf(bk));
                }
                if (unsynced) {
                    store.applyUnsynced(List.of(batch), new AppliedIndex(round + 1, index));
                } else {
                    store.apply(List.of(batch), new AppliedIndex(round + 1, index));
                }
                out.println("A " + index + " ok");
            }
        }
    }
}

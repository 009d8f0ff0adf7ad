package io.coffer.storage.file;

import io.coffer.sdk.logical.StorageEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 at arbitrary moments: a child JVM ({@link CrashWriterMain}) writes synced puts and
 * applied batches to the store and is killed with SIGKILL; the store then opens cleanly, holds
 * every acknowledged write with its exact bytes, and every batch is all-or-nothing with the
 * applied index matching the data. The same holds for batches applied without fsync
 * ({@link RocksDbBackend#applyUnsynced}): a killed process has already handed them to the
 * operating system.
 */
class RocksDbBackendCrashTest {
    private static final int ROUNDS = 5;
    private static final Pattern PUT_ACK = Pattern.compile("P (\\d+) (\\d+) ok");
    private static final Pattern APPLY_ACK = Pattern.compile("A (\\d+) ok");

    @TempDir
    Path temp;

    /** The writes one child acknowledged before it died. */
    private record Acks(List<String> putKeys, long lastAppliedIndex) {
    }

    @Test
    void sigkill_duringSyncedWrites_losesNoAcknowledgedWriteAndNeverCorrupts() throws Exception {
        killRepeatedly(false);
    }

    @Test
    void sigkill_duringUnsyncedApplies_losesNoAcknowledgedWriteAndNeverCorrupts() throws Exception {
        killRepeatedly(true);
    }

    private void killRepeatedly(boolean unsyncedApplies) throws Exception {
        Path dir = temp.resolve(unsyncedApplies ? "store-unsynced" : "store");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> acknowledged = new ArrayList<>();
        long highestAckedIndex = -1;

        for (int round = 0; round < ROUNDS; round++) {
            long delayMillis = round == 0 ? 0 : random.nextInt(400);
            Acks acks = runAndKill(dir, round, delayMillis, unsyncedApplies);
            String context = (unsyncedApplies ? "unsynced applies, " : "") + "seed " + seed + ", round " + round
                    + ", kill after " + delayMillis + " ms";
            assertThat(acks.putKeys()).as(context).isNotEmpty();
            acknowledged.addAll(acks.putKeys());
            highestAckedIndex = Math.max(highestAckedIndex, acks.lastAppliedIndex());

            try (RocksDbBackend store = new RocksDbBackend(dir)) {
                store.verifyChecksums();
                for (String key : acknowledged) {
                    StorageEntry entry = store.get(key);
                    assertThat(entry).as(context + ": acknowledged " + key).isNotNull();
                    assertThat(entry.value()).as(context + ": value of " + key).isEqualTo(CrashWriterMain.valueOf(key));
                }
                AppliedIndex applied = store.appliedIndex();
                assertThat(applied.index()).as(context + ": applied index").isGreaterThanOrEqualTo(highestAckedIndex);
                assertThat(applied.term()).as(context + ": applied term").isBetween(0L, round + 1L);
                if (acks.lastAppliedIndex() >= 0) {
                    assertThat(applied.term()).as(context + ": applied term").isEqualTo(round + 1L);
                }
                assertBatchesMatchIndex(store, applied.index(), context);
                System.out.printf("%s: %d puts acknowledged, last acknowledged batch %d, recovered applied index %d%n",
                        context, acks.putKeys().size(), acks.lastAppliedIndex(), applied.index());
            }
        }
    }

    /** Every batch up to the applied index is complete; none after it left a trace. */
    private static void assertBatchesMatchIndex(RocksDbBackend store, long appliedIndex, String context) {
        assertThat(store.list("batches/")).as(context + ": batch folders").hasSize((int) (appliedIndex + 1));
        for (long index = 0; index <= appliedIndex + 1; index++) {
            for (int part = 0; part < CrashWriterMain.BATCH_SIZE; part++) {
                String key = CrashWriterMain.batchKey(index, part);
                StorageEntry entry = store.get(key);
                if (index <= appliedIndex) {
                    assertThat(entry).as(context + ": " + key).isNotNull();
                    assertThat(entry.value()).as(context + ": " + key).isEqualTo(CrashWriterMain.valueOf(key));
                } else {
                    assertThat(entry).as(context + ": " + key + " beyond the applied index").isNull();
                }
            }
        }
    }

    private Acks runAndKill(Path dir, int round, long delayMillis, boolean unsyncedApplies) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stderr = temp.resolve(dir.getFileName() + "-child-" + round + ".err");
        Process child = new ProcessBuilder(javaBin.toString(),
                "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), dir.toString(), Integer.toString(round),
                unsyncedApplies ? "unsynced" : "synced")
                .redirectError(stderr.toFile())
                .start();
        List<String> putKeys = new ArrayList<>();
        long[] lastIndex = {-1};
        CountDownLatch firstAck = new CountDownLatch(1);
        Thread reader = new Thread(() -> readAcks(child, round, putKeys, lastIndex, firstAck), "crash-test-reader");
        reader.start();
        try {
            boolean started = firstAck.await(15, TimeUnit.SECONDS);
            assertThat(started).as("child acknowledged a write; its stderr: " + readQuietly(stderr)).isTrue();
            Thread.sleep(delayMillis);
            assertThat(child.isAlive()).as("child still writing when killed; stderr: " + readQuietly(stderr)).isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        synchronized (putKeys) {
            return new Acks(List.copyOf(putKeys), lastIndex[0]);
        }
    }

    /** Reads until the killed child's pipe closes; a line cut off by the kill does not match. */
    private static void readAcks(Process child, int round, List<String> putKeys, long[] lastIndex, CountDownLatch firstAck) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Matcher put = PUT_ACK.matcher(line);
                Matcher apply = APPLY_ACK.matcher(line);
                synchronized (putKeys) {
                    if (put.matches() && Integer.parseInt(put.group(1)) == round) {
                        putKeys.add(CrashWriterMain.putKey(round, Integer.parseInt(put.group(2))));
                    } else if (apply.matches()) {
                        lastIndex[0] = Long.parseLong(apply.group(1));
                    }
                }
                firstAck.countDown();
            }
        } catch (IOException e) {
            // the pipe breaks when the child dies: everything acknowledged was read before
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}

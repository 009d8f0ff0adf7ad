import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * How long one bcrypt check takes on this machine, with the call userpass logins make
 * (BouncyCastle's OpenBSDBCrypt.checkPassword on a "$2b$" hash, as
 * coffer-builtin's BcryptHasher.verify), and how many checks per second T threads sustain.
 * Explains the userpass-login ceiling in docs/benchmarks.md: at most T / (time of one check).
 *
 * Usage (single-file source launch, BouncyCastle from the local Maven repository):
 *   java -cp ~/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.87/bcprov-jdk18on-1.87.jar \
 *        scripts/BcryptCost.java [cost=10] [seconds=10] [threads=1,2]
 */
public final class BcryptCost {
    public static void main(String[] args) throws Exception {
        int cost = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int[] threadCounts = Arrays.stream((args.length > 2 ? args[2] : "1,2").split(","))
                .mapToInt(Integer::parseInt).toArray();
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String hash = OpenBSDBCrypt.generate("2b", password, salt, cost);
        System.out.printf("bcrypt cost %d (%s...), %d available processors, %s%n", cost, hash.substring(0, 7),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));

        // warm-up: let the JIT compile the Blowfish key schedule
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        int warm = 0;
        while (System.nanoTime() < warmEnd) {
            check(hash, password);
            warm++;
        }
        System.out.printf("warm-up: %d checks in 3 s%n", warm);

        for (int threads : threadCounts) {
            AtomicLong checks = new AtomicLong();
            List<long[]> samples = new ArrayList<>();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                long[] times = new long[100_000];
                samples.add(times);
                Thread worker = new Thread(() -> {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        check(hash, password);
                        times[n++] = System.nanoTime() - t0;
                        checks.incrementAndGet();
                    }
                    times[times.length - 1] = n;
                });
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] all = samples.stream().flatMapToLong(s -> Arrays.stream(s, 0, (int) s[s.length - 1])).sorted().toArray();
            System.out.printf("%d thread(s): %d checks in %.1f s = %.1f checks/s; one check: median %.1f ms, "
                            + "min %.1f ms, p90 %.1f ms%n", threads, checks.get(), elapsed, checks.get() / elapsed,
                    all[all.length / 2] / 1e6, all[0] / 1e6, all[(int) (all.length * 0.9)] / 1e6);
        }
    }

    private static void check(String hash, byte[] password) {
        if (!OpenBSDBCrypt.checkPassword(hash, password)) {
            throw new IllegalStateException("bcrypt check failed");
        }
    }
}

package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.LogicalException;
import io.coffer.sdk.logical.exception.PermissionDeniedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class UserpassConcurrencyTest {
    private static final int THREADS = 8;

    @Test
    void concurrentFailedLogins_areCountedExactly() throws Exception {
        UserpassFixture up = new UserpassFixture(new UserpassSettings(4,
                new LockoutPolicy(1_000, Duration.ofMinutes(15), Duration.ofMinutes(15), false)));
        up.createUser("alice", "right", "");
        String[] variants = {"alice", "Alice", " alice", "ALICE "};

        List<LogicalException> failures = runConcurrently(THREADS * 10, i -> up.loginFailure(variants[i % variants.length], "wrong"));

        assertThat(failures).allSatisfy(e -> assertThat(e).isInstanceOf(InvalidRequestException.class));
        assertThat(up.storage().text("lockout/alice")).contains("\"failed_attempts\":" + THREADS * 10);
    }

    @Test
    void parallelGuesses_cannotExceedTheThreshold() throws Exception {
        UserpassFixture up = new UserpassFixture(new UserpassSettings(4,
                new LockoutPolicy(3, Duration.ofMinutes(15), Duration.ofMinutes(15), false)));
        up.createUser("alice", "right", "");
        up.hasher().reset();

        List<LogicalException> failures = runConcurrently(24, i -> up.loginFailure("alice", "guess" + i));

        assertThat(up.hasher().verifications()).isEqualTo(3);
        assertThat(failures.stream().filter(e -> e instanceof InvalidRequestException).count()).isEqualTo(3);
        assertThat(failures.stream().filter(e -> e instanceof PermissionDeniedException).count()).isEqualTo(21);
    }

    @Test
    void concurrentSuccessesAndFailures_neverLoseTheReset() throws Exception {
        UserpassFixture up = new UserpassFixture(new UserpassSettings(4,
                new LockoutPolicy(1_000, Duration.ofMinutes(15), Duration.ofMinutes(15), false)));
        up.createUser("alice", "right", "");

        runConcurrently(40, i -> {
            if (i % 2 == 0) {
                up.loginFailure("alice", "wrong");
            } else {
                up.login("alice", "right");
            }
            return null;
        });
        up.login("alice", "right");

        assertThat(up.storage().keys()).containsExactly("user/alice");
    }

    @Test
    void concurrentUpdatesOfOneUser_loseNoField() throws Exception {
        UserpassFixture up = new UserpassFixture();
        up.createUser("alice", "right", "");

        runConcurrently(2, i -> {
            for (int n = 1; n <= 20; n++) {
                up.write("users/alice", i == 0 ? "{'token_ttl':" + n + "}" : "{'token_num_uses':" + n + "}");
            }
            return null;
        });

        assertThat(up.read("users/alice").data()).containsEntry("token_ttl", 20L).containsEntry("token_num_uses", 20);
    }

    private interface Task<T> {
        T run(int index) throws Exception;
    }

    private static <T> List<T> runConcurrently(int tasks, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int index = i;
                Callable<T> c = () -> {
                    start.await();
                    return task.run(index);
                };
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.coffer.builtin.auth.approle;

import io.coffer.sdk.logical.exception.InvalidRequestException;
import org.junit.jupiter.api.RepeatedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AppRoleLoginConcurrencyTest {
    private static final int THREADS = 8;
    private static final int ATTEMPTS = 40;

    @RepeatedTest(10)
    void concurrentLogins_withNumUsesN_succeedExactlyNTimes() throws Exception {
        AppRoleFixture f = new AppRoleFixture();
        f.write("role/web", "{'secret_id_num_uses':7}");
        String roleId = f.roleId("web");
        String secret = f.secretId("web");
        // a second secret ID of the same role, used at the same time, must keep its own count
        String other = f.secretId("web");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            List<Future<Boolean>> otherResults = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                results.add(pool.submit(() -> attempt(f, start, roleId, secret)));
                otherResults.add(pool.submit(() -> attempt(f, start, roleId, other)));
            }
            start.countDown();

            assertThat(successes(results)).isEqualTo(7);
            assertThat(successes(otherResults)).isEqualTo(7);
            assertThat(f.h.storage().keys()).noneMatch(k -> k.startsWith("secret-id/") || k.startsWith("accessor/"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean attempt(AppRoleFixture f, CountDownLatch start, String roleId, String secret) throws InterruptedException {
        start.await();
        try {
            f.login(roleId, secret);
            return true;
        } catch (InvalidRequestException e) {
            assertThat(e).hasMessage("invalid role or secret ID");
            return false;
        }
    }

    private static int successes(List<Future<Boolean>> results) throws Exception {
        int n = 0;
        for (Future<Boolean> r : results) {
            if (r.get(20, TimeUnit.SECONDS)) {
                n++;
            }
        }
        return n;
    }
}

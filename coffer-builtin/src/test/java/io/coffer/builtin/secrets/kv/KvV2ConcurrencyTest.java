package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.coffer.builtin.secrets.kv.KvV2Fixture.secret;
import static org.assertj.core.api.Assertions.assertThat;

class KvV2ConcurrencyTest {
    private static final int WRITERS = 8;

    @RepeatedTest(20)
    void concurrentCasWrites_ofSameVersion_exactlyOneSucceeds() throws Exception {
        BackendHarness kv = KvV2Fixture.mount();
        kv.write("data/app", "{'data':{'writer':'initial'}}");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                String body = "{'data':{'writer':'w" + i + "'},'options':{'cas':1}}";
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        kv.write("data/app", body);
                        return true;
                    } catch (InvalidRequestException e) {
                        assertThat(e).hasMessage("check-and-set parameter did not match the current version");
                        return false;
                    }
                }));
            }
            start.countDown();
            int successes = 0;
            for (Future<Boolean> result : results) {
                if (result.get(10, TimeUnit.SECONDS)) {
                    successes++;
                }
            }

            assertThat(successes).isEqualTo(1);
            assertThat(kv.read("metadata/app").data()).containsEntry("current_version", 2L);
            assertThat((String) secret(kv.read("data/app")).get("writer")).startsWith("w");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWrites_withoutCas_allGetDistinctVersions() throws Exception {
        BackendHarness kv = KvV2Fixture.mount();
        kv.write("config", "{'max_versions':100}");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String body = "{'data':{'n':" + i + "}}";
                results.add(pool.submit(() -> kv.write("data/app", body).data().get("version")));
            }
            List<Object> versions = new ArrayList<>();
            for (Future<Object> result : results) {
                versions.add(result.get(10, TimeUnit.SECONDS));
            }

            assertThat(versions).doesNotHaveDuplicates().hasSize(40);
            assertThat(kv.read("metadata/app").data()).containsEntry("current_version", 40L);
        } finally {
            pool.shutdownNow();
        }
    }
}

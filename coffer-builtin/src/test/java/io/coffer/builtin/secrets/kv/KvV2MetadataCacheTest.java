package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata cache never lets a read see older metadata than the last completed write, and what
 * a write leaves in it (write-through) is exactly what loading the record from storage gives.
 */
class KvV2MetadataCacheTest {

    private static long currentVersion(BackendHarness kv) {
        return ((Number) kv.read("metadata/app").data().get("current_version")).longValue();
    }

    @Test
    void readAfterWrite_withCacheWarm_seesNewVersion() {
        BackendHarness kv = KvV2Fixture.mount();
        kv.write("data/app", "{'data':{'n':1}}");
        assertThat(currentVersion(kv)).isEqualTo(1);
        kv.write("data/app", "{'data':{'n':2}}");
        assertThat(currentVersion(kv)).isEqualTo(2);
        kv.delete("metadata/app");
        kv.write("data/app", "{'data':{'n':3}}");
        assertThat(currentVersion(kv)).isEqualTo(1);
    }

    @Test
    void writeThrough_servesExactlyWhatAFreshLoadFromStorageGives() {
        BackendHarness kv = KvV2Fixture.mount();
        kv.write("config", "{'max_versions':3,'delete_version_after':'1h'}");
        kv.write("metadata/app", "{'custom_metadata':{'owner':'ops'}}");
        for (int i = 1; i <= 5; i++) {
            kv.clock().advance(java.time.Duration.ofNanos(123_456_789L * i));
            kv.write("data/app", "{'data':{'n':" + i + "}}");
        }
        kv.delete("data/app");
        kv.write("data/other", "{'data':{'x':1}}");

        // a second mount over a copy of the same records starts with an empty cache
        BackendHarness fresh = KvV2Fixture.mount();
        for (String key : kv.storage().keys()) {
            fresh.storage().put(kv.storage().get(key));
        }
        String[][] reads = {{"config", ""}, {"metadata/app", ""}, {"data/app", "{'version':4}"}, {"metadata/other", ""}, {"data/other", ""}};
        for (String[] read : reads) {
            assertThat(kv.read(read[0], read[1]).data()).as(read[0] + " " + read[1])
                    .isEqualTo(fresh.read(read[0], read[1]).data());
        }
    }

    @Test
    void newKey_isLookedUpInStorageOnce_byTheExistenceCheckAndTheWrite_andConfigOncePerMount() {
        BackendHarness kv = KvV2Fixture.mount();
        assertThat(kv.exists("data/app")).contains(false);
        assertThat(kv.failure(Operation.READ, "data/app", "")).isInstanceOf(NotFoundException.class);
        kv.write("data/app", "{'data':{'n':1}}");
        assertThat(currentVersion(kv)).isEqualTo(1);
        kv.write("data/app", "{'data':{'n':2}}");
        kv.write("data/other", "{'data':{'n':1}}");
        assertThat(kv.storage().reads("metadata/app")).isEqualTo(1);
        assertThat(kv.storage().reads("config")).isEqualTo(1);

        kv.write("config", "{'max_versions':1}");
        kv.write("data/app", "{'data':{'n':3}}");
        assertThat(kv.read("metadata/app").data().get("oldest_version")).isEqualTo(3L);
        assertThat(kv.storage().reads("config")).isEqualTo(1);
    }

    @Test
    void absentKey_cachedAsAbsent_isSeenOnceCreatedAndAgainOnceDeleted() {
        BackendHarness kv = KvV2Fixture.mount();
        assertThat(kv.exists("data/app")).contains(false);
        kv.write("data/app", "{'data':{'n':1}}");
        assertThat(kv.exists("data/app")).contains(true);
        kv.delete("metadata/app");
        assertThat(kv.exists("data/app")).contains(false);
        kv.write("data/app", "{'data':{'n':2}}");
        assertThat(KvV2Fixture.secret(kv.read("data/app"))).containsEntry("n", 2);
    }

    @Test
    void concurrentReaders_duringWrites_neverSeeOlderThanLastAcknowledgedWrite() throws Exception {
        BackendHarness kv = KvV2Fixture.mount();
        kv.write("data/app", "{'data':{'n':0}}");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean stop = new AtomicBoolean();
        try {
            Future<?> r1 = pool.submit(() -> {
                while (!stop.get()) {
                    currentVersion(kv);
                }
            });
            Future<?> r2 = pool.submit(() -> {
                while (!stop.get()) {
                    kv.read("data/app");
                }
            });
            for (int i = 1; i <= 300; i++) {
                kv.write("data/app", "{'data':{'n':" + i + "}}");
                assertThat(currentVersion(kv)).isEqualTo(i + 1);
            }
            stop.set(true);
            r1.get(10, TimeUnit.SECONDS);
            r2.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(currentVersion(kv)).isEqualTo(301);
    }
}

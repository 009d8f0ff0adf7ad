package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.coffer.builtin.secrets.kv.KvV2Fixture.map;
import static io.coffer.builtin.secrets.kv.KvV2Fixture.metadata;
import static io.coffer.builtin.secrets.kv.KvV2Fixture.secret;
import static org.assertj.core.api.Assertions.assertThat;

class KvV2RetentionTest {
    private final BackendHarness kv = KvV2Fixture.mount();

    private void writeVersions(String path, int count) {
        for (int i = 1; i <= count; i++) {
            kv.write("data/" + path, "{'data':{'n':" + i + "}}");
        }
    }

    @Test
    void write_beyondDefaultTenVersions_prunesOldestAndBumpsOldestVersion() {
        writeVersions("app", 12);

        Response meta = kv.read("metadata/app");

        assertThat(meta.data()).containsEntry("current_version", 12L).containsEntry("oldest_version", 3L);
        assertThat(map(meta.data().get("versions"))).hasSize(10).containsKeys("3", "12").doesNotContainKeys("1", "2");
        assertThat(kv.failure(Operation.READ, "data/app", "{'version':2}")).isInstanceOf(NotFoundException.class);
        assertThat(kv.storage().keys()).doesNotContain(KvV2Layout.versionKey("app", 1), KvV2Layout.versionKey("app", 2))
                .contains(KvV2Layout.versionKey("app", 3));
    }

    @Test
    void write_belowLimit_keepsOldestVersionZero() {
        writeVersions("app", 3);

        assertThat(kv.read("metadata/app").data()).containsEntry("oldest_version", 0L).containsEntry("current_version", 3L);
    }

    @Test
    void write_engineMaxVersions_prunesToEngineLimit() {
        kv.write("config", "{'max_versions':2}");
        writeVersions("app", 4);

        Response meta = kv.read("metadata/app");

        assertThat(meta.data()).containsEntry("oldest_version", 3L).containsEntry("max_versions", 0);
        assertThat(map(meta.data().get("versions")).keySet()).containsExactly("3", "4");
        assertThat(secret(kv.read("data/app", "{'version':3}"))).isEqualTo(Map.of("n", 3));
    }

    @Test
    void write_keyMaxVersions_overridesEngineLimit() {
        kv.write("config", "{'max_versions':5}");
        kv.write("metadata/app", "{'max_versions':1}");
        writeVersions("app", 3);

        Response meta = kv.read("metadata/app");

        assertThat(meta.data()).containsEntry("oldest_version", 3L).containsEntry("max_versions", 1);
        assertThat(map(meta.data().get("versions")).keySet()).containsExactly("3");
        assertThat(kv.storage().keys()).filteredOn(k -> k.startsWith("versions/")).containsExactly(KvV2Layout.versionKey("app", 3));
    }

    @Test
    void deleteVersionAfter_engine_makesVersionUnreadableOnceClockPassesIt() {
        kv.write("config", "{'delete_version_after':'10m'}");
        Response written = kv.write("data/app", "{'data':{'a':'1'}}");
        assertThat(written.data()).containsEntry("deletion_time", "2024-05-01T10:10:00.123456789Z");

        kv.clock().advance(Duration.ofMinutes(9));
        assertThat(secret(kv.read("data/app"))).isEqualTo(Map.of("a", "1"));

        kv.clock().advance(Duration.ofMinutes(1));
        Response read = kv.read("data/app");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.data()).containsEntry("data", null);
        assertThat(metadata(read)).containsEntry("deletion_time", "2024-05-01T10:10:00.123456789Z");
    }

    @Test
    void deleteVersionAfter_keyShorterThanEngine_wins() {
        kv.write("config", "{'delete_version_after':3600}");
        kv.write("metadata/app", "{'delete_version_after':'30s'}");

        Response written = kv.write("data/app", "{'data':{'a':'1'}}");

        assertThat(written.data()).containsEntry("deletion_time", "2024-05-01T10:00:30.123456789Z");
        assertThat(kv.read("metadata/app").data()).containsEntry("delete_version_after", "30s");
    }

    @Test
    void deleteVersionAfter_keyOnly_appliesToThatKey() {
        kv.write("metadata/app", "{'delete_version_after':'1h30m'}");

        assertThat(kv.write("data/app", "{'data':{'a':'1'}}").data()).containsEntry("deletion_time", "2024-05-01T11:30:00.123456789Z");
        assertThat(kv.write("data/other", "{'data':{'a':'1'}}").data()).containsEntry("deletion_time", "");
    }

    @Test
    void undelete_versionWithScheduledDeletion_clearsTheSchedule() {
        kv.write("config", "{'delete_version_after':'1m'}");
        kv.write("data/app", "{'data':{'a':'1'}}");
        kv.clock().advance(Duration.ofMinutes(2));

        kv.write("undelete/app", "{'versions':[1]}");

        assertThat(secret(kv.read("data/app"))).isEqualTo(Map.of("a", "1"));
        assertThat(metadata(kv.read("data/app"))).containsEntry("deletion_time", "");
    }

    @Test
    void config_default_readsZeroMaxVersionsAndGoDurationString() {
        assertThat(kv.read("config").data()).containsExactly(
                Map.entry("cas_required", false), Map.entry("delete_version_after", "0s"), Map.entry("max_versions", 0));
    }

    @Test
    void config_partialWrite_keepsOtherSettings() {
        kv.write("config", "{'max_versions':7,'cas_required':true,'delete_version_after':'1h'}");

        kv.write("config", "{'max_versions':'3'}");

        assertThat(kv.read("config").data()).containsExactly(
                Map.entry("cas_required", true), Map.entry("delete_version_after", "1h0m0s"), Map.entry("max_versions", 3));
    }
}

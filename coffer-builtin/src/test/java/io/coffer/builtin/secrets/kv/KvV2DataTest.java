package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.LogicalException;
import io.coffer.sdk.logical.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.coffer.builtin.secrets.kv.KvV2Fixture.metadata;
import static io.coffer.builtin.secrets.kv.KvV2Fixture.secret;
import static io.coffer.builtin.secrets.kv.KvV2Fixture.versionEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class KvV2DataTest {
    private final BackendHarness kv = KvV2Fixture.mount();

    @Test
    void write_firstVersion_returnsVersionMetadata() {
        Response written = kv.write("data/app", "{'data':{'foo':'bar'}}");

        assertThat(written.data()).containsExactly(
                entry("created_time", "2024-05-01T10:00:00.123456789Z"),
                entry("custom_metadata", null),
                entry("deletion_time", ""),
                entry("destroyed", false),
                entry("version", 1L));
        assertThat(written.status()).isNull();
    }

    @Test
    void read_current_returnsDataAndMetadataOfLatestVersion() {
        kv.write("data/app", "{'data':{'foo':'v1'}}");
        kv.clock().advance(Duration.ofSeconds(5));
        kv.write("data/app", "{'data':{'foo':'v2'},'options':{}}");

        Response read = kv.read("data/app");

        assertThat(secret(read)).isEqualTo(Map.of("foo", "v2"));
        assertThat(metadata(read)).containsEntry("version", 2L)
                .containsEntry("created_time", "2024-05-01T10:00:05.123456789Z")
                .containsEntry("deletion_time", "")
                .containsEntry("destroyed", false)
                .containsEntry("custom_metadata", null);
        assertThat(read.status()).isNull();
    }

    @Test
    void read_specificVersion_returnsThatVersion() {
        kv.write("data/app", "{'data':{'foo':'v1'}}");
        kv.write("data/app", "{'data':{'foo':'v2'}}");
        kv.write("data/app", "{'data':{'foo':'v3'}}");

        assertThat(secret(kv.read("data/app", "{'version':'1'}"))).isEqualTo(Map.of("foo", "v1"));
        assertThat(secret(kv.read("data/app", "{'version':2}"))).isEqualTo(Map.of("foo", "v2"));
        assertThat(secret(kv.read("data/app", "{'version':0}"))).isEqualTo(Map.of("foo", "v3"));
        assertThat(metadata(kv.read("data/app", "{'version':'1'}"))).containsEntry("version", 1L);
    }

    @Test
    void read_versionThatNeverExisted_throwsNotFoundWithEmptyErrors() {
        kv.write("data/app", "{'data':{'foo':'v1'}}");

        LogicalException e = kv.failure(Operation.READ, "data/app", "{'version':7}");

        assertThat(e).isInstanceOf(NotFoundException.class);
        assertThat(e.errors()).isEmpty();
    }

    @Test
    void read_missingSecret_throwsNotFoundWithEmptyErrors() {
        LogicalException e = kv.failure(Operation.READ, "data/none", "");

        assertThat(e).isInstanceOf(NotFoundException.class);
        assertThat(e.errors()).isEmpty();
        assertThat(kv.failure(Operation.READ, "data/", "")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void write_withoutData_isRejectedWithVaultMessage() {
        assertThat(kv.failure(Operation.UPDATE, "data/app", "{'options':{'cas':0}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("no data provided");
        assertThat(kv.failure(Operation.CREATE, "data/app", "{'data':null}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("no data provided");
        assertThat(kv.storage().keys()).isEmpty();
    }

    @Test
    void write_emptyPath_isRejected() {
        assertThat(kv.failure(Operation.UPDATE, "data/", "{'data':{'a':'b'}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("missing path");
    }

    @Test
    void delete_latest_softDeletesAndReadAnswers404WithEnvelope() {
        kv.write("data/app", "{'data':{'foo':'v1'}}");
        kv.write("data/app", "{'data':{'foo':'v2'}}");
        kv.clock().advance(Duration.ofMillis(1500));

        assertThat(kv.delete("data/app").isEmpty()).isTrue();
        Response read = kv.read("data/app");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.data()).containsEntry("data", null);
        assertThat(metadata(read)).containsEntry("version", 2L)
                .containsEntry("deletion_time", "2024-05-01T10:00:01.623456789Z")
                .containsEntry("destroyed", false);
        assertThat(secret(kv.read("data/app", "{'version':1}"))).isEqualTo(Map.of("foo", "v1"));
    }

    @Test
    void delete_absentSecret_answersNoContent() {
        assertThat(kv.delete("data/none").isEmpty()).isTrue();
        assertThat(kv.storage().keys()).isEmpty();
    }

    @Test
    void delete_alreadyDeletedLatest_keepsFirstDeletionTime() {
        kv.write("data/app", "{'data':{'foo':'v1'}}");
        kv.delete("data/app");
        kv.clock().advance(Duration.ofHours(1));

        kv.delete("data/app");

        assertThat(metadata(kv.read("data/app"))).containsEntry("deletion_time", "2024-05-01T10:00:00.123456789Z");
    }

    @Test
    void deleteVersions_thenUndelete_makesThemReadableAgain() {
        kv.write("data/app", "{'data':{'foo':'v1'}}");
        kv.write("data/app", "{'data':{'foo':'v2'}}");
        kv.write("data/app", "{'data':{'foo':'v3'}}");

        kv.write("delete/app", "{'versions':[1,2]}");

        assertThat(kv.read("data/app", "{'version':1}").status()).isEqualTo(404);
        assertThat(kv.read("data/app", "{'version':2}").status()).isEqualTo(404);
        assertThat(secret(kv.read("data/app"))).isEqualTo(Map.of("foo", "v3"));

        kv.write("undelete/app", "{'versions':'1,2'}");

        assertThat(secret(kv.read("data/app", "{'version':1}"))).isEqualTo(Map.of("foo", "v1"));
        assertThat(metadata(kv.read("data/app", "{'version':2}"))).containsEntry("deletion_time", "");
    }

    @Test
    void destroy_version_answers404EnvelopeAndRemovesItsData() {
        kv.write("data/app", "{'data':{'foo':'v1'}}");
        kv.write("data/app", "{'data':{'foo':'v2'}}");
        String v1Key = KvV2Layout.versionKey("app", 1);
        assertThat(kv.storage().keys()).contains(v1Key);

        kv.write("destroy/app", "{'versions':[1]}");
        Response read = kv.read("data/app", "{'version':1}");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.data()).containsEntry("data", null);
        assertThat(metadata(read)).containsEntry("destroyed", true).containsEntry("version", 1L);
        assertThat(kv.storage().keys()).doesNotContain(v1Key);
        assertThat(versionEntry(kv.read("metadata/app"), 1)).containsEntry("destroyed", true);
    }

    @Test
    void undelete_destroyedVersion_staysDestroyed() {
        kv.write("data/app", "{'data':{'foo':'v1'}}");
        kv.write("destroy/app", "{'versions':[1]}");

        kv.write("undelete/app", "{'versions':[1]}");

        assertThat(kv.read("data/app").status()).isEqualTo(404);
        assertThat(metadata(kv.read("data/app"))).containsEntry("destroyed", true);
    }

    @Test
    void versionActions_emptyVersions_areRejected() {
        kv.write("data/app", "{'data':{'foo':'v1'}}");

        for (String action : new String[]{"delete/app", "undelete/app", "destroy/app"}) {
            assertThat(kv.failure(Operation.UPDATE, action, "{'versions':[]}"))
                    .isInstanceOf(InvalidRequestException.class).hasMessage("No version number provided");
            assertThat(kv.failure(Operation.UPDATE, action, "{}"))
                    .isInstanceOf(InvalidRequestException.class).hasMessage("No version number provided");
        }
        assertThat(secret(kv.read("data/app"))).isEqualTo(Map.of("foo", "v1"));
    }

    @Test
    void versionActions_unknownVersionsOrSecret_areIgnored() {
        kv.write("data/app", "{'data':{'foo':'v1'}}");
        Map<String, String> before = kv.storage().snapshot();

        kv.write("delete/app", "{'versions':[5,0,-1]}");
        kv.write("destroy/other", "{'versions':[1]}");

        assertThat(kv.storage().snapshot()).isEqualTo(before);
    }

    @Test
    void read_futureDeletionTime_isStillReadable() {
        kv.write("config", "{'delete_version_after':'1h'}");
        kv.write("data/app", "{'data':{'foo':'v1'}}");

        Response read = kv.read("data/app");

        assertThat(read.status()).isNull();
        assertThat(secret(read)).isEqualTo(Map.of("foo", "v1"));
        assertThat(metadata(read)).containsEntry("deletion_time", "2024-05-01T11:00:00.123456789Z");
    }

    @Test
    void exists_dataPath_followsKeyMetadata() {
        assertThat(kv.exists("data/app")).contains(false);

        kv.write("metadata/app", "{'max_versions':3}");

        assertThat(kv.exists("data/app")).contains(true);
        assertThat(kv.exists("metadata/app")).contains(true);
        assertThat(kv.exists("metadata/other")).contains(false);
        assertThat(kv.exists("config")).contains(true);
    }

    @Test
    void storage_v2Layout_hasMetadataAndVersionEntriesWithFormatVersion() {
        kv.write("data/team/app", "{'data':{'foo':'bar'}}");

        assertThat(kv.storage().keys()).containsExactly("metadata/team/app", "versions/dGVhbS9hcHA/1");
        assertThat(kv.storage().text("versions/dGVhbS9hcHA/1")).isEqualTo("{\"format_version\":1,\"data\":{\"foo\":\"bar\"}}");
        assertThat(kv.storage().text("metadata/team/app")).startsWith("{\"format_version\":1,\"key\":\"team/app\"");
    }
}

package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.LogicalException;
import io.coffer.sdk.logical.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.coffer.builtin.secrets.kv.KvV2Fixture.metadata;
import static io.coffer.builtin.secrets.kv.KvV2Fixture.versionEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class KvV2MetadataTest {
    private final BackendHarness kv = KvV2Fixture.mount();

    @Test
    void read_afterWrites_returnsAllFieldsInVaultShape() {
        kv.write("data/app", "{'data':{'a':'1'}}");
        kv.clock().advance(Duration.ofSeconds(1));
        kv.write("data/app", "{'data':{'a':'2'}}");
        kv.delete("data/app");

        Response meta = kv.read("metadata/app");

        assertThat(meta.data()).containsExactly(
                entry("cas_required", false),
                entry("created_time", "2024-05-01T10:00:00.123456789Z"),
                entry("current_version", 2L),
                entry("custom_metadata", null),
                entry("delete_version_after", "0s"),
                entry("max_versions", 0),
                entry("oldest_version", 0L),
                entry("updated_time", "2024-05-01T10:00:01.123456789Z"),
                entry("versions", Map.of(
                        "1", Map.of("created_time", "2024-05-01T10:00:00.123456789Z", "deletion_time", "", "destroyed", false),
                        "2", Map.of("created_time", "2024-05-01T10:00:01.123456789Z",
                                "deletion_time", "2024-05-01T10:00:01.123456789Z", "destroyed", false))));
    }

    @Test
    void read_missing_throwsNotFoundWithEmptyErrors() {
        LogicalException e = kv.failure(Operation.READ, "metadata/none", "");

        assertThat(e).isInstanceOf(NotFoundException.class);
        assertThat(e.errors()).isEmpty();
    }

    @Test
    void write_beforeAnyData_createsMetadataWithoutVersions() {
        kv.write("metadata/app", "{'max_versions':4,'cas_required':'1','delete_version_after':'2h','custom_metadata':{'owner':'ops'}}");

        Response meta = kv.read("metadata/app");

        assertThat(meta.data()).containsEntry("max_versions", 4).containsEntry("cas_required", true)
                .containsEntry("delete_version_after", "2h0m0s").containsEntry("custom_metadata", Map.of("owner", "ops"))
                .containsEntry("current_version", 0L).containsEntry("versions", Map.of());
        assertThat(kv.failure(Operation.READ, "data/app", "")).isInstanceOf(NotFoundException.class);
        assertThat(kv.list("metadata/").data().get("keys")).isEqualTo(List.of("app"));
    }

    @Test
    void write_givenFieldsOnly_keepsOthersAndReplacesCustomMetadataWhole() {
        kv.write("metadata/app", "{'max_versions':4,'custom_metadata':{'a':'1','b':'2'}}");

        kv.write("metadata/app", "{'custom_metadata':{'c':'3'}}");

        assertThat(kv.read("metadata/app").data()).containsEntry("max_versions", 4)
                .containsEntry("custom_metadata", Map.of("c", "3"));
    }

    @Test
    void customMetadata_appearsInVersionMetadataOfReadsAndWrites() {
        kv.write("metadata/app", "{'custom_metadata':{'owner':'ops'}}");

        Response written = kv.write("data/app", "{'data':{'a':'1'}}");

        assertThat(written.data()).containsEntry("custom_metadata", Map.of("owner", "ops"));
        assertThat(metadata(kv.read("data/app"))).containsEntry("custom_metadata", Map.of("owner", "ops"));
    }

    @Test
    void customMetadata_atLimits_isAccepted() {
        StringBuilder body = new StringBuilder("{'custom_metadata':{");
        for (int i = 0; i < 63; i++) {
            body.append("'k").append(i).append("':'v',");
        }
        body.append("'").append("k".repeat(128)).append("':'").append("v".repeat(512)).append("'}}");

        kv.write("metadata/app", body.toString());

        assertThat(KvV2Fixture.map(kv.read("metadata/app").data().get("custom_metadata"))).hasSize(64);
    }

    @Test
    void customMetadata_tooManyKeys_isRejectedAndNothingStored() {
        StringBuilder body = new StringBuilder("{'custom_metadata':{");
        for (int i = 0; i < 65; i++) {
            body.append(i == 0 ? "" : ",").append("'k").append(i).append("':'v'");
        }
        body.append("}}");

        assertThat(kv.failure(Operation.UPDATE, "metadata/app", body.toString()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("custom_metadata validation failed: payload must contain at most 64 keys, provided 65");
        assertThat(kv.storage().keys()).isEmpty();
    }

    @Test
    void customMetadata_keyTooLong_isRejected() {
        assertThat(kv.failure(Operation.UPDATE, "metadata/app", "{'custom_metadata':{'" + "k".repeat(129) + "':'v'}}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("custom_metadata validation failed: a key is 129 bytes long but max is 128");
        assertThat(kv.storage().keys()).isEmpty();
    }

    @Test
    void customMetadata_valueTooLong_isRejectedWithoutShowingTheValue() {
        String value = "s3cr3t".repeat(86);

        assertThat(kv.failure(Operation.UPDATE, "metadata/app", "{'custom_metadata':{'note':'" + value + "'}}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("custom_metadata validation failed: length of value for key \"note\" is 516 bytes but max is 512")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void customMetadata_multiByteValueCountsBytes() {
        String value = "é".repeat(257);

        assertThat(kv.failure(Operation.UPDATE, "metadata/app", "{'custom_metadata':{'k':'" + value + "'}}"))
                .hasMessageContaining("is 514 bytes but max is 512");
    }

    @Test
    void patch_customMetadata_mergesAndNullRemovesKeys() {
        kv.write("metadata/app", "{'max_versions':4,'custom_metadata':{'a':'1','b':'2'}}");

        kv.patch("metadata/app", "{'custom_metadata':{'b':null,'c':'3'},'cas_required':true}");

        assertThat(kv.read("metadata/app").data()).containsEntry("custom_metadata", Map.of("a", "1", "c", "3"))
                .containsEntry("max_versions", 4).containsEntry("cas_required", true);
    }

    @Test
    void patch_customMetadataMergeExceedingLimit_isRejected() {
        StringBuilder body = new StringBuilder("{'custom_metadata':{");
        for (int i = 0; i < 64; i++) {
            body.append(i == 0 ? "" : ",").append("'k").append(i).append("':'v'");
        }
        kv.write("metadata/app", body + "}}");

        assertThat(kv.failure(Operation.PATCH, "metadata/app", "{'custom_metadata':{'extra':'v'}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 64 keys, provided 65");
    }

    @Test
    void patch_missingMetadata_throwsNotFound() {
        assertThat(kv.failure(Operation.PATCH, "metadata/none", "{'max_versions':2}")).isInstanceOf(NotFoundException.class);
        assertThat(kv.storage().keys()).isEmpty();
    }

    @Test
    void delete_removesEveryVersionAndTheMetadata() {
        kv.write("data/app", "{'data':{'a':'1'}}");
        kv.write("data/app", "{'data':{'a':'2'}}");
        kv.write("destroy/app", "{'versions':[1]}");
        kv.write("data/keep", "{'data':{'a':'1'}}");

        assertThat(kv.delete("metadata/app").isEmpty()).isTrue();

        assertThat(kv.storage().keys()).containsExactly("metadata/keep", KvV2Layout.versionKey("keep", 1));
        assertThat(kv.failure(Operation.READ, "metadata/app", "")).isInstanceOf(NotFoundException.class);
        assertThat(kv.failure(Operation.READ, "data/app", "{'version':2}")).isInstanceOf(NotFoundException.class);
        assertThat(kv.write("data/app", "{'data':{'a':'new'}}").data()).containsEntry("version", 1L);
    }

    @Test
    void delete_alsoRemovesUnreferencedVersionEntries() {
        kv.write("data/app", "{'data':{'a':'1'}}");
        kv.storage().put(new io.coffer.sdk.logical.StorageEntry(KvV2Layout.versionKey("app", 9), new byte[]{'{', '}'}));

        kv.delete("metadata/app");

        assertThat(kv.storage().keys()).isEmpty();
    }

    @Test
    void list_root_returnsSecretsAndFolders() {
        kv.write("data/b", "{'data':{'a':'1'}}");
        kv.write("data/a/one", "{'data':{'a':'1'}}");
        kv.write("data/a/two/deep", "{'data':{'a':'1'}}");
        kv.write("data/a", "{'data':{'a':'1'}}");

        assertThat(kv.list("metadata/").data().get("keys")).isEqualTo(List.of("a", "a/", "b"));
        assertThat(kv.list("metadata/a/").data().get("keys")).isEqualTo(List.of("one", "two/"));
        assertThat(kv.list("metadata/a").data().get("keys")).isEqualTo(List.of("one", "two/"));
    }

    @Test
    void list_secretWhoseVersionsAreAllDeletedOrDestroyed_isStillListed() {
        kv.write("data/gone", "{'data':{'a':'1'}}");
        kv.write("data/gone", "{'data':{'a':'2'}}");
        kv.write("delete/gone", "{'versions':[1]}");
        kv.write("destroy/gone", "{'versions':[2]}");

        assertThat(kv.list("metadata/").data().get("keys")).isEqualTo(List.of("gone"));
    }

    @Test
    void list_emptyMountOrFolder_throwsNotFound() {
        assertThat(kv.failure(Operation.LIST, "metadata/", "")).isInstanceOf(NotFoundException.class);
        kv.write("data/x", "{'data':{'a':'1'}}");
        assertThat(kv.failure(Operation.LIST, "metadata/nothing/", "")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void list_onDataPath_isUnsupportedOperation() {
        assertThat(kv.failure(Operation.LIST, "data/", "").getMessage()).isEqualTo("unsupported operation");
    }
}

package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.coffer.builtin.secrets.kv.KvV2Fixture.metadata;
import static io.coffer.builtin.secrets.kv.KvV2Fixture.secret;
import static org.assertj.core.api.Assertions.assertThat;

class KvV2PatchTest {
    private final BackendHarness kv = KvV2Fixture.mount();

    @Test
    void patch_existingSecret_mergesIntoNewVersionAndNullRemovesKeys() {
        kv.write("data/app", "{'data':{'keep':'k','change':'old','drop':'x'}}");

        Response patched = kv.patch("data/app", "{'data':{'change':'new','drop':null,'add':'a'}}");

        assertThat(patched.data()).containsEntry("version", 2L).containsEntry("deletion_time", "");
        assertThat(secret(kv.read("data/app"))).isEqualTo(Map.of("keep", "k", "change", "new", "add", "a"));
        assertThat(secret(kv.read("data/app", "{'version':1}"))).isEqualTo(Map.of("keep", "k", "change", "old", "drop", "x"));
    }

    @Test
    void patch_nestedObjects_mergeRecursively() {
        kv.write("data/app", "{'data':{'db':{'user':'u','pass':'p','opts':{'ssl':true,'port':1}},'list':[1,2]}}");

        kv.patch("data/app", "{'data':{'db':{'pass':'p2','opts':{'port':null,'tz':'utc'}},'list':[3]}}");

        assertThat(secret(kv.read("data/app"))).isEqualTo(Map.of(
                "db", Map.of("user", "u", "pass", "p2", "opts", Map.of("ssl", true, "tz", "utc")),
                "list", List.of(3)));
    }

    @Test
    void patch_missingSecret_throwsNotFoundAndStoresNothing() {
        assertThat(kv.failure(Operation.PATCH, "data/none", "{'data':{'a':'1'}}")).isInstanceOf(NotFoundException.class);
        assertThat(kv.storage().keys()).isEmpty();
    }

    @Test
    void patch_withoutData_isRejected() {
        kv.write("data/app", "{'data':{'a':'1'}}");

        assertThat(kv.failure(Operation.PATCH, "data/app", "{}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("no data provided");
    }

    @Test
    void patch_deletedCurrentVersion_answers404WithEnvelopeAndWritesNothing() {
        kv.write("data/app", "{'data':{'a':'1'}}");
        kv.delete("data/app");
        Map<String, String> before = kv.storage().snapshot();

        Response patched = kv.patch("data/app", "{'data':{'b':'2'}}");

        assertThat(patched.status()).isEqualTo(404);
        assertThat(patched.data()).containsEntry("data", null);
        assertThat(metadata(patched)).containsEntry("version", 1L);
        assertThat(kv.storage().snapshot()).isEqualTo(before);
    }

    @Test
    void patch_respectsMaxVersions() {
        kv.write("metadata/app", "{'max_versions':1}");
        kv.write("data/app", "{'data':{'a':'1'}}");

        kv.patch("data/app", "{'data':{'b':'2'}}");

        assertThat(kv.read("metadata/app").data()).containsEntry("oldest_version", 2L).containsEntry("current_version", 2L);
        assertThat(secret(kv.read("data/app"))).isEqualTo(Map.of("a", "1", "b", "2"));
    }
}

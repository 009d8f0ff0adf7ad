package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import static io.coffer.builtin.secrets.kv.KvV2Fixture.map;
import static io.coffer.builtin.secrets.kv.KvV2Fixture.metadata;
import static org.assertj.core.api.Assertions.assertThat;

class KvV2SubkeysTest {
    private final BackendHarness kv = KvV2Fixture.mount();

    private static Map<String, Object> nulls(String... keys) {
        Map<String, Object> out = new HashMap<>();
        for (String k : keys) {
            out.put(k, null);
        }
        return out;
    }

    @Test
    void subkeys_noDepth_replacesEveryLeafWithNull() {
        kv.write("data/app", "{'data':{'foo':'abc','bar':{'baz':'def','deep':{'x':1}},'quux':{},'arr':[1]}}");

        Response response = kv.read("subkeys/app");

        Map<String, Object> bar = nulls("baz");
        bar.put("deep", nulls("x"));
        Map<String, Object> expected = nulls("foo", "arr");
        expected.put("bar", bar);
        expected.put("quux", Collections.emptyMap());
        assertThat(map(response.data().get("subkeys"))).isEqualTo(expected);
        assertThat(metadata(response)).containsEntry("version", 1L);
        assertThat(response.data()).doesNotContainKey("data");
    }

    @Test
    void subkeys_depthOne_treatsTopLevelKeysAsLeaves() {
        kv.write("data/app", "{'data':{'foo':'abc','bar':{'baz':'def'},'quux':{}}}");

        assertThat(map(kv.read("subkeys/app", "{'depth':1}").data().get("subkeys"))).isEqualTo(nulls("foo", "bar", "quux"));
    }

    @Test
    void subkeys_depthTwo_stopsBelowSecondLevel() {
        kv.write("data/app", "{'data':{'bar':{'baz':{'deep':'x'}}}}");

        assertThat(map(kv.read("subkeys/app", "{'depth':'2'}").data().get("subkeys")))
                .isEqualTo(Map.of("bar", nulls("baz")));
    }

    @Test
    void subkeys_specificVersion_usesThatVersion() {
        kv.write("data/app", "{'data':{'old':'1'}}");
        kv.write("data/app", "{'data':{'new':'2'}}");

        Response response = kv.read("subkeys/app", "{'version':1}");

        assertThat(map(response.data().get("subkeys"))).isEqualTo(nulls("old"));
        assertThat(metadata(response)).containsEntry("version", 1L);
    }

    @Test
    void subkeys_deletedVersion_answers404EnvelopeWithNullSubkeys() {
        kv.write("data/app", "{'data':{'a':'1'}}");
        kv.delete("data/app");

        Response response = kv.read("subkeys/app");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.data()).containsEntry("subkeys", null);
        assertThat(metadata(response)).containsEntry("version", 1L);
    }

    @Test
    void subkeys_missingSecretOrVersion_throwsNotFound() {
        assertThat(kv.failure(Operation.READ, "subkeys/none", "")).isInstanceOf(NotFoundException.class);
        kv.write("data/app", "{'data':{'a':'1'}}");
        assertThat(kv.failure(Operation.READ, "subkeys/app", "{'version':4}")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void subkeys_negativeDepth_isRejectedNamingTheField() {
        kv.write("data/app", "{'data':{'a':'1'}}");

        assertThat(kv.failure(Operation.READ, "subkeys/app", "{'depth':-1}"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("depth");
    }
}

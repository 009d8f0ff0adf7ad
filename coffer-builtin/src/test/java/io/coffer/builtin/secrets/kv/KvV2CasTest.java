package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.coffer.builtin.secrets.kv.KvV2Fixture.secret;
import static org.assertj.core.api.Assertions.assertThat;

class KvV2CasTest {
    private static final String MISMATCH = "check-and-set parameter did not match the current version";
    private static final String REQUIRED = "check-and-set parameter required for this call";

    private final BackendHarness kv = KvV2Fixture.mount();

    @Test
    void write_casZeroOnAbsentSecret_createsVersionOne() {
        assertThat(kv.write("data/app", "{'data':{'a':'1'},'options':{'cas':0}}").data()).containsEntry("version", 1L);
    }

    @Test
    void write_casZeroOnExistingSecret_isRejectedAndNothingStored() {
        kv.write("data/app", "{'data':{'a':'1'}}");
        Map<String, String> before = kv.storage().snapshot();

        assertThat(kv.failure(Operation.UPDATE, "data/app", "{'data':{'a':'2'},'options':{'cas':0}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage(MISMATCH);
        assertThat(kv.storage().snapshot()).isEqualTo(before);
    }

    @Test
    void write_casMatchingCurrentVersion_succeeds() {
        kv.write("data/app", "{'data':{'a':'1'}}");
        kv.write("data/app", "{'data':{'a':'2'}}");

        assertThat(kv.write("data/app", "{'data':{'a':'3'},'options':{'cas':'2'}}").data()).containsEntry("version", 3L);
        assertThat(secret(kv.read("data/app"))).isEqualTo(Map.of("a", "3"));
    }

    @Test
    void write_casBehindCurrentVersion_isRejected() {
        kv.write("data/app", "{'data':{'a':'1'}}");
        kv.write("data/app", "{'data':{'a':'2'}}");

        assertThat(kv.failure(Operation.UPDATE, "data/app", "{'data':{'a':'x'},'options':{'cas':1}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage(MISMATCH);
        assertThat(secret(kv.read("data/app"))).isEqualTo(Map.of("a", "2"));
    }

    @Test
    void write_casNotAnInteger_isRejectedNamingTheField() {
        assertThat(kv.failure(Operation.UPDATE, "data/app", "{'data':{'a':'1'},'options':{'cas':'one'}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("options.cas")
                .hasMessageNotContaining("one");
        assertThat(kv.storage().keys()).isEmpty();
    }

    @Test
    void write_casRequiredByEngineWithoutCas_isRejected() {
        kv.write("config", "{'cas_required':'true'}");

        assertThat(kv.failure(Operation.UPDATE, "data/app", "{'data':{'a':'1'}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage(REQUIRED);
        assertThat(kv.failure(Operation.UPDATE, "data/app", "{'data':{'a':'1'},'options':{}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage(REQUIRED);
        assertThat(kv.write("data/app", "{'data':{'a':'1'},'options':{'cas':0}}").data()).containsEntry("version", 1L);
    }

    @Test
    void write_casRequiredByKeyWithoutCas_isRejectedOnlyForThatKey() {
        kv.write("metadata/locked", "{'cas_required':true}");

        assertThat(kv.failure(Operation.UPDATE, "data/locked", "{'data':{'a':'1'}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage(REQUIRED);
        assertThat(kv.write("data/locked", "{'data':{'a':'1'},'options':{'cas':0}}").data()).containsEntry("version", 1L);
        assertThat(kv.write("data/free", "{'data':{'a':'1'}}").data()).containsEntry("version", 1L);
    }

    @Test
    void patch_casMismatch_isRejected() {
        kv.write("data/app", "{'data':{'a':'1'}}");

        assertThat(kv.failure(Operation.PATCH, "data/app", "{'data':{'b':'2'},'options':{'cas':5}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage(MISMATCH);
        assertThat(kv.patch("data/app", "{'data':{'b':'2'},'options':{'cas':1}}").data()).containsEntry("version", 2L);
    }

    @Test
    void patch_casRequiredWithoutCas_isRejected() {
        kv.write("data/app", "{'data':{'a':'1'}}");
        kv.write("metadata/app", "{'cas_required':true}");

        assertThat(kv.failure(Operation.PATCH, "data/app", "{'data':{'b':'2'}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessage(REQUIRED);
    }
}

package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class KvV2ValidationTest {
    private final BackendHarness kv = KvV2Fixture.mount();

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "UPDATE|data/app|{'data':'not-an-object'}|data",
            "UPDATE|data/app|{'data':{'a':'1'},'options':'x'}|options",
            "PATCH|data/app|{'data':[1,2]}|data",
            "UPDATE|config|{'max_versions':'many'}|max_versions",
            "UPDATE|config|{'cas_required':'perhaps'}|cas_required",
            "UPDATE|config|{'delete_version_after':'soon'}|delete_version_after",
            "UPDATE|config|{'max_versions':-1}|max_versions",
            "UPDATE|config|{'delete_version_after':'-5m'}|delete_version_after",
            "UPDATE|metadata/app|{'max_versions':'x'}|max_versions",
            "UPDATE|metadata/app|{'max_versions':-2}|max_versions",
            "UPDATE|metadata/app|{'cas_required':'nope'}|cas_required",
            "UPDATE|metadata/app|{'delete_version_after':true}|delete_version_after",
            "UPDATE|metadata/app|{'custom_metadata':'k=v'}|custom_metadata",
            "UPDATE|metadata/app|{'custom_metadata':{'k':{'nested':'x'}}}|custom_metadata",
            "PATCH|metadata/app|{'max_versions':'x'}|max_versions",
            "UPDATE|delete/app|{'versions':['one']}|versions",
            "UPDATE|destroy/app|{'versions':{'a':1}}|versions",
            "READ|data/app|{'version':'latest'}|version",
            "READ|subkeys/app|{'depth':'deep'}|depth",
    })
    void wrongType_isRejectedNamingTheFieldAndStoresNothing(Operation operation, String path, String body, String field) {
        kv.write("data/app", "{'data':{'a':'1'}}");
        kv.write("metadata/app", "{'custom_metadata':{'k':'v'}}");
        var before = kv.storage().snapshot();

        assertThat(kv.failure(operation, path, body))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("\"" + field + "\"");
        assertThat(kv.storage().snapshot()).isEqualTo(before);
    }
}

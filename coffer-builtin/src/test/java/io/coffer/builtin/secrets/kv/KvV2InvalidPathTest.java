package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class KvV2InvalidPathTest {
    private final BackendHarness kv = KvV2Fixture.mount();

    @ParameterizedTest
    @CsvSource({"READ,get", "UPDATE,put", "CREATE,put", "DELETE,delete", "LIST,list", "PATCH,patch"})
    void plainPath_anyOperation_answers404WithWarningNamingTheKvVerb(Operation operation, String verb) {
        Response response = kv.send(operation, "app/db", "{'a':'b'}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.data()).isNull();
        assertThat(response.warnings()).containsExactly("Invalid path for a versioned K/V secrets engine. See the API docs"
                + " for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv " + verb
                + "' for this operation.");
        assertThat(kv.storage().keys()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"data", "metadata", "''"})
    void endpointNameWithoutSlash_isAlsoAnInvalidPath(String path) {
        Response response = kv.read(path);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.warnings()).singleElement().asString().contains("'vault kv get'");
    }
}

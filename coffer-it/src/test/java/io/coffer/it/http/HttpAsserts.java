package io.coffer.it.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions shared by the HTTP edge tests. */
final class HttpAsserts {
    private HttpAsserts() {
    }

    /** Every answer carries {@code Cache-Control: no-store}; bodies are exactly {@code application/json}. */
    static void assertVaultHeaders(VaultHttp.Result r) {
        assertThat(r.header("Cache-Control")).as("Cache-Control of %s", r).isEqualTo("no-store");
        if (r.bytes().length > 0) {
            assertThat(r.headerValues("Content-Type")).as("Content-Type of %s", r).containsExactly("application/json");
        }
    }

    /** Status, exact {@code errors} array, and the headers. */
    static void assertError(VaultHttp.Result r, int status, String... errors) {
        assertThat(r.status()).as("status of error answer").isEqualTo(status);
        assertVaultHeaders(r);
        assertThat(r.json().size()).as("error envelope has only the errors key").isEqualTo(1);
        assertThat(r.errors()).containsExactly(errors);
    }

    /** Status and an error envelope whose single message contains every fragment. */
    static void assertErrorContaining(VaultHttp.Result r, int status, String... fragments) {
        assertThat(r.status()).as("status of error answer").isEqualTo(status);
        assertVaultHeaders(r);
        List<String> errors = r.errors();
        assertThat(errors).hasSize(1);
        for (String f : fragments) {
            assertThat(errors.get(0)).contains(f);
        }
    }

    /** A KV v2 read's {@code data.data}, after checking for 200. */
    static JsonNode kvData(VaultHttp.Result r) {
        assertThat(r.status()).as("status of KV read").isEqualTo(200);
        assertVaultHeaders(r);
        return r.json().path("data").path("data");
    }
}

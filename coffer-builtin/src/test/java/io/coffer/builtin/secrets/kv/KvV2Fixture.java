package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.Response;

import java.util.Map;

/** Builds KV v2 harnesses and unpacks their responses for the KV v2 tests. */
final class KvV2Fixture {
    private KvV2Fixture() {
    }

    static BackendHarness mount() {
        return new BackendHarness(new KvBackendFactory(), "secret/", Map.of("version", "2"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** {@code data.data} of a read. */
    static Map<String, Object> secret(Response response) {
        return map(response.data().get("data"));
    }

    /** {@code data.metadata} of a read. */
    static Map<String, Object> metadata(Response response) {
        return map(response.data().get("metadata"));
    }

    /** {@code data.versions["n"]} of a metadata read. */
    static Map<String, Object> versionEntry(Response metadataRead, long version) {
        return map(map(metadataRead.data().get("versions")).get(Long.toString(version)));
    }
}

package io.coffer.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

import org.junit.jupiter.api.Test;

class AuditHashWalkTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void hash_everyStringAtAnyDepth_keysNumbersBoolsNullsKept() throws Exception {
        JsonNode in = json.readTree("{\"a\":\"x\",\"n\":1,\"b\":true,\"z\":null,\"o\":{\"l\":[\"y\",{\"d\":\"w\"},2]}}");

        JsonNode out = HashWalk.hash(in, s -> "H(" + s + ")", List.of());

        assertThat(out.toString()).isEqualTo(
                "{\"a\":\"H(x)\",\"n\":1,\"b\":true,\"z\":null,\"o\":{\"l\":[\"H(y)\",{\"d\":\"H(w)\"},2]}}");
    }

    @Test
    void hash_nonHmacKeys_keptAtAnyDepth() throws Exception {
        JsonNode in = json.readTree("{\"common_name\":\"a\",\"o\":{\"common_name\":[\"b\"],\"other\":\"c\"}}");

        JsonNode out = HashWalk.hash(in, s -> "H", List.of("common_name"));

        assertThat(out.toString()).isEqualTo("{\"common_name\":\"a\",\"o\":{\"common_name\":[\"b\"],\"other\":\"H\"}}");
    }

    @Test
    void hasher_vaultIdentifiedHmac() {
        AuditHasher hasher = new AuditHasher("key".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), the RFC 4231-style textbook vector
        assertThat(hasher.hash("The quick brown fox jumps over the lazy dog"))
                .isEqualTo("hmac-sha256:f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        assertThat(hasher.toString()).doesNotContain("key");
    }
}

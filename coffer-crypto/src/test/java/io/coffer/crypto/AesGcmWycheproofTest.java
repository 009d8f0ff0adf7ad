package io.coffer.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs Wycheproof's AES-GCM vectors (96-bit IV, 128-bit tag) through {@link AesGcm}. The vectors
 * live in {@code src/test/resources/wycheproof/aes_gcm_test.json}; see its {@code subset} field for
 * where they come from and which ones were kept.
 */
class AesGcmWycheproofTest {
    private static final String RESOURCE = "/wycheproof/aes_gcm_test.json";
    private static final HexFormat HEX = HexFormat.of();

    record Vector(int tcId, String comment, int keySize, byte[] key, byte[] iv, byte[] aad, byte[] msg,
                  byte[] ct, byte[] tag, String result) {
        String name() {
            return "tcId " + tcId + " (AES-" + keySize + (comment.isEmpty() ? "" : ", " + comment) + ") " + result;
        }

        byte[] sealed() {
            byte[] out = new byte[iv.length + ct.length + tag.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            System.arraycopy(tag, 0, out, iv.length + ct.length, tag.length);
            return out;
        }
    }

    static List<Vector> load() {
        try (InputStream in = AesGcmWycheproofTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            JsonNode root = new ObjectMapper().readTree(in);
            List<Vector> vectors = new ArrayList<>();
            for (JsonNode group : root.path("testGroups")) {
                int keySize = group.path("keySize").asInt();
                for (JsonNode test : group.path("tests")) {
                    vectors.add(new Vector(
                            test.path("tcId").asInt(),
                            test.path("comment").asText(),
                            keySize,
                            HEX.parseHex(test.path("key").asText()),
                            HEX.parseHex(test.path("iv").asText()),
                            HEX.parseHex(test.path("aad").asText()),
                            HEX.parseHex(test.path("msg").asText()),
                            HEX.parseHex(test.path("ct").asText()),
                            HEX.parseHex(test.path("tag").asText()),
                            test.path("result").asText()));
                }
            }
            assertThat(vectors).hasSize(root.path("numberOfTests").asInt());
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AesGcm aeadFor(Vector v) {
        return new AesGcm(SecretBytes.copyOf(v.key()), new SecureRandom());
    }

    @Test
    void vectors_loaded_coverEveryKeySizeWithValidAndInvalidCases() {
        List<Vector> vectors = load();
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(60);
        assertThat(vectors).allSatisfy(v -> {
            assertThat(v.iv()).hasSize(AesGcm.NONCE_LENGTH);
            assertThat(v.tag()).hasSize(AesGcm.TAG_LENGTH);
            assertThat(v.key()).hasSize(v.keySize() / 8);
            assertThat(v.result()).isIn("valid", "invalid");
        });
        for (int keySize : new int[] {128, 192, 256}) {
            assertThat(vectors).filteredOn(v -> v.keySize() == keySize && v.result().equals("valid")).isNotEmpty();
            assertThat(vectors).filteredOn(v -> v.keySize() == keySize && v.result().equals("invalid")).hasSize(27);
        }
        assertThat(vectors).extracting(Vector::tcId).doesNotHaveDuplicates();
    }

    @TestFactory
    Stream<DynamicTest> vector_run_matchesExpectedResult() {
        return load().stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            if (v.result().equals("valid")) {
                assertValid(v);
            } else {
                assertInvalid(v);
            }
        }));
    }

    private static void assertValid(Vector v) throws AeadException {
        AesGcm aead = aeadFor(v);
        assertThat(aead.sealWithNonce(v.iv(), v.msg(), v.aad(), 0)).as("iv ‖ ct ‖ tag").isEqualTo(v.sealed());
        assertThat(aead.open(v.sealed(), v.aad())).as("decryption").isEqualTo(v.msg());

        byte[] withHeader = aead.sealWithNonce(v.iv(), v.msg(), v.aad(), 5);
        assertThat(aead.open(withHeader, 5, v.aad())).as("decryption after a 5-byte header").isEqualTo(v.msg());
    }

    private static void assertInvalid(Vector v) {
        AesGcm aead = aeadFor(v);
        assertThatThrownBy(() -> aead.open(v.sealed(), v.aad())).isInstanceOf(AeadException.class);
        assertThat(aead.sealWithNonce(v.iv(), v.msg(), v.aad(), 0)).as("we never produce the forged tag")
                .isNotEqualTo(v.sealed());
    }
}

package io.coffer.it.seal;

import io.coffer.it.http.FreshCoreServer;
import io.coffer.it.http.VaultHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random keys and bodies sent to {@code sys/unseal} over HTTP: every answer is a 200 or a
 * 400 in the error envelope, never a 500, and the node stays sealed with its real shares still
 * working afterwards.
 */
class UnsealFuzzTest {
    private static FreshCoreServer server;
    private static byte[][] shares;

    @BeforeAll
    static void start() {
        server = FreshCoreServer.start();
        shares = server.core().initialize(5, 3).shares().toArray(new byte[0][]);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void unseal_randomKeysAndBodies_neverServerError_thenRealSharesStillUnseal() {
        Random random = new Random(42);
        for (int i = 0; i < 400; i++) {
            byte[] raw = new byte[random.nextInt(70)];
            random.nextBytes(raw);
            String key = switch (i % 4) {
                case 0 -> HexFormat.of().formatHex(raw);
                case 1 -> Base64.getEncoder().encodeToString(raw);
                case 2 -> new String(raw, StandardCharsets.ISO_8859_1);
                default -> random.nextBoolean() ? "" : "zz" + raw.length;
            };
            VaultHttp.Result r = server.http().put("sys/unseal", VaultHttp.json(Map.of("key", key))).send();
            assertThat(r.status()).as("status for a random key").isIn(200, 400);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            if (r.status() == 400) {
                assertThat(r.errors()).isNotEmpty();
                assertThat(r.text()).doesNotContain(key.isEmpty() ? "\u0000never" : key);
            }
        }
        for (int i = 0; i < 100; i++) {
            byte[] body = new byte[1 + random.nextInt(200)];
            random.nextBytes(body);
            body[0] = '{';
            VaultHttp.Result r = server.http().put("sys/unseal", new String(body, StandardCharsets.ISO_8859_1)).send();
            assertThat(r.status()).as("status for a random body").isIn(200, 400);
        }
        assertThat(server.core().isSealed()).isTrue();
        server.http().put("sys/unseal", VaultHttp.json(Map.of("reset", true))).send();
        for (int i : new int[]{4, 0, 2}) {
            VaultHttp.Result r = server.http().put("sys/unseal",
                    VaultHttp.json(Map.of("key", HexFormat.of().formatHex(shares[i])))).send();
            assertThat(r.status()).isEqualTo(200);
        }
        assertThat(server.core().isSealed()).isFalse();
    }
}

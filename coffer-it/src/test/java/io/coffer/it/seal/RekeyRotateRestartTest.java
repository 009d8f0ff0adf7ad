package io.coffer.it.seal;

import io.coffer.builtin.BuiltinRegistry;
import io.coffer.core.Core;
import io.coffer.core.seal.InitResult;
import io.coffer.core.seal.RekeyStatus;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.storage.file.RocksDbBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rekey to 7 shares / threshold 4 and a keyring rotation on durable file storage, then a
 * restart (a new node on the same directory): only the new shares unseal it, and data written
 * before, between and after both operations reads back.
 */
class RekeyRotateRestartTest {

    private static Core node(RocksDbBackend storage) {
        return new Core(storage, BuiltinRegistry.standard(), Clock.systemUTC(), new SecureRandom());
    }

    private static void write(Core core, String token, String path, String value) {
        core.handle(new Request("t", Operation.UPDATE, path, "", Map.of("v", value), null, null, ""), token);
    }

    private static Object read(Core core, String token, String path) {
        return core.handle(Request.of("t", Operation.READ, path, Map.of()), token).data().get("v");
    }

    @Test
    void rekeyAndRotate_thenRestart_newSharesUnseal_allDataReadsBack(@TempDir Path dir) {
        String root;
        String clusterId;
        List<byte[]> newShares;
        List<byte[]> oldShares;
        try (RocksDbBackend storage = new RocksDbBackend(dir.resolve("data"))) {
            Core core = node(storage);
            InitResult init = core.initialize(5, 3);
            root = init.rootToken();
            oldShares = init.shares();
            core.unseal(oldShares.get(0));
            core.unseal(oldShares.get(1));
            core.unseal(oldShares.get(2));
            core.handle(new Request("t", Operation.UPDATE, "sys/mounts/kv", "", Map.of("type", "kv"), null, null, ""), root);
            write(core, root, "kv/before", "1");
            RekeyStatus rekey = core.rekeyInit(7, 4, List.of());
            core.rekeyUpdate(oldShares.get(4), rekey.nonce());
            core.rekeyUpdate(oldShares.get(3), rekey.nonce());
            RekeyStatus done = core.rekeyUpdate(oldShares.get(2), rekey.nonce());
            assertThat(done.complete()).isTrue();
            newShares = done.keys();
            write(core, root, "kv/between", "2");
            core.handle(new Request("t", Operation.UPDATE, "sys/rotate", "", Map.of(), null, null, ""), root);
            write(core, root, "kv/after", "3");
            clusterId = core.clusterId();
            assertThat(clusterId).isNotEmpty();
            core.seal();
            assertThat(core.clusterId()).isEmpty();
        }
        try (RocksDbBackend storage = new RocksDbBackend(dir.resolve("data"))) {
            Core restarted = node(storage);
            assertThat(restarted.isInitialized()).isTrue();
            assertThat(restarted.isSealed()).isTrue();
            assertThat(restarted.sealStatus().shares()).isEqualTo(7);
            assertThat(restarted.sealStatus().threshold()).isEqualTo(4);
            restarted.unseal(oldShares.get(0));
            restarted.unseal(oldShares.get(1));
            restarted.unseal(oldShares.get(3));
            assertThatThrownBy(() -> restarted.unseal(oldShares.get(4))).hasMessageContaining("unseal key is not valid");
            for (int i : new int[]{6, 1, 3, 5}) {
                restarted.unseal(newShares.get(i));
            }
            assertThat(restarted.isSealed()).isFalse();
            assertThat(restarted.clusterId()).isEqualTo(clusterId);
            assertThat(read(restarted, root, "kv/before")).isEqualTo("1");
            assertThat(read(restarted, root, "kv/between")).isEqualTo("2");
            assertThat(read(restarted, root, "kv/after")).isEqualTo("3");
            Map<String, Object> keyStatus = restarted.handle(Request.of("t", Operation.READ, "sys/key-status", Map.of()), root).data();
            assertThat(keyStatus.get("term")).isEqualTo(2);
            restarted.seal();
        }
    }
}

package io.coffer.server;

import io.coffer.storage.file.RocksDbBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code coffer server -config} as a real process: starts sealed, and SIGTERM releases listeners and storage. */
class ServerProcessTest {

    @TempDir
    Path dir;

    @Test
    void sigterm_configuredFileNode_closesListenerAndStorage() throws Exception {
        Path data = dir.resolve("data");
        Path config = Files.writeString(dir.resolve("server.hcl"), """
                storage "file" { path = "%s" }
                listener "tcp" {
                  address     = "127.0.0.1:0"
                  tls_disable = true
                }
                """.formatted(data));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServerCommand.class.getName(), "server", "-config=" + config)
                .redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<String> address = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLines(process, output, address), "server-output");
        reader.start();
        try {
            String api = address.get(60, TimeUnit.SECONDS);
            VaultHttp http = new VaultHttp(api);
            assertThat(http.get("sys/health").status()).isEqualTo(501);
            VaultHttp.Reply init = http.put("sys/init", Map.of("secret_shares", 1, "secret_threshold", 1));
            assertThat(init.status()).isEqualTo(200);

            // SIGTERM; Process.destroy() would also close our end of the output pipe
            assertThat(process.toHandle().destroy()).isTrue();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
            assertThat(process.exitValue()).isEqualTo(143);
            assertThat(output).contains("==> Coffer shutdown triggered");
            assertThat(String.join("\n", output))
                    .doesNotContain(init.body().path("root_token").asText())
                    .doesNotContain(init.body().path("keys").get(0).asText())
                    .doesNotContain(init.body().path("keys_base64").get(0).asText());
            try (RocksDbBackend reopened = new RocksDbBackend(data)) {
                assertThat(reopened.list("")).isNotEmpty();
            }
        } finally {
            process.destroyForcibly();
        }
    }

    private static void readLines(Process process, List<String> output, CompletableFuture<String> address) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                output.add(line);
                String trimmed = line.strip();
                if (trimmed.startsWith("Api Address: ")) {
                    address.complete(trimmed.substring("Api Address: ".length()));
                }
            }
            address.completeExceptionally(new IllegalStateException("server exited: " + new ArrayList<>(output)));
        } catch (Exception e) {
            address.completeExceptionally(e);
        }
    }
}

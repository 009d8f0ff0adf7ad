package io.coffer.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.builtin.BuiltinRegistry;
import io.coffer.core.Core;
import io.coffer.core.physical.InmemBackend;
import io.coffer.core.seal.InitResult;
import io.coffer.server.CofferHttpServer;
import io.coffer.server.ListenerConfig;
import io.coffer.server.http.ForwardedFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener behind a load balancer ({@code x_forwarded_for_authorized_addrs} = 127.0.0.1): the
 * address in {@code X-Forwarded-For} is the client's for CIDR-bound tokens and the audit log,
 * and Vault's refusals apply when the header is missing.
 */
class HttpForwardedForTest {
    @TempDir
    static Path dir;
    private static Core core;
    private static CofferHttpServer server;
    private static VaultHttp http;
    private static String root;

    @BeforeAll
    static void start() throws Exception {
        core = new Core(new InmemBackend(), BuiltinRegistry.standard(), Clock.systemUTC(), new SecureRandom());
        InitResult init = core.initialize(1, 1);
        core.unseal(init.shares().get(0));
        root = init.rootToken();
        ListenerConfig listener = ListenerConfig.plain("127.0.0.1:0");
        server = new CofferHttpServer(core, new ListenerConfig(listener.host(), listener.port(), null, null,
                listener.maxBodyBytes(), new ForwardedFor(List.of("127.0.0.1/32"), 0, true, true)), Clock.systemUTC(), "test");
        server.start();
        http = new VaultHttp(server.address());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        core.seal();
    }

    private static VaultHttp.Call via(String client, VaultHttp.Call call) {
        return call.header("X-Forwarded-For", client);
    }

    @Test
    void cidrBoundToken_isCheckedAgainstTheForwardedClient_andTheAuditLogNamesIt() throws Exception {
        Path log = dir.resolve("audit.log");
        assertThat(via("10.1.1.1", http.post("sys/audit/file", VaultHttp.json(java.util.Map.of("type", "file",
                "options", java.util.Map.of("file_path", log.toString()))))).token(root).send().status()).isEqualTo(204);
        assertThat(via("10.1.1.1", http.post("auth/token/roles/lb", "{\"token_bound_cidrs\":[\"10.9.8.7/32\"]}"))
                .token(root).send().status()).isEqualTo(204);
        String token = via("10.9.8.7", http.post("auth/token/create/lb", "{\"policies\":[\"default\"]}")).token(root).send().json()
                .at("/auth/client_token").asText();

        assertThat(via("10.9.8.7", http.get("auth/token/lookup-self")).token(token).send().status()).isEqualTo(200);
        assertThat(via("10.9.8.6", http.get("auth/token/lookup-self")).token(token).send().status()).isEqualTo(403);
        assertThat(via("10.9.8.7, 10.9.8.6", http.get("auth/token/lookup-self")).token(token).send().status()).isEqualTo(403);

        List<JsonNode> entries = Files.readAllLines(log).stream().map(line -> {
            try {
                return VaultHttp.JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).filter(e -> e.at("/request/path").asText().equals("auth/token/lookup-self")).toList();
        assertThat(entries).extracting(e -> e.at("/request/remote_address").asText()).contains("10.9.8.7", "10.9.8.6");
    }

    @Test
    void missingHeader_is400WithVaultsMessage() {
        VaultHttp.Result r = http.get("sys/mounts").token(root).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errors()).containsExactly("missing x-forwarded-for header and configured to reject when not present");
    }
}

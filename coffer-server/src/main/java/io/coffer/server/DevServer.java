package io.coffer.server;

import io.coffer.builtin.BuiltinRegistry;
import io.coffer.core.Core;
import io.coffer.core.physical.InmemBackend;
import io.coffer.core.seal.InitResult;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A dev-mode node: in-memory storage, initialised with a single unseal key and unsealed at
 * start, KV v2 mounted at {@code secret/}. Everything still goes through the barrier. Used by
 * {@code coffer server -dev} and by tests that need a real server.
 */
public final class DevServer implements AutoCloseable {
    private final Core core;
    private final CofferHttpServer http;
    private final String rootToken;
    private final String unsealKey;

    private DevServer(Core core, CofferHttpServer http, String rootToken, String unsealKey) {
        this.core = core;
        this.http = http;
        this.rootToken = rootToken;
        this.unsealKey = unsealKey;
    }

    /**
     * Starts a dev server.
     *
     * @param listenAddress {@code host:port}; port 0 picks a free one
     * @param rootTokenId   the root token's id, or {@code null} for a generated one
     */
    public static DevServer start(String listenAddress, String rootTokenId) {
        return start(ListenerConfig.plain(listenAddress), rootTokenId);
    }

    /** Starts a dev server on a fully specified listener (TLS, body limit). */
    public static DevServer start(ListenerConfig listener, String rootTokenId) {
        Clock clock = Clock.systemUTC();
        Core core = new Core(new InmemBackend(), BuiltinRegistry.standard(), clock, new SecureRandom());
        InitResult init = core.initialize(1, 1);
        byte[] key = init.shares().get(0);
        String unsealKey = Base64.getEncoder().encodeToString(key);
        core.unseal(key);
        java.util.Arrays.fill(key, (byte) 0);
        String root = init.rootToken();
        if (rootTokenId != null && !rootTokenId.isEmpty()) {
            root = core.createRootToken(rootTokenId);
            core.revokeToken(init.rootToken());
        }
        core.handle(new Request(UUID.randomUUID().toString(), Operation.UPDATE, "sys/mounts/secret", "",
                Map.of("type", "kv", "options", Map.of("version", "2"), "description", "key/value secret storage"),
                null, null, ""), root);
        try {
            CofferHttpServer http = new CofferHttpServer(core, listener, clock, "coffer-dev");
            http.start();
            return new DevServer(core, http, root, unsealKey);
        } catch (Exception e) {
            core.seal();
            throw new IllegalStateException("dev server failed to start: " + e.getMessage(), e);
        }
    }

    /** The API address, e.g. {@code http://127.0.0.1:8200}. */
    public String address() {
        return http.address();
    }

    public String rootToken() {
        return rootToken;
    }

    /** The single unseal key, base64, as {@code vault server -dev} prints it. */
    public String unsealKey() {
        return unsealKey;
    }

    public Core core() {
        return core;
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (Exception e) {
            throw new IllegalStateException("dev server failed to stop", e);
        } finally {
            core.seal();
        }
    }
}

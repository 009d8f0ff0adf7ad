package io.coffer.it.http;

import io.coffer.builtin.BuiltinRegistry;
import io.coffer.core.Core;
import io.coffer.core.physical.InmemBackend;
import io.coffer.server.CofferHttpServer;
import io.coffer.server.ListenerConfig;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * A brand-new, uninitialised {@link Core} on in-memory storage served over HTTP on a free
 * 127.0.0.1 port: for the init / unseal / seal lifecycle and the health codes of a node that
 * is not active.
 */
public final class FreshCoreServer implements AutoCloseable {
    private final Core core;
    private final CofferHttpServer http;
    private final VaultHttp client;

    private FreshCoreServer(Core core, CofferHttpServer http) {
        this.core = core;
        this.http = http;
        this.client = new VaultHttp(http.address());
    }

    public static FreshCoreServer start() {
        Core core = new Core(new InmemBackend(), BuiltinRegistry.standard(), Clock.systemUTC(), new SecureRandom());
        try {
            CofferHttpServer http = new CofferHttpServer(core, ListenerConfig.plain("127.0.0.1:0"), Clock.systemUTC(), "test");
            http.start();
            return new FreshCoreServer(core, http);
        } catch (Exception e) {
            throw new IllegalStateException("fresh core server failed to start", e);
        }
    }

    public Core core() {
        return core;
    }

    public String address() {
        return http.address();
    }

    public VaultHttp http() {
        return client;
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (Exception e) {
            throw new IllegalStateException("fresh core server failed to stop", e);
        } finally {
            core.seal();
        }
    }
}

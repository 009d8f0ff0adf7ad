package io.coffer.it.http;

import io.coffer.core.Core;
import io.coffer.server.DevServer;
import io.coffer.server.ListenerConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

/**
 * Starts one in-process {@link DevServer} (in-memory, unsealed, KV v2 at {@code secret/}) on
 * 127.0.0.1 before the first test of a class and closes it after the last one.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DevServerExtension SERVER = new DevServerExtension();
 * }</pre>
 */
public final class DevServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<ListenerConfig> listener;
    private DevServer server;
    private VaultHttp http;

    /** A plain-HTTP dev server on a free loopback port. */
    public DevServerExtension() {
        this(() -> ListenerConfig.plain("127.0.0.1:0"));
    }

    /** A dev server on the listener the supplier returns when the class starts (e.g. TLS). */
    public DevServerExtension(Supplier<ListenerConfig> listener) {
        this.listener = listener;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ListenerConfig config = listener.get();
        if (!"127.0.0.1".equals(config.host())) {
            throw new IllegalArgumentException("integration servers listen on 127.0.0.1 only");
        }
        server = DevServer.start(config, null);
        http = config.tls() ? null : new VaultHttp(server.address());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
            http = null;
        }
    }

    public DevServer server() {
        if (server == null) {
            throw new IllegalStateException("dev server is not running");
        }
        return server;
    }

    public String address() {
        return server().address();
    }

    public String rootToken() {
        return server().rootToken();
    }

    public Core core() {
        return server().core();
    }

    /** A plain-HTTP client for this server (null for TLS servers: build one with a trust store). */
    public VaultHttp http() {
        return http;
    }
}

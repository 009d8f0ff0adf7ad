package io.coffer.it.http;

import io.coffer.core.Core;
import io.coffer.server.DevServer;
import io.coffer.server.ListenerConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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
    private DevServer server;
    private VaultHttp http;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = DevServer.start(ListenerConfig.plain("127.0.0.1:0"), null);
        http = new VaultHttp(server.address());
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

    /** An HTTP/1.1 client for this server. */
    public VaultHttp http() {
        return http;
    }
}

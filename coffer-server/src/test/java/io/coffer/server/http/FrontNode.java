package io.coffer.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.core.Core;
import io.coffer.server.ListenerConfig;
import io.coffer.server.cluster.ClusterTls;
import io.coffer.server.cluster.ClusterView;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.time.Clock;

/**
 * A node's HTTP edge on 127.0.0.1 in tests, configured as {@code CofferHttpServer} configures
 * it, but with a {@link ClusterView} the test controls (a "standby" whose active node is
 * another server).
 */
final class FrontNode implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private FrontNode(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    static FrontNode start(Core core, ClusterView view) throws Exception {
        return start(core, view, ClusterTls.jvmDefault());
    }

    static FrontNode start(Core core, ClusterView view, ClusterTls tls) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("front");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setShutdownIdleTimeout(200);
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        server.setHandler(new VaultHandler(core, view, tls, new ObjectMapper(), Clock.systemUTC(),
                ListenerConfig.DEFAULT_MAX_BODY, "test-cluster"));
        server.setStopTimeout(1_000);
        server.start();
        return new FrontNode(server, connector);
    }

    String address() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

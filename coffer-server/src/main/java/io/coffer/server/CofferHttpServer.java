package io.coffer.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.core.Core;
import io.coffer.server.cluster.ClusterTls;
import io.coffer.server.cluster.CoreClusterView;
import io.coffer.server.http.JsonErrorHandler;
import io.coffer.server.http.VaultHandler;
import io.coffer.server.tls.PemKeyStore;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.security.KeyStore;
import java.time.Clock;

/**
 * A Jetty server with one listener in front of one {@link Core}: HTTP/1.1 with keep-alive, TLS
 * when the listener has a certificate, Vault's JSON errors for Jetty's own failures.
 */
public final class CofferHttpServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final boolean tls;

    public CofferHttpServer(Core core, ListenerConfig listener, Clock clock, String clusterName) throws Exception {
        this(core, listener, clock, clusterName, ClusterTls.jvmDefault());
    }

    /**
     * A server whose standby forwarding reaches the active node with {@code clusterTls} (the
     * trust for other nodes' HTTPS listeners).
     */
    public CofferHttpServer(Core core, ListenerConfig listener, Clock clock, String clusterName, ClusterTls clusterTls)
            throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("coffer-http");
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        this.tls = listener.tls();
        if (tls) {
            http.addCustomizer(new SecureRequestCustomizer());
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            char[] password = java.util.UUID.randomUUID().toString().toCharArray();
            KeyStore store = PemKeyStore.load(listener.tlsCertFile(), listener.tlsKeyFile(), password);
            ssl.setKeyStore(store);
            ssl.setKeyStorePassword(new String(password));
            ssl.setIncludeProtocols("TLSv1.2", "TLSv1.3");
            this.connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(listener.host());
        connector.setPort(listener.port());
        connector.setIdleTimeout(60_000);
        // on stop, idle keep-alive connections get this idle timeout; keep it well inside the stop timeout
        connector.setShutdownIdleTimeout(200);
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        server.setHandler(new VaultHandler(core, new CoreClusterView(core), clusterTls, new ObjectMapper(), clock,
                listener.maxBodyBytes(), clusterName, listener.forwardedFor()));
        server.setStopTimeout(2_000);
    }

    public void start() throws Exception {
        server.start();
    }

    /** The bound port (useful when configured with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The API address clients use, e.g. {@code http://127.0.0.1:8200}. */
    public String address() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return (tls ? "https://" : "http://") + host + ":" + port();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}

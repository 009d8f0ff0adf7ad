package io.coffer.server.http;

import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.server.cluster.ClusterTls;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The transparent reverse proxy a standby uses to hand a client request to the active node:
 * the same method, path, query and headers ({@code X-Vault-Token}, {@code Content-Type},
 * {@code X-Vault-*}, …), the body streamed as it arrives, and the active node's exact status,
 * headers and body streamed back. It is Jetty's own {@link ProxyHandler.Reverse}, so hop-by-hop
 * headers, {@code Expect: 100-continue} and back-pressure behave as in any Jetty proxy.
 *
 * <p>Every forwarded request carries {@value #FORWARDED_HEADER}, and no node forwards a request
 * that has it, so two nodes that each believe the other active cannot bounce a request between
 * them. The request also carries the client's address, vouched for by this node
 * ({@link ForwardedClients}), so CIDR bindings hold through a standby. When the active node cannot be reached (or fails before its answer began) the client
 * gets 500 {@code local node not active but active cluster node not found}, as from Vault.
 * Forwarding runs on the server's thread pool; HTTPS follows the given {@link ClusterTls}.
 */
final class ActiveNodeProxy extends ProxyHandler.Reverse {
    /** The header that marks a request a standby forwarded. */
    static final String FORWARDED_HEADER = "X-Coffer-Forwarded";
    static final String UNREACHABLE = "local node not active but active cluster node not found";
    private static final Logger LOG = System.getLogger(ActiveNodeProxy.class.getName());
    private static final String TARGET = ActiveNodeProxy.class.getName() + ".target";
    private static final long CONNECT_TIMEOUT_MS = 10_000;
    private static final long IDLE_TIMEOUT_MS = 60_000;

    private final ClusterTls tls;
    private final HttpExchange out;
    private final ForwardedClients clients;

    ActiveNodeProxy(ClusterTls tls, HttpExchange out, ForwardedClients clients) {
        super(request -> (HttpURI) request.getAttribute(TARGET));
        this.tls = tls;
        this.out = out;
        this.clients = clients;
        setUseServerThreadPool(true);
        // the default looks the local host name up in DNS at start
        setViaHost("coffer");
    }

    /** Relays {@code request} to {@code target} (the active node's URL for the same path and query). */
    void forward(Request request, Response response, Callback callback, HttpURI target) {
        request.setAttribute(TARGET, target);
        handle(request, response, callback);
    }

    @Override
    protected HttpClient newHttpClient() {
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls.newClientFactory());
        return new HttpClient(new HttpClientTransportDynamic(connector));
    }

    @Override
    protected void configureHttpClient(HttpClient client) {
        super.configureHttpClient(client);
        client.setConnectTimeout(CONNECT_TIMEOUT_MS);
        client.setIdleTimeout(IDLE_TIMEOUT_MS);
        // relay the client's own User-Agent, and add none when it sent none
        client.setUserAgentField(null);
    }

    @Override
    protected void copyRequestHeaders(Request clientToProxy, org.eclipse.jetty.client.Request proxyToServer) {
        super.copyRequestHeaders(clientToProxy, proxyToServer);
        // the active node's own host and port, set by the client from the target URL; and never
        // a client's own claim of its address
        proxyToServer.headers(h -> h.remove(HttpHeader.HOST).remove(ForwardedClients.HEADER));
    }

    @Override
    protected void addProxyHeaders(Request clientToProxy, org.eclipse.jetty.client.Request proxyToServer) {
        super.addProxyHeaders(clientToProxy, proxyToServer);
        proxyToServer.headers(h -> h.put(FORWARDED_HEADER, "true"));
        clients.vouch(VaultHandler.clientAddress(clientToProxy), clientToProxy.getMethod(),
                        clientToProxy.getHttpURI().getPathQuery())
                .ifPresent(v -> proxyToServer.headers(h -> h.put(ForwardedClients.HEADER, v)));
    }

    @Override
    protected void onServerToProxyResponseFailure(Request clientToProxy, org.eclipse.jetty.client.Request proxyToServer,
                                                  org.eclipse.jetty.client.Response serverToProxy, Response proxyToClient,
                                                  Callback callback, Throwable failure) {
        // the request's path and query stay out of the log: they may name secrets
        LOG.log(Level.WARNING, "forwarding a request to the active node {0} failed: {1}",
                proxyToServer.getScheme() + "://" + proxyToServer.getHost() + ":" + proxyToServer.getPort(),
                failure.getClass().getName());
        if (proxyToClient.isCommitted()) {
            callback.failed(failure);
            return;
        }
        proxyToClient.reset();
        out.writeFailure(proxyToClient, callback, new InternalException(UNREACHABLE));
    }
}

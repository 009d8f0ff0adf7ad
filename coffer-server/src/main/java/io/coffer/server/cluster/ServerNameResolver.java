package io.coffer.server.cluster;

import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves a TLS server name to the addresses of the real host while keeping the name on
 * every address, so the TLS client sends it as SNI and verifies the certificate against it
 * ({@code leader_tls_servername}). Other names resolve normally. Blocking (joins are rare).
 */
final class ServerNameResolver implements SocketAddressResolver {
    private final String serverName;
    private final String realHost;
    private final SocketAddressResolver others = new SocketAddressResolver.Sync();

    ServerNameResolver(String serverName, String realHost) {
        this.serverName = serverName;
        this.realHost = realHost;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        if (!host.equalsIgnoreCase(serverName)) {
            others.resolve(host, port, context, promise);
            return;
        }
        try {
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (InetAddress a : InetAddress.getAllByName(realHost)) {
                addresses.add(new InetSocketAddress(InetAddress.getByAddress(serverName, a.getAddress()), port));
            }
            promise.succeeded(addresses);
        } catch (UnknownHostException e) {
            promise.failed(e);
        }
    }
}

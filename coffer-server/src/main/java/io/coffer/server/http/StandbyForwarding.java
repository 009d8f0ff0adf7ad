package io.coffer.server.http;

import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.server.cluster.ClusterView;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a standby does with a request it does not serve itself (contract §1.7): relay it to the
 * active node through {@link ActiveNodeProxy}, or send the client there with a 307 when it asked
 * not to be forwarded ({@code X-Vault-No-Request-Forwarding}) or the path is a Raft snapshot
 * (always redirected, never proxied). It answers 503 {@code no active Vault instance found}
 * when the active node is unknown or the request was already forwarded once.
 *
 * <p>The node-local routes — seal lifecycle, health, leader and raft join — are served by
 * every node; {@link #isNodeLocal} names them. The {@code Location} of a redirect is the active
 * node's API address with the request's raw path and query.
 */
final class StandbyForwarding {
    static final String NO_FORWARDING_HEADER = "X-Vault-No-Request-Forwarding";
    private static final Set<String> NODE_LOCAL = Set.of("sys/health", "sys/seal-status", "sys/unseal", "sys/init",
            "sys/leader", "sys/seal", "sys/storage/raft/join");
    private static final Set<String> ALWAYS_REDIRECTED = Set.of("sys/storage/raft/snapshot", "sys/storage/raft/snapshot-force");

    private final ClusterView cluster;
    private final ActiveNodeProxy proxy;
    private final HttpExchange out;

    StandbyForwarding(ClusterView cluster, ActiveNodeProxy proxy, HttpExchange out) {
        this.cluster = cluster;
        this.proxy = proxy;
        this.out = out;
    }

    /** Whether a standby serves {@code path} (relative to {@code /v1/}) itself. */
    static boolean isNodeLocal(String path) {
        return NODE_LOCAL.contains(path);
    }

    /** Forwards, redirects or refuses a request that reached this standby. */
    void handle(Request request, Response response, Callback callback, String path) {
        if (request.getHeaders().get(ActiveNodeProxy.FORWARDED_HEADER) != null) {
            throw new NoActiveNodeException();
        }
        String active = cluster.activeAddress().orElseThrow(NoActiveNodeException::new);
        HttpURI target = target(active, request);
        String noForwarding = request.getHeaders().get(NO_FORWARDING_HEADER);
        if (ALWAYS_REDIRECTED.contains(path) || (noForwarding != null && !noForwarding.isEmpty())) {
            out.writeRedirect(response, callback, target.toString());
        } else {
            proxy.forward(request, response, callback, target);
        }
    }

    /**
     * The answer when the core found out mid-request that this node is a standby (leadership
     * moved): a 307 to the new active node if known, else 503. The body is already consumed, so
     * the request cannot be relayed any more.
     */
    void leadershipLost(Request request, Response response, Callback callback, Optional<String> active) {
        String address = active.orElseThrow(NoActiveNodeException::new);
        out.writeRedirect(response, callback, target(address, request).toString());
    }

    /** The active node's URL for the request: its scheme, host and port with the raw path and query. */
    private static HttpURI target(String activeAddress, Request request) {
        URI base;
        try {
            base = URI.create(activeAddress.strip());
        } catch (IllegalArgumentException e) {
            throw new InternalException(ActiveNodeProxy.UNREACHABLE);
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || base.getHost() == null) {
            throw new InternalException(ActiveNodeProxy.UNREACHABLE);
        }
        HttpURI uri = request.getHttpURI();
        return HttpURI.build(base).path(uri.getPath()).query(uri.getQuery()).asImmutable();
    }
}

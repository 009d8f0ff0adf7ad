package io.coffer.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.core.Core;
import io.coffer.core.ha.NodeRole;
import io.coffer.core.ha.StandbyException;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.LogicalException;
import io.coffer.sdk.logical.exception.OperationNotSupportedException;
import io.coffer.server.cluster.ClusterTls;
import io.coffer.server.cluster.ClusterView;
import io.coffer.server.cluster.CoreClusterView;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;

/**
 * The HTTP edge of a node: everything under {@code /v1/}. The special {@code sys/} routes
 * (seal lifecycle, health, leader, Raft join and snapshots) are answered here; every other path
 * goes to the core as a logical request. On a standby, every route that is not node-local is
 * forwarded to the active node or redirected there ({@link StandbyForwarding}). Failures become
 * {@code {"errors":[...]}} with the status of {@link ErrorStatus}.
 *
 * <p>The handler owns the forwarding proxy as a managed bean: it starts and stops with the
 * handler and runs on the server's thread pool.
 */
public final class VaultHandler extends Handler.Abstract {
    private static final Logger LOG = System.getLogger(VaultHandler.class.getName());
    private static final List<String> NO_ERRORS = List.of();
    private static final String CLIENT_ADDRESS = VaultHandler.class.getName() + ".clientAddress";

    private final ClusterView cluster;
    private final HttpExchange out;
    private final HealthRoute health;
    private final SealRoutes seal;
    private final LeaderRoute leader;
    private final RaftJoinRoutes raftJoin;
    private final SnapshotRoutes snapshots;
    private final LogicalRoute logical;
    private final ActiveNodeProxy proxy;
    private final StandbyForwarding forwarding;
    private final ForwardedClients forwardedClients;
    private final ForwardedFor forwardedFor;

    /** A handler whose node role comes from {@code core} and that trusts what the JVM trusts when forwarding. */
    public VaultHandler(Core core, ObjectMapper json, Clock clock, long maxBodyBytes, String clusterName) {
        this(core, new CoreClusterView(core), ClusterTls.jvmDefault(), json, clock, maxBodyBytes, clusterName);
    }

    /**
     * @param cluster    where this node stands in its cluster (role, active node, leader status)
     * @param clusterTls how to trust the active node when forwarding to it over HTTPS
     */
    public VaultHandler(Core core, ClusterView cluster, ClusterTls clusterTls, ObjectMapper json, Clock clock,
                        long maxBodyBytes, String clusterName) {
        this(core, cluster, clusterTls, json, clock, maxBodyBytes, clusterName, ForwardedFor.DISABLED);
    }

    /** @param forwardedFor the listener's {@code x_forwarded_for_*} settings */
    public VaultHandler(Core core, ClusterView cluster, ClusterTls clusterTls, ObjectMapper json, Clock clock,
                        long maxBodyBytes, String clusterName, ForwardedFor forwardedFor) {
        JsonBodies bodies = new JsonBodies(json);
        this.cluster = cluster;
        this.out = new HttpExchange(json);
        this.health = new HealthRoute(core, cluster, out, clock, clusterName);
        this.seal = new SealRoutes(core, bodies, out, maxBodyBytes, clusterName);
        this.leader = new LeaderRoute(core, cluster, out);
        this.raftJoin = new RaftJoinRoutes(core, bodies, out, maxBodyBytes);
        this.snapshots = new SnapshotRoutes(core, out);
        this.forwardedClients = new ForwardedClients(core::forwardingKey, clock);
        this.forwardedFor = forwardedFor;
        this.logical = new LogicalRoute(core, bodies, out, maxBodyBytes);
        this.proxy = new ActiveNodeProxy(clusterTls, out, forwardedClients);
        this.forwarding = new StandbyForwarding(cluster, proxy, out);
        addBean(proxy, true);
    }

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        proxy.setServer(server);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        try {
            request.setAttribute(CLIENT_ADDRESS, resolveClientAddress(request));
            checkRawPath(request.getHttpURI().getPath());
            if (!path.startsWith("/v1/")) {
                out.writeErrors(response, callback, 404, NO_ERRORS);
                return true;
            }
            String route = path.substring(4);
            if (!StandbyForwarding.isNodeLocal(route) && cluster.role() == NodeRole.STANDBY) {
                forwarding.handle(request, response, callback, route);
            } else {
                route(request, response, callback, route);
            }
        } catch (StandbyException e) {
            // leadership moved while the core handled the request; its body is gone, so redirect
            if (!abortIfCommitted(response, callback, e)) {
                try {
                    forwarding.leadershipLost(request, response, callback, e.activeAddress());
                } catch (LogicalException failure) {
                    out.writeFailure(response, callback, failure);
                }
            }
        } catch (LogicalException e) {
            if (!abortIfCommitted(response, callback, e)) {
                out.writeFailure(response, callback, e);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "request to {0} failed: {1}", path, e.getClass().getName());
            if (!abortIfCommitted(response, callback, e)) {
                out.writeErrors(response, callback, 500, List.of("internal error"));
            }
        }
        return true;
    }

    private void route(Request request, Response response, Callback callback, String path) {
        String method = request.getMethod();
        boolean write = method.equals("PUT") || method.equals("POST");
        switch (path) {
            case "sys/health" -> {
                requireMethod(method.equals("GET") || method.equals("HEAD"));
                health.handle(request, response, callback);
            }
            case "sys/seal-status" -> {
                requireMethod(method.equals("GET"));
                seal.sealStatus(response, callback);
            }
            case "sys/init" -> {
                requireMethod(method.equals("GET") || write);
                if (write) {
                    seal.init(request, response, callback);
                } else {
                    seal.initStatus(response, callback);
                }
            }
            case "sys/unseal" -> {
                requireMethod(write);
                seal.unseal(request, response, callback);
            }
            case "sys/leader" -> {
                requireMethod(method.equals("GET"));
                leader.leader(response, callback);
            }
            case "sys/seal" -> {
                requireMethod(write);
                seal.seal(request, response, callback, token(request));
            }
            case "sys/rekey/init" -> {
                requireMethod(method.equals("GET") || method.equals("DELETE") || write);
                if (write) {
                    seal.rekeyInit(request, response, callback);
                } else if (method.equals("DELETE")) {
                    seal.rekeyCancel(response, callback);
                } else {
                    seal.rekeyStatus(response, callback);
                }
            }
            case "sys/rekey/update" -> {
                requireMethod(write);
                seal.rekeyUpdate(request, response, callback);
            }
            case "sys/step-down" -> {
                requireMethod(write);
                leader.stepDown(request, response, callback, token(request));
            }
            case "sys/storage/raft/join" -> {
                requireMethod(write);
                raftJoin.join(request, response, callback);
            }
            case "sys/storage/raft/bootstrap/challenge" -> {
                requireMethod(write);
                raftJoin.challenge(request, response, callback);
            }
            case "sys/storage/raft/bootstrap/answer" -> {
                requireMethod(write);
                raftJoin.answer(request, response, callback);
            }
            case "sys/storage/raft/snapshot" -> {
                requireMethod(method.equals("GET") || write);
                if (write) {
                    snapshots.restore(request, response, callback, token(request), false);
                } else {
                    snapshots.save(request, response, callback, token(request));
                }
            }
            case "sys/storage/raft/snapshot-force" -> {
                requireMethod(write);
                snapshots.restore(request, response, callback, token(request), true);
            }
            default -> {
                if (method.equals("HEAD")) {
                    throw new OperationNotSupportedException();
                }
                logical.handle(request, response, callback, path, token(request));
            }
        }
    }

    /**
     * The client of {@code request}: for a request a standby forwarded, the address it vouched
     * for (a forwarded request without a genuine vouch is refused, never taken as coming from
     * the standby); else what the listener's {@link ForwardedFor} rule makes of the connection.
     */
    private String resolveClientAddress(Request request) {
        if (request.getHeaders().get(ActiveNodeProxy.FORWARDED_HEADER) != null && cluster.role() != NodeRole.STANDBY) {
            // (a standby answers a forwarded request 503 without serving it)
            return forwardedClients.verified(request.getHeaders().get(ForwardedClients.HEADER), request.getMethod(),
                    request.getHttpURI().getPathQuery()).orElseThrow(() -> new InternalException(
                    "forwarded request without a valid client address; are the nodes' clocks in sync?"));
        }
        return forwardedFor.clientAddress(request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR),
                ForwardedClients.plainAddress(Request.getRemoteAddr(request)));
    }

    /** The client address this handler resolved for {@code request} (the connection's before that). */
    static String clientAddress(Request request) {
        Object resolved = request.getAttribute(CLIENT_ADDRESS);
        return resolved instanceof String s ? s : ForwardedClients.plainAddress(Request.getRemoteAddr(request));
    }

    /** After the response began, an error can no longer be rendered: abort it instead. */
    private static boolean abortIfCommitted(Response response, Callback callback, Throwable failure) {
        if (response.isCommitted()) {
            callback.failed(failure);
            return true;
        }
        return false;
    }

    /** Refuses dot segments: a path means what it says, never something a client normalises. */
    private static void checkRawPath(String raw) {
        if (raw == null) {
            return;
        }
        for (String segment : raw.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..") || segment.equalsIgnoreCase("%2e") || segment.equalsIgnoreCase("%2e%2e")) {
                throw new InvalidRequestException("invalid request path: dot segments are not allowed");
            }
        }
    }

    private static void requireMethod(boolean allowed) {
        if (!allowed) {
            throw new SpecialRouteMethodException();
        }
    }

    /** A wrong verb on a special route: 405 with an empty {@code errors} array. */
    private static final class SpecialRouteMethodException extends OperationNotSupportedException {
        @Override
        public List<String> errors() {
            return NO_ERRORS;
        }
    }

    /** The client token: {@code X-Vault-Token}, else {@code Authorization: Bearer}. */
    static String token(Request request) {
        String token = request.getHeaders().get("X-Vault-Token");
        if (token != null && !token.isEmpty()) {
            return token;
        }
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (auth != null && auth.startsWith("Bearer ")) {
            return auth.substring(7).trim();
        }
        return "";
    }
}

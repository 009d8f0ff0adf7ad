package io.coffer.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.core.Core;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.LogicalException;
import io.coffer.sdk.logical.exception.OperationNotSupportedException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;

/**
 * The HTTP edge of a node: everything under {@code /v1/}. The sealed-state {@code sys/} routes
 * are answered here; every other path goes to the core as a logical request. Failures become
 * {@code {"errors":[...]}} with the status of {@link ErrorStatus}.
 */
public final class VaultHandler extends Handler.Abstract {
    private static final Logger LOG = System.getLogger(VaultHandler.class.getName());
    private static final List<String> NO_ERRORS = List.of();

    private final HttpExchange out;
    private final HealthRoute health;
    private final SealRoutes seal;
    private final LogicalRoute logical;

    public VaultHandler(Core core, ObjectMapper json, Clock clock, long maxBodyBytes, String clusterName) {
        JsonBodies bodies = new JsonBodies(json);
        this.out = new HttpExchange(json);
        this.health = new HealthRoute(core, out, clock, clusterName);
        this.seal = new SealRoutes(core, bodies, out, maxBodyBytes, clusterName);
        this.logical = new LogicalRoute(core, bodies, out, maxBodyBytes);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        try {
            checkRawPath(request.getHttpURI().getPath());
            if (!path.startsWith("/v1/")) {
                out.writeErrors(response, callback, 404, NO_ERRORS);
                return true;
            }
            route(request, response, callback, path.substring(4));
        } catch (LogicalException e) {
            out.writeErrors(response, callback, ErrorStatus.of(e), e.errors());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "request to {0} failed: {1}", path, e.getClass().getName());
            out.writeErrors(response, callback, 500, List.of("internal error"));
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
                seal.leader(response, callback);
            }
            case "sys/seal" -> {
                requireMethod(write);
                seal.seal(response, callback, token(request));
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
                seal.stepDown(response, callback, token(request));
            }
            default -> {
                if (method.equals("HEAD")) {
                    throw new OperationNotSupportedException();
                }
                logical.handle(request, response, callback, path, token(request));
            }
        }
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

package io.coffer.server.http;

import io.coffer.core.Core;
import io.coffer.sdk.framework.GoBool;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.OperationNotSupportedException;
import io.coffer.sdk.logical.exception.UnsupportedMediaTypeException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catch-all route: turns method, path, query and body into a logical request, hands it to
 * the core and renders the answer. GET is read (list with {@code ?list=true}), LIST is list,
 * POST and PUT are update, PATCH is patch (merge-patch content type only), DELETE is delete.
 */
final class LogicalRoute {
    private final Core core;
    private final JsonBodies bodies;
    private final HttpExchange out;
    private final long maxBodyBytes;

    LogicalRoute(Core core, JsonBodies bodies, HttpExchange out, long maxBodyBytes) {
        this.core = core;
        this.bodies = bodies;
        this.out = out;
        this.maxBodyBytes = maxBodyBytes;
    }

    void handle(Request request, Response response, Callback callback, String path, String token) {
        if (request.getHeaders().get("X-Vault-Wrap-TTL") != null) {
            // answering unwrapped would hand a secret to a caller who asked for it wrapped
            throw new InvalidRequestException("response wrapping is not supported by this server");
        }
        Fields query = Request.extractQueryParameters(request);
        Operation op = operation(request, query);
        Map<String, Object> data;
        if (op == Operation.READ || op == Operation.LIST || op == Operation.DELETE) {
            data = new LinkedHashMap<>();
            for (Fields.Field f : query) {
                if (!f.getName().equals("list")) {
                    data.put(f.getName(), f.getValue());
                }
            }
        } else {
            data = bodies.parse(RequestBody.read(request, maxBodyBytes));
        }
        String logicalPath = op == Operation.LIST && !path.endsWith("/") ? path + "/" : path;
        String id = RequestIds.next();
        io.coffer.sdk.logical.Request logical = new io.coffer.sdk.logical.Request(id, op, logicalPath, "", data,
                null, null, VaultHandler.clientAddress(request));
        io.coffer.sdk.logical.Response answer = core.handle(logical, token);
        if (answer.isEmpty()) {
            out.writeEmpty(response, callback, 204);
        } else {
            out.writeJson(response, callback, answer.status() == null ? 200 : answer.status(), Envelope.of(id, answer));
        }
    }

    private static Operation operation(Request request, Fields query) {
        String method = request.getMethod();
        switch (method) {
            case "GET":
                String list = query.getValue("list");
                Boolean listing = list == null ? Boolean.FALSE : GoBool.parse(list);
                if (listing == null) {
                    throw new InvalidRequestException("invalid value for \"list\" parameter");
                }
                return listing ? Operation.LIST : Operation.READ;
            case "LIST":
                return Operation.LIST;
            case "POST":
            case "PUT":
                return Operation.UPDATE;
            case "DELETE":
                return Operation.DELETE;
            case "PATCH":
                String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
                if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/merge-patch+json")) {
                    throw new UnsupportedMediaTypeException("PATCH requires Content-Type application/merge-patch+json");
                }
                return Operation.PATCH;
            default:
                throw new OperationNotSupportedException();
        }
    }
}

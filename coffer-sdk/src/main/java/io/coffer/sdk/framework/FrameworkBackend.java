package io.coffer.sdk.framework;

import io.coffer.sdk.logical.Backend;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.NotFoundException;
import io.coffer.sdk.logical.exception.OperationNotSupportedException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Backend} made of declared {@link Path}s: it finds the first path whose pattern
 * matches, decodes the fields and calls the handler of the request's operation.
 *
 * <p>An unmatched path is a 404 {@code unsupported path}; a matched path without a handler for
 * the operation is a 405. A create on a path that has no create handler falls back to update.
 */
public class FrameworkBackend implements Backend {
    private final List<Path> paths;

    public FrameworkBackend(List<Path> paths) {
        this.paths = List.copyOf(paths);
    }

    @Override
    public Response handleRequest(Request request) {
        Route route = route(request);
        OperationHandler handler = route.path.handler(request.operation());
        if (handler == null && request.operation() == Operation.CREATE) {
            handler = route.path.handler(Operation.UPDATE);
        }
        if (handler == null) {
            throw new OperationNotSupportedException();
        }
        Response response = handler.handle(request, route.data);
        return response == null ? Response.noContent() : response;
    }

    /**
     * {@inheritDoc}
     *
     * <p>An unmatched path has no existence check either: as in Vault, the request is then
     * authorised as an update and answered {@code unsupported path} only if the ACL allows it,
     * so an unprivileged caller cannot probe which paths exist.
     */
    @Override
    public Optional<Boolean> exists(Request request) {
        Route route = find(request);
        if (route == null) {
            return Optional.empty();
        }
        ExistenceCheck check = route.path.existenceCheck();
        return check == null ? Optional.empty() : Optional.of(check.exists(request, route.data));
    }

    /** The declared paths, in matching order. */
    public List<Path> paths() {
        return paths;
    }

    private Route route(Request request) {
        Route route = find(request);
        if (route == null) {
            throw new NotFoundException("unsupported path");
        }
        return route;
    }

    private Route find(Request request) {
        String relative = request.relativePath();
        for (Path path : paths) {
            Map<String, String> captured = path.match(relative);
            if (captured != null) {
                Map<String, Object> raw = new HashMap<>(request.data());
                raw.putAll(captured);
                return new Route(path, new FieldData(raw, path.fields()));
            }
        }
        return null;
    }

    private record Route(Path path, FieldData data) {
    }
}

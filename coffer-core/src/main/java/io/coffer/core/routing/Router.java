package io.coffer.core.routing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the backend for an API path by longest mount-prefix match. Lookups are lock-free and
 * cost one hash probe per path segment.
 */
public final class Router {
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    /** Mounts {@code route} at its mount point, replacing nothing: the caller checks conflicts. */
    public void mount(Route route) {
        routes.put(route.mountPoint(), route);
    }

    public void unmount(String mountPoint) {
        routes.remove(mountPoint);
    }

    /** The route whose mount point is the longest prefix of {@code path}, or {@code null}. */
    public Route match(String path) {
        for (int i = path.lastIndexOf('/'); i >= 0; i = path.lastIndexOf('/', i - 1)) {
            Route r = routes.get(path.substring(0, i + 1));
            if (r != null) {
                return r;
            }
            if (i == 0) {
                break;
            }
        }
        return null;
    }

    /** The route mounted exactly at {@code mountPoint}, or {@code null}. */
    public Route exact(String mountPoint) {
        return routes.get(mountPoint);
    }

    /**
     * The mount point that conflicts with a new mount at {@code mountPoint}: an existing mount that
     * is a prefix of it or that it is a prefix of; {@code null} when there is none.
     */
    public String conflict(String mountPoint) {
        for (String existing : routes.keySet()) {
            if (existing.startsWith(mountPoint) || mountPoint.startsWith(existing)) {
                return existing;
            }
        }
        return null;
    }

    public Collection<Route> routes() {
        return List.copyOf(routes.values());
    }

    public void clear() {
        routes.clear();
    }
}

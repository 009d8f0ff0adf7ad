package io.coffer.core.system;

import io.coffer.core.policy.Acl;
import io.coffer.core.policy.PolicyStore;
import io.coffer.core.routing.MountEntry;
import io.coffer.core.routing.MountManager;
import io.coffer.core.routing.Route;
import io.coffer.core.routing.Router;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.PermissionDeniedException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code sys/internal/ui/mounts[/<path>]}: the mounts a token may see, and the mount behind a
 * path, which the {@code vault kv} CLI and Spring Vault call to choose KV v1 or v2 paths. No
 * policy on this path is needed: any capability under the mount suffices.
 */
final class InternalUiPaths {
    private final MountManager mounts;
    private final Router router;
    private final PolicyStore policies;

    InternalUiPaths(MountManager mounts, Router router, PolicyStore policies) {
        this.mounts = mounts;
        this.router = router;
        this.policies = policies;
    }

    List<Path> paths() {
        return List.of(
                Path.builder("internal/ui/mounts/?")
                        .operation(Operation.READ, (req, data) -> visible(req))
                        .build(),
                Path.builder("internal/ui/mounts/{path:.+}")
                        .operation(Operation.READ, (req, data) -> mountOf(req, data.raw().get("path").toString()))
                        .build());
    }

    private Response visible(Request req) {
        Acl acl = policies.acl(req.caller().policies());
        Map<String, Object> secret = new TreeMap<>();
        Map<String, Object> auth = new TreeMap<>();
        for (MountEntry e : mounts.entries(MountEntry.TABLE_MOUNTS)) {
            if (mayList(acl, e)) {
                secret.put(e.path(), MountView.render(e));
            }
        }
        for (MountEntry e : mounts.entries(MountEntry.TABLE_AUTH)) {
            if (mayList(acl, e)) {
                auth.put(e.path(), MountView.render(e));
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("auth", auth);
        d.put("secret", secret);
        return Response.of(d);
    }

    private Response mountOf(Request req, String path) {
        String normalized = path.endsWith("/") ? path : path + "/";
        Route route = router.match(normalized);
        Acl acl = policies.acl(req.caller().policies());
        if (route == null || !(acl.isRoot() || acl.hasAnyCapabilityUnder(route.mountPoint()))) {
            throw PermissionDeniedException.withMessage("preflight capability check returned 403, please ensure client's "
                    + "policies grant access to path \"" + normalized + "\"");
        }
        Map<String, Object> d = new LinkedHashMap<>(MountView.render(route.entry()));
        d.put("path", route.mountPoint());
        return Response.of(d);
    }

    private static boolean mayList(Acl acl, MountEntry e) {
        return acl.isRoot() || "unauth".equals(e.config().listingVisibility()) || acl.hasAnyCapabilityUnder(e.apiPath());
    }
}

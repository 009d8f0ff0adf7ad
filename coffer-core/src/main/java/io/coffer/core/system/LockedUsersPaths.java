package io.coffer.core.system;

import io.coffer.core.routing.Route;
import io.coffer.core.routing.Router;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.UserLockouts;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sys/locked-users} (the users locked out on every auth mount whose backend implements
 * {@link UserLockouts}, optionally for one {@code mount_accessor}) and
 * {@code sys/locked-users/<mount_accessor>/unlock/<alias_identifier>}.
 */
final class LockedUsersPaths {
    private final Router router;

    LockedUsersPaths(Router router) {
        this.router = router;
    }

    List<Path> paths() {
        return List.of(
                Path.builder("locked-users")
                        .field("mount_accessor", FieldType.STRING, "Only this auth mount")
                        .operation(Operation.READ, (req, data) -> list(data.getString("mount_accessor")))
                        .build(),
                Path.builder("locked-users/{mount_accessor}/unlock/{alias_identifier:.+}")
                        .field("mount_accessor", FieldType.STRING, "Accessor of the auth mount")
                        .field("alias_identifier", FieldType.STRING, "The locked user's alias identifier")
                        .write((req, data) -> unlock(data.getString("mount_accessor"), data.getString("alias_identifier")))
                        .build());
    }

    private Response list(String onlyAccessor) {
        List<Map<String, Object>> mounts = new ArrayList<>();
        int total = 0;
        for (Route route : router.routes()) {
            if (!(route.backend() instanceof UserLockouts lockouts)) {
                continue;
            }
            String accessor = route.entry().accessor();
            if (!onlyAccessor.isEmpty() && !onlyAccessor.equals(accessor)) {
                continue;
            }
            List<Map<String, Object>> aliases = new ArrayList<>();
            for (Map.Entry<String, Instant> e : lockouts.lockedUsers(route.storage()).entrySet()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("alias", e.getKey());
                a.put("mount_accessor", accessor);
                a.put("alias_identifier", e.getKey());
                a.put("lockout_end_time", e.getValue().toString());
                aliases.add(a);
            }
            if (aliases.isEmpty()) {
                continue;
            }
            total += aliases.size();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mount_accessor", accessor);
            m.put("counts", aliases.size());
            m.put("aliases", aliases);
            mounts.add(m);
        }
        Map<String, Object> ns = new LinkedHashMap<>();
        ns.put("namespace_id", "root");
        ns.put("namespace_path", "");
        ns.put("counts", total);
        ns.put("mount_accessors", mounts);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("by_namespace", total == 0 ? List.of() : List.of(ns));
        d.put("total", total);
        return Response.of(d);
    }

    private Response unlock(String accessor, String alias) {
        for (Route route : router.routes()) {
            if (route.entry().accessor().equals(accessor)) {
                if (!(route.backend() instanceof UserLockouts lockouts)) {
                    throw new InvalidRequestException("mount " + route.entry().path() + " has no user lockout");
                }
                lockouts.unlock(route.storage(), alias);
                return Response.noContent();
            }
        }
        throw new InvalidRequestException("no auth mount with accessor " + accessor);
    }
}

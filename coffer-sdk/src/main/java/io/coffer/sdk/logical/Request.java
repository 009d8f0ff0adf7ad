package io.coffer.sdk.logical;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A logical request as it reaches a backend: what to do, where, with which fields, on whose
 * behalf. Nothing in it knows about HTTP.
 *
 * @param id            the request id echoed back as {@code request_id}
 * @param operation     the logical operation
 * @param path          the full API path below {@code /v1/}, e.g. {@code secret/data/app}
 * @param mountPoint    the mount the router matched, with a trailing slash, e.g. {@code secret/};
 *                      empty until routed
 * @param data          request fields: the JSON body for writes, the query parameters for reads
 * @param caller        who is asking; {@link Caller#ANONYMOUS} on unauthenticated paths
 * @param storage       the mount's own view of storage; {@code null} until routed
 * @param remoteAddress the client's IP address, for CIDR bindings; may be empty
 */
public record Request(
        String id,
        Operation operation,
        String path,
        String mountPoint,
        Map<String, Object> data,
        Caller caller,
        Storage storage,
        String remoteAddress) {

    public Request {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mountPoint, "mountPoint");
        data = data == null ? Map.of() : data;
        caller = caller == null ? Caller.ANONYMOUS : caller;
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
    }

    /** A request not yet authenticated or routed. */
    public static Request of(String id, Operation operation, String path, Map<String, Object> data) {
        return new Request(id, operation, path, "", data, Caller.ANONYMOUS, null, "");
    }

    /** The path below the mount point, e.g. {@code data/app} for {@code secret/data/app}. */
    public String relativePath() {
        return path.startsWith(mountPoint) ? path.substring(mountPoint.length()) : path;
    }

    public Request withOperation(Operation newOperation) {
        return new Request(id, newOperation, path, mountPoint, data, caller, storage, remoteAddress);
    }

    public Request withPath(String newPath) {
        return new Request(id, operation, newPath, mountPoint, data, caller, storage, remoteAddress);
    }

    public Request withCaller(Caller newCaller) {
        return new Request(id, operation, path, mountPoint, data, newCaller, storage, remoteAddress);
    }

    public Request withData(Map<String, Object> newData) {
        return new Request(id, operation, path, mountPoint, newData, caller, storage, remoteAddress);
    }

    /** This request routed to a mount: its mount point and its storage view. */
    public Request routedTo(String newMountPoint, Storage newStorage) {
        return new Request(id, operation, path, newMountPoint, data, caller, newStorage, remoteAddress);
    }

    /**
     * The authenticated identity behind a request, as far as backends need to know it.
     *
     * @param token       the client token; never logged (see {@link #toString()})
     * @param accessor    the token's accessor
     * @param policies    the token's policies, sorted
     * @param displayName the token's display name
     * @param entityId    the identity entity id, empty when none
     * @param root        whether the token carries the {@code root} policy
     * @param sudo        whether the caller's policies grant {@code sudo} on this request's path
     */
    public record Caller(String token, String accessor, List<String> policies, String displayName,
                         String entityId, boolean root, boolean sudo) {
        /** The caller of an unauthenticated request. */
        public static final Caller ANONYMOUS = new Caller("", "", List.of(), "", "", false, false);

        public Caller {
            policies = List.copyOf(policies);
        }

        /** This caller with the sudo grant of a particular path. */
        public Caller withSudo(boolean pathSudo) {
            return new Caller(token, accessor, policies, displayName, entityId, root, pathSudo);
        }

        /** Whether a token was presented and resolved. */
        public boolean authenticated() {
            return !token.isEmpty();
        }

        @Override
        public String toString() {
            return "Caller[accessor=" + accessor + ", policies=" + policies + ", displayName=" + displayName + "]";
        }
    }
}

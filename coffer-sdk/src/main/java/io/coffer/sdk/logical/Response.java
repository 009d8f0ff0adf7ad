package io.coffer.sdk.logical;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A backend's answer to a {@link Request}, rendered by the HTTP edge into Vault's success
 * envelope. Immutable: every {@code with…} method returns a new response.
 *
 * <p>A response with no data, no auth and no warnings becomes {@code 204 No Content}. A
 * non-default {@link #status()} keeps the envelope but changes the HTTP status (KV v2 answers a
 * deleted version with a 404 that still carries its metadata).
 */
public final class Response {
    private static final Response NO_CONTENT = new Response(null, List.of(), null, null, 0, false);

    private final Map<String, Object> data;
    private final List<String> warnings;
    private final Auth auth;
    private final Integer status;
    private final long leaseDuration;
    private final boolean topLevelData;
    private final String mountType;
    private final LoginResult login;

    private Response(Map<String, Object> data, List<String> warnings, Auth auth, Integer status,
                     long leaseDuration, boolean topLevelData) {
        this(data, warnings, auth, status, leaseDuration, topLevelData, "", null);
    }

    private Response(Map<String, Object> data, List<String> warnings, Auth auth, Integer status,
                     long leaseDuration, boolean topLevelData, String mountType, LoginResult login) {
        this.login = login;
        this.data = data == null ? null : Collections.unmodifiableMap(data);
        this.warnings = List.copyOf(warnings);
        this.auth = auth;
        this.status = status;
        this.leaseDuration = leaseDuration;
        this.topLevelData = topLevelData;
        this.mountType = mountType;
    }

    /** A response carrying {@code data} (which may hold {@code null} values). */
    public static Response of(Map<String, Object> data) {
        return new Response(data, List.of(), null, null, 0, false);
    }

    /** A response that renders as {@code 204 No Content}. */
    public static Response noContent() {
        return NO_CONTENT;
    }

    /** A login or token-creation response: {@code data} is null, {@code auth} is filled. */
    public static Response ofAuth(Auth auth) {
        return new Response(null, List.of(), auth, null, 0, false);
    }

    /**
     * An auth method's successful login: the core creates the token (and identity) from
     * {@code login} and replaces this response with one carrying the {@code auth} block.
     */
    public static Response ofLogin(LoginResult login) {
        return new Response(null, List.of(), null, null, 0, false, "", java.util.Objects.requireNonNull(login, "login"));
    }

    /** The login an auth method reported, or {@code null}. */
    public LoginResult login() {
        return login;
    }

    /** A list response: {@code data.keys}; an empty list is a 404 miss, as in Vault. */
    public static Response ofKeys(List<String> keys) {
        if (keys.isEmpty()) {
            throw new io.coffer.sdk.logical.exception.NotFoundException();
        }
        return of(Map.of("keys", List.copyOf(keys)));
    }

    public Response withWarning(String warning) {
        List<String> w = new ArrayList<>(warnings);
        w.add(warning);
        return new Response(data, w, auth, status, leaseDuration, topLevelData, mountType, login);
    }

    /** The same envelope under another HTTP status. */
    public Response withStatus(int newStatus) {
        return new Response(data, warnings, auth, newStatus, leaseDuration, topLevelData, mountType, login);
    }

    /** The TTL hint reported as {@code lease_duration}, in seconds, without a lease id. */
    public Response withLeaseDuration(long seconds) {
        return new Response(data, warnings, auth, status, seconds, topLevelData, mountType, login);
    }

    /** Marks a {@code sys/} response whose data keys Vault also copies to the top level. */
    public Response withTopLevelData() {
        return new Response(data, warnings, auth, status, leaseDuration, true, mountType, login);
    }

    /** The same response labelled with the type of the mount that answered (the envelope's {@code mount_type}). */
    public Response withMountType(String type) {
        return new Response(data, warnings, auth, status, leaseDuration, topLevelData, type == null ? "" : type, login);
    }

    /** The answering mount's type, empty when not set. */
    public String mountType() {
        return mountType;
    }

    /** The data map, or {@code null} when the response has none. */
    public Map<String, Object> data() {
        return data;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** The auth block, or {@code null}. */
    public Auth auth() {
        return auth;
    }

    /** The HTTP status override, or {@code null} for the default (200 or 204). */
    public Integer status() {
        return status;
    }

    public long leaseDuration() {
        return leaseDuration;
    }

    public boolean topLevelData() {
        return topLevelData;
    }

    /** Whether this response renders as 204: nothing to say and no status override. */
    public boolean isEmpty() {
        return data == null && auth == null && login == null && warnings.isEmpty() && status == null;
    }
}

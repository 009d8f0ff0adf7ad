package io.coffer.cli.api;

import io.coffer.cli.json.GoJson;
import io.coffer.cli.json.JsonException;
import io.coffer.cli.json.JsonReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLException;

/**
 * HTTP client for Vault's API with the semantics of Go's {@code api.Logical}: reads and lists
 * return null on an empty 404, writes and deletes return null on 204, errors become {@link
 * ApiException} with vault's message.
 *
 * <p>Every request carries {@code X-Vault-Request: true} and, when a token is set, {@code
 * X-Vault-Token}. The token is never part of any message this class produces.
 */
public final class VaultClient {
    private final ClientSettings settings;
    private final Transport transport;
    private final JsonReader json;

    /** Creates a client; the transport is shared by {@link #withToken(String)} copies. */
    public VaultClient(ClientSettings settings, Transport transport, JsonReader json) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
    }

    public ClientSettings settings() {
        return settings;
    }

    /** Returns a client that sends another token over the same connection pool. */
    public VaultClient withToken(String token) {
        return new VaultClient(settings.withToken(token), transport, json);
    }

    // ---------------------------------------------------------------- logical operations

    /** GET {@code path}; null when the server says 404 with no data or warnings. */
    public Secret read(String path, Map<String, List<String>> params) throws ClientException {
        ApiResponse r = send("GET", path, params, null, null);
        return parseReadLike(r);
    }

    /**
     * GET {@code path} as Vault's Go client does for its {@code sys} helpers ({@code RawRequest}):
     * every answer outside 200-399, a 404 included, is an error; null for an empty body.
     */
    public Secret get(String path) throws ClientException {
        ApiResponse r = send("GET", path, null, null, null);
        if (!r.ok()) {
            throw error(r, null);
        }
        return parseSecret(r);
    }

    /** LIST {@code path} (sent as GET {@code ?list=true}, as Vault's Go client does). */
    public Secret list(String path) throws ClientException {
        Map<String, List<String>> params = new TreeMap<>();
        params.put("list", List.of("true"));
        ApiResponse r = send("GET", path, params, null, null);
        return parseReadLike(r);
    }

    /** PUT a JSON body to {@code path}; null when the server answers without a body. */
    public Secret write(String path, Object body) throws ClientException {
        return parseWriteLike(send("PUT", path, null, body, "application/json"));
    }

    /** POST a JSON body to {@code path} (used where Vault's Go client POSTs). */
    public Secret post(String path, Object body) throws ClientException {
        return parseWriteLike(send("POST", path, null, body, "application/json"));
    }

    /** DELETE {@code path} with optional query parameters. */
    public Secret delete(String path, Map<String, List<String>> params) throws ClientException {
        return parseWriteLike(send("DELETE", path, params, null, null));
    }

    /** PATCH {@code path} with a JSON merge patch ({@code application/merge-patch+json}). */
    public Secret mergePatch(String path, Object body) throws ClientException {
        return parseWriteLike(send("PATCH", path, null, body, "application/merge-patch+json"));
    }

    /** GET a non-enveloped JSON endpoint ({@code sys/seal-status}, {@code sys/leader}). */
    public Map<String, Object> getRawJson(String path) throws ClientException {
        ApiResponse r = send("GET", path, null, null, null);
        if (!r.ok()) {
            throw error(r, null);
        }
        Object decoded = decode(r);
        if (decoded instanceof Map<?, ?> m) {
            return Secret.asMap(m);
        }
        throw new ResponseFormatException("unexpected response body from " + r.url());
    }

    /**
     * PUT a JSON body to a non-enveloped endpoint ({@code sys/init}, {@code sys/unseal}, {@code
     * sys/rekey/...}) and return the JSON object it answers, or an empty map for 204.
     */
    public Map<String, Object> putRawJson(String path, Object body) throws ClientException {
        return rawJson("PUT", path, body);
    }

    /**
     * POST a JSON body to a non-enveloped endpoint ({@code sys/storage/raft/join}, which Vault's Go
     * client POSTs) and return the JSON object it answers, or an empty map for 204.
     */
    public Map<String, Object> postRawJson(String path, Object body) throws ClientException {
        return rawJson("POST", path, body);
    }

    private Map<String, Object> rawJson(String method, String path, Object body) throws ClientException {
        ApiResponse r = send(method, path, null, body, "application/json");
        if (!r.ok()) {
            throw error(r, null);
        }
        if (r.emptyBody()) {
            return new LinkedHashMap<>();
        }
        Object decoded = decode(r);
        if (decoded instanceof Map<?, ?> m) {
            return Secret.asMap(m);
        }
        throw new ResponseFormatException("unexpected response body from " + r.url());
    }

    /**
     * GET {@code path} and copy the body of a 2xx answer to {@code sink} as it arrives, without
     * holding it in memory ({@code sys/storage/raft/snapshot}).
     *
     * @throws ClientException when the server cannot be reached or answers anything but 2xx
     * @throws IOException when writing to {@code sink} fails (a local error, not the server's)
     */
    public void download(String path, OutputStream sink) throws ClientException, IOException {
        String url = url(path, null);
        SinkGuard guard = new SinkGuard(sink);
        RawResponse resp;
        try {
            resp = transport.download(new RawRequest("GET", URI.create(url), headers(null), null), guard);
        } catch (IOException | RuntimeException e) {
            if (guard.failure != null) {
                throw guard.failure;
            }
            throw new TransportException(goOp("GET") + " \"" + url + "\": " + describe(e), e);
        }
        if (resp.status() < 200 || resp.status() >= 300) {
            throw error(new ApiResponse("GET", url, resp.status(), resp.body()), null);
        }
    }

    /**
     * Sends the content of {@code file} as the raw request body ({@code sys/storage/raft/snapshot}
     * restores), streamed from disk, and checks that the answer is a success.
     */
    public void upload(String method, String path, Path file, String contentType) throws ClientException {
        String url = url(path, null);
        RawResponse resp;
        try {
            resp = transport.upload(new RawRequest(method, URI.create(url), headers(contentType), null), file);
        } catch (IOException | RuntimeException e) {
            throw new TransportException(goOp(method) + " \"" + url + "\": " + describe(e), e);
        }
        ApiResponse r = new ApiResponse(method, url, resp.status(), resp.body());
        if (!r.ok()) {
            throw error(r, null);
        }
    }

    private Secret parseReadLike(ApiResponse r) throws ClientException {
        if (r.status() == 404) {
            Secret s = parseSecretLenient(r);
            if (s != null && (s.hasWarnings() || s.hasData())) {
                return s;
            }
            return null;
        }
        if (!r.ok()) {
            throw error(r, null);
        }
        return parseSecret(r);
    }

    private Secret parseWriteLike(ApiResponse r) throws ClientException {
        if (r.status() == 404) {
            Secret s = parseSecretLenient(r);
            if (s != null && (s.hasWarnings() || s.hasData())) {
                throw error(r, s);
            }
        }
        if (!r.ok()) {
            throw error(r, null);
        }
        return parseSecret(r);
    }

    private Secret parseSecret(ApiResponse r) throws ResponseFormatException {
        if (r.emptyBody()) {
            return null;
        }
        return Secret.fromJson(decode(r));
    }

    private Secret parseSecretLenient(ApiResponse r) {
        if (r.emptyBody()) {
            return null;
        }
        try {
            return Secret.fromJson(json.read(r.body()));
        } catch (JsonException e) {
            return null;
        }
    }

    private Object decode(ApiResponse r) throws ResponseFormatException {
        try {
            return json.read(r.body());
        } catch (JsonException e) {
            throw new ResponseFormatException(e.getMessage());
        }
    }

    /** Builds vault's error for a failed response; {@code secret} is attached when given. */
    public ApiException error(ApiResponse r, Secret secret) {
        List<String> errors = new ArrayList<>();
        boolean raw = false;
        try {
            Object decoded = json.read(r.body());
            if (decoded instanceof Map<?, ?> m && m.get("errors") instanceof List<?> l) {
                for (Object o : l) {
                    errors.add(o == null ? "" : o.toString());
                }
            }
        } catch (JsonException e) {
            raw = true;
            errors.add(new String(r.body(), StandardCharsets.UTF_8));
        }
        return new ApiException(
                r.method(), r.url(), r.status(), errors, raw, settings.namespace(), secret);
    }

    // ---------------------------------------------------------------- transport

    /**
     * Sends one request and returns the response whatever its status.
     *
     * @param path API path below {@code /v1/}, without a leading slash
     * @param params query parameters (sent sorted, as Go encodes them), or null
     * @param body a value to encode as JSON, or null for no body
     * @param contentType the body's content type, or null
     * @throws TransportException when no HTTP response was obtained
     */
    public ApiResponse send(
            String method,
            String path,
            Map<String, List<String>> params,
            Object body,
            String contentType)
            throws TransportException {
        String url = url(path, params);
        byte[] bytes = null;
        Map<String, String> headers;
        if (body != null) {
            bytes = GoJson.marshal(body).getBytes(StandardCharsets.UTF_8);
            headers = headers(contentType == null ? "application/json" : contentType);
        } else {
            headers = headers(null);
        }
        try {
            RawResponse resp = transport.exchange(new RawRequest(method, URI.create(url), headers, bytes));
            return new ApiResponse(method, url, resp.status(), resp.body());
        } catch (IOException | RuntimeException e) {
            throw new TransportException(goOp(method) + " \"" + url + "\": " + describe(e), e);
        }
    }

    /** The headers every request carries, plus {@code Content-Type} when given. */
    private Map<String, String> headers(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Vault-Request", "true");
        if (!settings.token().isEmpty()) {
            headers.put("X-Vault-Token", settings.token());
        }
        if (!settings.namespace().isEmpty()) {
            headers.put("X-Vault-Namespace", settings.namespace());
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    /** Returns the full URL for an API path, escaped as Go's {@code url.URL.String()} does. */
    public String url(String path, Map<String, List<String>> params) {
        URI base = settings.address();
        StringBuilder sb = new StringBuilder();
        sb.append(base.getScheme()).append("://").append(base.getRawAuthority());
        String basePath = base.getPath() == null ? "" : base.getPath();
        sb.append(escapePath(ApiPaths.clean("/" + basePath + "/v1/" + path)));
        if (params != null && !params.isEmpty()) {
            sb.append('?').append(encodeQuery(params));
        }
        return sb.toString();
    }

    private String describe(Exception e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof ConnectException) {
                URI a = settings.address();
                int port = a.getPort() != -1 ? a.getPort() : ("https".equals(a.getScheme()) ? 443 : 80);
                return "dial tcp " + a.getHost() + ":" + port + ": connect: connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "dial tcp: lookup " + settings.address().getHost() + ": no such host";
            }
            if (t instanceof HttpTimeoutException) {
                return "context deadline exceeded (Client.Timeout exceeded while awaiting headers)";
            }
            if (t instanceof SSLException) {
                return "tls: " + t.getMessage();
            }
            t = t.getCause();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static String goOp(String method) {
        String lower = method.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** Escapes a path as Go's {@code EscapedPath} does (keeps {@code /$&+,:;=@}). */
    static String escapePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c) || "/$&+,:;=@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                percent(sb, c);
            }
        }
        return sb.toString();
    }

    /** Encodes parameters as Go's {@code url.Values.Encode()}: sorted keys, query escaping. */
    static String encodeQuery(Map<String, List<String>> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(params).entrySet()) {
            for (String v : e.getValue()) {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(queryEscape(e.getKey())).append('=').append(queryEscape(v));
            }
        }
        return sb.toString();
    }

    private static String queryEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == ' ') {
                sb.append('+');
            } else if (isUnreserved(c)) {
                sb.append((char) c);
            } else {
                percent(sb, c);
            }
        }
        return sb.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '~';
    }

    private static void percent(StringBuilder sb, int c) {
        sb.append('%');
        sb.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
    }

    /** Passes writes through and remembers a local write failure, to tell it from a network one. */
    private static final class SinkGuard extends OutputStream {
        private final OutputStream sink;
        private IOException failure;

        SinkGuard(OutputStream sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                sink.write(b);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                sink.write(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}

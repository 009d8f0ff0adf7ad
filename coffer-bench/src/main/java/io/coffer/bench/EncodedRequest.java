package io.coffer.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP/1.1 request encoded to bytes once, ahead of the run, so sending it costs a single
 * buffer copy. The head (request line and headers) is private to the request; the body array
 * may be shared between requests and is never modified.
 *
 * <p>{@link #toString()} names only the method and target: header values such as
 * {@code X-Vault-Token} never appear in it.
 */
public final class EncodedRequest {
    private static final byte[] NO_BODY = new byte[0];

    private final String method;
    private final String target;
    private final byte[] head;
    private final byte[] body;

    private EncodedRequest(String method, String target, byte[] head, byte[] body) {
        this.method = method;
        this.target = target;
        this.head = head;
        this.body = body;
    }

    /** A {@code GET} of {@code target} on {@code endpoint} with extra {@code headers}. */
    public static EncodedRequest get(HttpEndpoint endpoint, String target, Map<String, String> headers) {
        return encode("GET", endpoint, target, headers, null, NO_BODY);
    }

    /**
     * A {@code PUT} of {@code body} (not copied; the caller must not modify it) with the given
     * content type.
     */
    public static EncodedRequest put(HttpEndpoint endpoint, String target, Map<String, String> headers,
                                     String contentType, byte[] body) {
        return encode("PUT", endpoint, target, headers, Objects.requireNonNull(contentType), body);
    }

    /**
     * A {@code POST} of {@code body} (not copied; the caller must not modify it) with the given
     * content type.
     */
    public static EncodedRequest post(HttpEndpoint endpoint, String target, Map<String, String> headers,
                                      String contentType, byte[] body) {
        return encode("POST", endpoint, target, headers, Objects.requireNonNull(contentType), body);
    }

    private static EncodedRequest encode(String method, HttpEndpoint endpoint, String target,
                                         Map<String, String> headers, String contentType, byte[] body) {
        requireToken(target, "request target");
        StringBuilder sb = new StringBuilder(128)
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(endpoint.hostHeader()).append("\r\n")
                .append("User-Agent: coffer-bench\r\n");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            requireToken(header.getKey(), "header name");
            requireHeaderValue(header.getKey(), header.getValue());
            sb.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (contentType != null) {
            requireHeaderValue("Content-Type", contentType);
            sb.append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
        }
        sb.append("\r\n");
        return new EncodedRequest(method, target, sb.toString().getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static void requireToken(String text, String what) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty " + what);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new IllegalArgumentException(what + " contains a space or non-ASCII character");
            }
        }
    }

    private static void requireHeaderValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c >= 0x7f) {
                // the value may be a token: never echo it
                throw new IllegalArgumentException("value of header " + name
                        + " contains a control or non-ASCII character");
            }
        }
    }

    /** The request method, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** The request target, e.g. {@code /v1/sys/health}. */
    public String target() {
        return target;
    }

    /** Length of head plus body in bytes. */
    public int length() {
        return head.length + body.length;
    }

    byte[] head() {
        return head;
    }

    byte[] body() {
        return body;
    }

    /** {@code METHOD target}; never any header value. */
    @Override
    public String toString() {
        return method + " " + target;
    }
}

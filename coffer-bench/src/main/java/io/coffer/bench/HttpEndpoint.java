package io.coffer.bench;

import java.util.Objects;

/**
 * A plain-HTTP server to connect to: the host and port to open a socket on and the value of the
 * {@code Host} header that names it. Immutable; equal endpoints can share a preflight check.
 *
 * @param host host name or IP literal (IPv6 without brackets), as passed to the socket
 * @param port TCP port, 1–65535
 * @param hostHeader the {@code Host} header value, e.g. {@code 127.0.0.1:8200}
 */
public record HttpEndpoint(String host, int port, String hostHeader) {

    /** Validates the components. */
    public HttpEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hostHeader, "hostHeader");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** {@code host:port} for messages. */
    @Override
    public String toString() {
        return hostHeader;
    }
}

package io.coffer.server;

import io.coffer.server.http.ForwardedFor;

import java.nio.file.Path;

/**
 * One TCP listener: where to bind, and the PEM certificate and key when TLS is on.
 *
 * @param host         the address to bind, e.g. {@code 127.0.0.1}
 * @param port         the port; 0 picks a free one
 * @param tlsCertFile  the certificate chain, or {@code null} for plain HTTP
 * @param tlsKeyFile   the private key, or {@code null} for plain HTTP
 * @param maxBodyBytes the largest request body accepted
 * @param forwardedFor which proxies' {@code X-Forwarded-For} tells the client address
 */
public record ListenerConfig(String host, int port, Path tlsCertFile, Path tlsKeyFile, long maxBodyBytes,
                             ForwardedFor forwardedFor) {
    /** Vault's default request size limit: 32 MiB. */
    public static final long DEFAULT_MAX_BODY = 32L * 1024 * 1024;

    /** A listener that trusts no {@code X-Forwarded-For}. */
    public ListenerConfig(String host, int port, Path tlsCertFile, Path tlsKeyFile, long maxBodyBytes) {
        this(host, port, tlsCertFile, tlsKeyFile, maxBodyBytes, ForwardedFor.DISABLED);
    }

    public boolean tls() {
        return tlsCertFile != null;
    }

    /** Parses {@code host:port}. */
    public static ListenerConfig plain(String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("listen address must be host:port");
        }
        return new ListenerConfig(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
                null, null, DEFAULT_MAX_BODY);
    }

    public ListenerConfig withTls(Path cert, Path key) {
        return new ListenerConfig(host, port, cert, key, maxBodyBytes, forwardedFor);
    }
}

package io.coffer.server.config;

import io.coffer.server.http.ForwardedFor;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code listener "tcp" { … }} stanza: where to bind and how to serve TLS. Guarantees: when
 * {@code tlsDisable} is false both the certificate and the key file are present; when it is true
 * neither is (Vault ignores them then).
 *
 * @param address         {@code address} as written, e.g. {@code 127.0.0.1:8200}
 * @param host            the host part to bind ({@code 0.0.0.0} when the address omits it)
 * @param port            the port, 0–65535 (0 picks a free port)
 * @param clusterAddress  {@code cluster_address}, if configured
 * @param tlsDisable      {@code tls_disable}: serve plain HTTP
 * @param tlsCertFile     {@code tls_cert_file}, present unless TLS is disabled
 * @param tlsKeyFile      {@code tls_key_file}, present unless TLS is disabled
 * @param tlsMinVersion   {@code tls_min_version}
 * @param maxRequestSize  {@code max_request_size} in bytes, positive
 * @param forwardedFor    the {@code x_forwarded_for_*} settings (disabled unless authorized addresses are set)
 */
public record TcpListener(String address, String host, int port, Optional<String> clusterAddress, boolean tlsDisable,
                          Optional<Path> tlsCertFile, Optional<Path> tlsKeyFile, TlsVersion tlsMinVersion,
                          long maxRequestSize, ForwardedFor forwardedFor) {

    /** Vault's default listener address. */
    public static final String DEFAULT_ADDRESS = "127.0.0.1:8200";

    /** Vault's default request size limit: 32 MiB. */
    public static final long DEFAULT_MAX_REQUEST_SIZE = 32L * 1024 * 1024;

    /** What a negative {@code max_request_size} (Vault: "no limit") becomes: the largest body an array holds. */
    public static final long UNLIMITED_REQUEST_SIZE = Integer.MAX_VALUE - 16L;

    /** A listener that trusts no {@code X-Forwarded-For}. */
    public TcpListener(String address, String host, int port, Optional<String> clusterAddress, boolean tlsDisable,
                       Optional<Path> tlsCertFile, Optional<Path> tlsKeyFile, TlsVersion tlsMinVersion,
                       long maxRequestSize) {
        this(address, host, port, clusterAddress, tlsDisable, tlsCertFile, tlsKeyFile, tlsMinVersion, maxRequestSize,
                ForwardedFor.DISABLED);
    }

    public TcpListener {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(forwardedFor, "forwardedFor");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clusterAddress, "clusterAddress");
        Objects.requireNonNull(tlsCertFile, "tlsCertFile");
        Objects.requireNonNull(tlsKeyFile, "tlsKeyFile");
        Objects.requireNonNull(tlsMinVersion, "tlsMinVersion");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
        if (tlsDisable ? tlsCertFile.isPresent() || tlsKeyFile.isPresent()
                : tlsCertFile.isEmpty() || tlsKeyFile.isEmpty()) {
            throw new IllegalArgumentException("a TLS listener needs a certificate and a key, a plain one neither");
        }
        if (maxRequestSize <= 0) {
            throw new IllegalArgumentException("max request size must be positive");
        }
    }
}

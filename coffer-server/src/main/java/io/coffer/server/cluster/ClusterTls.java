package io.coffer.server.cluster;

import org.eclipse.jetty.util.ssl.SslContextFactory;

import javax.net.ssl.SSLContext;
import java.util.List;
import java.util.Objects;

/**
 * How this node trusts the other members of its cluster when it calls their API over HTTPS
 * (request forwarding from a standby to the active node): the JVM's default trust store, a
 * given {@link SSLContext}, or a PEM CA bundle. Host names are always verified against the
 * active node's certificate. Immutable.
 */
public final class ClusterTls {
    private final SSLContext context;

    private ClusterTls(SSLContext context) {
        this.context = context;
    }

    /** Trust what the JVM trusts by default. */
    public static ClusterTls jvmDefault() {
        return new ClusterTls(null);
    }

    /** Use {@code context} (its trust managers, and its key managers for mutual TLS). */
    public static ClusterTls of(SSLContext context) {
        return new ClusterTls(Objects.requireNonNull(context, "context"));
    }

    /**
     * Trust exactly the CA certificates in {@code caPem}.
     *
     * @throws IllegalArgumentException when the text holds no PEM certificate
     */
    public static ClusterTls trustingPem(String caPem) {
        return new ClusterTls(TlsContexts.client(Pem.certificates(caPem, "CA certificate"), null, List.of()));
    }

    /** A new Jetty client TLS factory with these settings and HTTPS host name verification. */
    public SslContextFactory.Client newClientFactory() {
        SslContextFactory.Client factory = new SslContextFactory.Client();
        if (context != null) {
            factory.setSslContext(context);
        }
        factory.setEndpointIdentificationAlgorithm("HTTPS");
        return factory;
    }
}

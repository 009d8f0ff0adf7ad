package io.coffer.server.cluster;

import io.coffer.core.ha.LeaderTarget;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

/**
 * Checks and interprets a {@link LeaderTarget}: its API address must be an absolute
 * {@code http} or {@code https} URL, and its PEM material (CA certificate, client certificate
 * and key, which come together or not at all) must parse. Error messages name the API field
 * ({@code leader_api_addr}, {@code leader_ca_cert}, …), never its content.
 */
public final class LeaderTargets {
    private LeaderTargets() {
    }

    /**
     * Validates {@code target} completely, so a join with bad input fails before any network call.
     *
     * @throws IllegalArgumentException with a message naming the bad field
     */
    public static void validate(LeaderTarget target) {
        apiUri(target);
        sslContext(target);
    }

    /** The leader's API address as a URI without a trailing slash. */
    static URI apiUri(LeaderTarget target) {
        String address = target.apiAddress().strip();
        while (address.endsWith("/")) {
            address = address.substring(0, address.length() - 1);
        }
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("leader_api_addr must be an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("leader_api_addr must be an http or https URL");
        }
    }

    /** The TLS client settings for {@code target}: its CA (else the JVM's trust) and client certificate. */
    static SslContextFactory.Client sslContext(LeaderTarget target) {
        List<X509Certificate> trusted = target.caCertPem().isBlank() ? List.of()
                : Pem.certificates(target.caCertPem(), "leader_ca_cert");
        boolean hasCert = !target.clientCertPem().isBlank();
        boolean hasKey = !target.clientKeyPem().isBlank();
        if (hasCert != hasKey) {
            throw new IllegalArgumentException("leader_client_cert and leader_client_key must be given together");
        }
        PrivateKey key = null;
        List<X509Certificate> chain = List.of();
        if (hasKey) {
            chain = Pem.certificates(target.clientCertPem(), "leader_client_cert");
            key = Pem.privateKey(target.clientKeyPem(), "leader_client_key");
        }
        SslContextFactory.Client factory = new SslContextFactory.Client();
        factory.setSslContext(TlsContexts.client(trusted, key, chain));
        factory.setEndpointIdentificationAlgorithm("HTTPS");
        return factory;
    }
}

package io.coffer.server.cluster;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;

/**
 * Builds client {@link SSLContext}s from parsed PEM material: trust exactly the given CA
 * certificates (or the JVM's trust store when none are given) and present a client
 * certificate when a key is given. Key stores live in memory only.
 */
final class TlsContexts {
    private TlsContexts() {
    }

    /**
     * @param trusted the CA certificates to trust; empty for the JVM's default trust store
     * @param key     the client key, or {@code null} for no client certificate
     * @param chain   the client certificate chain (ignored without a key)
     */
    static SSLContext client(List<X509Certificate> trusted, PrivateKey key, List<X509Certificate> chain) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trusted.isEmpty()) {
                tmf.init((KeyStore) null);
            } else {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                for (int i = 0; i < trusted.size(); i++) {
                    trust.setCertificateEntry("ca-" + i, trusted.get(i));
                }
                tmf.init(trust);
            }
            KeyManager[] keyManagers = null;
            if (key != null) {
                char[] password = UUID.randomUUID().toString().toCharArray();
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, password);
                keyManagers = kmf.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("cannot build a TLS context: " + e.getClass().getSimpleName());
        }
    }
}

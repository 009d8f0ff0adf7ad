package io.coffer.cli.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the TLS context for {@code VAULT_CACERT} / {@code VAULT_CAPATH} (PEM CA certificates that
 * replace the system trust store, as in vault) and {@code VAULT_SKIP_VERIFY} (no certificate or
 * host name checks).
 */
public final class TlsContexts {
    private TlsContexts() {}

    /**
     * Returns the context for the settings, or null to use the JDK default.
     *
     * @throws IllegalStateException when a CA file cannot be read or parsed
     */
    public static SSLContext create(ClientSettings settings) {
        try {
            if (settings.skipVerify()) {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
                return ctx;
            }
            if (settings.caCert() == null && settings.caPath() == null) {
                return null;
            }
            List<Certificate> certs = new ArrayList<>();
            if (settings.caPath() != null) {
                try (DirectoryStream<Path> dir = Files.newDirectoryStream(settings.caPath())) {
                    for (Path p : dir) {
                        if (Files.isRegularFile(p)) {
                            certs.addAll(readPem(p));
                        }
                    }
                }
            } else {
                certs.addAll(readPem(settings.caCert()));
            }
            if (certs.isEmpty()) {
                throw new IllegalStateException("Error loading CA File: no certificates found");
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Error loading CA File: " + e.getMessage(), e);
        }
    }

    private static List<Certificate> readPem(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        try (InputStream in = Files.newInputStream(file)) {
            return new ArrayList<>(cf.generateCertificates(in));
        }
    }

    /** Accepts every chain and skips host name checks (VAULT_SKIP_VERIFY). */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

package io.coffer.server.cluster;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A throw-away test CA (P-256) that issues leaf certificates for chosen IP addresses and DNS
 * names, as PEM strings or files, and Jetty server TLS settings for them.
 */
public final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final KeyPair caKeys;
    private final X509Certificate caCert;

    /** A certificate with its private key. */
    public record Issued(X509Certificate certificate, KeyPair keys) {
        public String certPem() {
            return pem(certificate);
        }

        /** PKCS#8 {@code PRIVATE KEY}, as openssl genpkey writes it. */
        public String keyPem() {
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(keys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        }

        /** Writes {@code tls.crt} and {@code tls.key} into {@code dir}; returns them. */
        public Path[] write(Path dir) throws Exception {
            Path cert = Files.writeString(dir.resolve("tls.crt"), certPem());
            Path key = Files.writeString(dir.resolve("tls.key"), keyPem());
            return new Path[]{cert, key};
        }
    }

    public TestPki(String name) throws Exception {
        this.caKeys = newKeys();
        X500Name subject = new X500Name("CN=" + name);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject, caKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        this.caCert = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    }

    public String caPem() {
        return pem(caCert);
    }

    public X509Certificate caCertificate() {
        return caCert;
    }

    /** A leaf for the given names: entries that look like IPv4 addresses become IP SANs, others DNS SANs. */
    public Issued issue(String... names) throws Exception {
        KeyPair keys = newKeys();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(caCert.getSubjectX500Principal().getName()),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=" + names[0]), keys.getPublic());
        List<GeneralName> sans = new ArrayList<>();
        for (String n : names) {
            sans.add(new GeneralName(n.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, n));
        }
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(new GeneralName[0])));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        return new Issued(cert, keys);
    }

    /** Jetty server TLS presenting {@code leaf}; with {@code clientCa}, client certificates from it are required. */
    public static SslContextFactory.Server serverTls(Issued leaf, TestPki clientCa) throws Exception {
        char[] password = "test-password".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", leaf.keys().getPrivate(), password, new Certificate[]{leaf.certificate()});
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(keys);
        tls.setKeyStorePassword(new String(password));
        if (clientCa != null) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", clientCa.caCert);
            tls.setTrustStore(trust);
            tls.setNeedClientAuth(true);
        }
        return tls;
    }

    private static KeyPair newKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    static String pem(Object o) {
        try (StringWriter w = new StringWriter(); JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(o);
            p.flush();
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

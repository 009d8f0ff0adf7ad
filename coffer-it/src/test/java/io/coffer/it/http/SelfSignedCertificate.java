package io.coffer.it.http;

import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A throw-away self-signed server certificate for {@code 127.0.0.1} / {@code localhost}
 * (EC P-256 or RSA 2048), written as PEM files Coffer's listener reads, plus an
 * {@link SSLContext} that trusts exactly that certificate.
 */
public final class SelfSignedCertificate {
    private final X509Certificate certificate;
    private final Path certFile;
    private final Path keyFile;

    private SelfSignedCertificate(X509Certificate certificate, Path certFile, Path keyFile) {
        this.certificate = certificate;
        this.certFile = certFile;
        this.keyFile = keyFile;
    }

    /** How the private key is written to {@code key.pem}. */
    public enum KeyFormat {
        /** EC P-256, PKCS#8 {@code PRIVATE KEY}: what most tools write today. */
        PKCS8_EC,
        /** EC P-256, SEC1 {@code EC PRIVATE KEY} with curve parameters but without the optional public key. */
        SEC1_EC_WITHOUT_PUBLIC_KEY,
        /** RSA 2048, PKCS#1 {@code RSA PRIVATE KEY}. */
        PKCS1_RSA
    }

    /** An EC P-256 certificate with a PKCS#8 key, written as {@code cert.pem} and {@code key.pem} into {@code dir}. */
    public static SelfSignedCertificate generate(Path dir) throws IOException, GeneralSecurityException {
        return generate(dir, KeyFormat.PKCS8_EC);
    }

    /** Generates a key pair and certificate, writing {@code cert.pem} and {@code key.pem} into {@code dir}. */
    public static SelfSignedCertificate generate(Path dir, KeyFormat format) throws IOException, GeneralSecurityException {
        try {
            boolean rsa = format == KeyFormat.PKCS1_RSA;
            KeyPairGenerator gen = KeyPairGenerator.getInstance(rsa ? "RSA" : "EC");
            if (rsa) {
                gen.initialize(2048, new SecureRandom());
            } else {
                gen.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            }
            KeyPair pair = gen.generateKeyPair();
            X500Name subject = new X500Name("CN=coffer-it");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(1))), subject, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            String alg = rsa ? "SHA256withRSA" : "SHA256withECDSA";
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder(alg).build(pair.getPrivate()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
            Path certFile = dir.resolve("cert.pem");
            Path keyFile = dir.resolve("key.pem");
            writePem(certFile, cert);
            switch (format) {
                case PKCS8_EC -> writePem(keyFile, new JcaPKCS8Generator(pair.getPrivate(), null));
                case PKCS1_RSA -> writePem(keyFile, pair.getPrivate());
                case SEC1_EC_WITHOUT_PUBLIC_KEY -> {
                    ECPrivateKey ec = (ECPrivateKey) pair.getPrivate();
                    org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ec.getS(),
                            new X962Parameters(SECObjectIdentifiers.secp256r1));
                    writePem(keyFile, new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
                }
                default -> throw new IllegalArgumentException(format.name());
            }
            return new SelfSignedCertificate(cert, certFile, keyFile);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign test certificate", e);
        }
    }

    private static void writePem(Path file, Object object) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(object);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public Path certFile() {
        return certFile;
    }

    public Path keyFile() {
        return keyFile;
    }

    /** A trust store holding only this certificate. */
    public KeyStore trustStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("coffer-it", certificate);
        return store;
    }

    /** A TLS context that trusts only this certificate. */
    public SSLContext clientContext() throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }
}

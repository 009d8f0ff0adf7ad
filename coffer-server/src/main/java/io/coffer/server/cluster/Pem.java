package io.coffer.server.cluster;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * PEM text given inline (as {@code sys/storage/raft/join} and {@code retry_join} hand it over),
 * parsed with BouncyCastle: X.509 certificates, and unencrypted PKCS#1, SEC1 or PKCS#8 private
 * keys. Failures are {@link IllegalArgumentException}s naming the field, never quoting the text.
 */
final class Pem {
    private Pem() {
    }

    /** Every certificate in {@code pem}, in order; at least one. */
    static List<X509Certificate> certificates(String pem, String field) {
        List<X509Certificate> certs = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof X509CertificateHolder h) {
                    certs.add(converter.getCertificate(h));
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(field + " is not valid PEM");
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException(field + " holds no PEM certificate");
        }
        return certs;
    }

    /** The one unencrypted private key in {@code pem}. */
    static PrivateKey privateKey(String pem, String field) {
        Object o;
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            o = p.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(field + " is not valid PEM");
        }
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        try {
            if (o instanceof PEMKeyPair pair) {
                // SEC1 "EC PRIVATE KEY" may omit the optional public key (RFC 5915): use only the private part
                return keys.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (o instanceof PrivateKeyInfo info) {
                return keys.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(field + " is not a usable private key");
        }
        throw new IllegalArgumentException(field + " holds no unencrypted PEM private key");
    }
}

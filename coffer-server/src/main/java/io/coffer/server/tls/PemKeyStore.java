package io.coffer.server.tls;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an in-memory key store from the PEM files Vault's listener config names
 * ({@code tls_cert_file}: certificate chain, {@code tls_key_file}: PKCS#1, SEC1 or PKCS#8 key),
 * parsed with BouncyCastle.
 */
public final class PemKeyStore {
    private PemKeyStore() {
    }

    /** A PKCS#12 key store with one entry, alias {@code coffer}, protected by {@code password}. */
    public static KeyStore load(Path certFile, Path keyFile, char[] password) throws IOException, GeneralSecurityException {
        List<Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
        try (Reader r = Files.newBufferedReader(certFile, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof X509CertificateHolder h) {
                    chain.add(certs.getCertificate(h));
                }
            }
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + certFile);
        }
        PrivateKey key;
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        try (Reader r = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            if (o instanceof PEMKeyPair pair) {
                // SEC1 "EC PRIVATE KEY" may omit the optional public key (RFC 5915): use only the private part
                key = keys.getPrivateKey(pair.getPrivateKeyInfo());
            } else if (o instanceof PrivateKeyInfo info) {
                key = keys.getPrivateKey(info);
            } else {
                throw new GeneralSecurityException("no unencrypted private key in " + keyFile);
            }
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("coffer", key, password, chain.toArray(new Certificate[0]));
        return store;
    }
}

package io.coffer.raft;

import org.apache.ratis.conf.Parameters;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.security.TlsConf;
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
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a node's {@link RaftTlsFiles} into Ratis's gRPC TLS settings: mutual TLS on every
 * channel of the Raft port (server-to-server, admin and client), so a peer is accepted only
 * with a certificate chaining to the configured CA, and the node presents its own certificate
 * to every peer it calls. PEM is parsed with BouncyCastle; error messages name files, never
 * key material.
 */
final class RaftTls {

    private RaftTls() {
    }

    /** Ratis parameters carrying the TLS settings of {@code files}. */
    static Parameters parameters(RaftTlsFiles files) {
        GrpcTlsConfig tls = load(files);
        Parameters p = new Parameters();
        GrpcConfigKeys.TLS.setConf(p, tls);
        GrpcConfigKeys.Server.setTlsConf(p, tls);
        GrpcConfigKeys.Admin.setTlsConf(p, tls);
        GrpcConfigKeys.Client.setTlsConf(p, tls);
        return p;
    }

    static GrpcTlsConfig load(RaftTlsFiles files) {
        List<X509Certificate> chain = certificates(files.certFile(), "certificate");
        List<X509Certificate> cas = certificates(files.caFile(), "CA certificate");
        PrivateKey key = privateKey(files.keyFile());
        return GrpcTlsConfig.newBuilder()
                .setPrivateKey(new TlsConf.PrivateKeyConf(key))
                .setKeyCertificates(new TlsConf.CertificatesConf(chain))
                .setTrustCertificates(new TlsConf.CertificatesConf(cas))
                .setMutualTls(true)
                .build();
    }

    private static List<X509Certificate> certificates(Path file, String what) {
        List<X509Certificate> out = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof X509CertificateHolder h) {
                    out.add(converter.getCertificate(h));
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new RaftException("cannot read the Raft TLS " + what + " file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        if (out.isEmpty()) {
            throw new RaftException("the Raft TLS " + what + " file " + file + " holds no PEM certificate");
        }
        return out;
    }

    private static PrivateKey privateKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        Object o;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            o = p.readObject();
            if (o instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            // the parser's messages may quote the file: name only the failure
            throw new RaftException("cannot read the Raft TLS key file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        throw new RaftException("the Raft TLS key file " + file + " holds no unencrypted PEM private key");
    }
}

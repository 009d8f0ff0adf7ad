package io.coffer.raft;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM files that secure a node's Raft traffic with mutual TLS: every member presents
 * {@code certFile} (its certificate, optionally followed by intermediates) with the key in
 * {@code keyFile}, and accepts a peer only when the peer's certificate chains to a certificate
 * in {@code caFile}. So only holders of a certificate signed by the cluster's CA take part in
 * Raft. Certificates must name the node's Raft host (an IP or DNS subject alternative name),
 * because peers verify it.
 *
 * @param certFile PEM certificate chain, the node's own certificate first ({@code tls_cert_file})
 * @param keyFile  PEM private key: PKCS#8, PKCS#1 (RSA) or SEC1 (EC), unencrypted ({@code tls_key_file})
 * @param caFile   PEM certificates of the CA(s) that sign members' certificates ({@code tls_ca_file})
 */
public record RaftTlsFiles(Path certFile, Path keyFile, Path caFile) {
    public RaftTlsFiles {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(caFile, "caFile");
    }
}

package io.coffer.raft;

import io.coffer.core.ha.ClusterConfiguration;
import io.coffer.core.ha.ClusterMembership;
import io.coffer.sdk.logical.StorageEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Raft traffic under mutual TLS: members with the cluster CA's certificates replicate; others cannot take part. */
@Timeout(120)
class RaftStorageTlsTest {

    @Test
    void tlsCluster_replicates_andANodeWithACertificateFromAnotherCaCannotJoin(@TempDir Path temp) throws Exception {
        TestPki clusterCa = TestPki.create(temp.resolve("pki"), "cluster-ca");
        TestPki otherCa = TestPki.create(temp.resolve("pki"), "other-ca");
        RaftTlsFiles[] tls = {clusterCa.issue("node-0"), clusterCa.issue("node-1"), otherCa.issue("node-2")};
        try (StorageCluster cluster = new StorageCluster(temp, 3, Duration.ofSeconds(5), (i, b) -> b.tls(tls[i]))) {
            RaftStorage a = cluster.bootstrap(0);
            cluster.join(0, 1);
            cluster.awaitVoters(0, "node-0", "node-1");
            for (int i = 0; i < 20; i++) {
                a.put(new StorageEntry("tls/" + i, ("v" + i).getBytes(StandardCharsets.UTF_8)));
            }
            cluster.awaitContents(StorageCluster.contents(a), 1);

            // the Raft port demands a client certificate from the cluster's CA
            int port = Integer.parseInt(cluster.address(0).substring(cluster.address(0).lastIndexOf(':') + 1));
            assertThat(accepted(port, clusterCa, clusterCa.issue("client"))).isTrue();
            assertThat(accepted(port, clusterCa, otherCa.issue("intruder"))).isFalse();
            assertThat(accepted(port, clusterCa, null)).isFalse();

            // node-2 holds a certificate of another CA: the leader adds it, but it can never take part
            ClusterMembership forRogue = a.addPeer(cluster.peer(2));
            RaftStorage rogue = cluster.open(2);
            rogue.join(forRogue);
            long start = System.nanoTime();
            while (Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(7)) < 0) {
                a.put(new StorageEntry("still-writing", new byte[] {1}));
                Thread.sleep(100);
            }
            assertThat(a.configuration().servers()).extracting(ClusterConfiguration.Server::nodeId)
                    .containsExactly("node-0", "node-1");
            assertThat(rogue.list("")).isEmpty();
            assertThat(rogue.isLeader()).isFalse();
            assertThat(rogue.leader()).isEmpty();
            assertThat(a.isLeader()).isTrue();
            cluster.awaitContents(StorageCluster.contents(a), 1);
        }
    }

    /**
     * Whether the server on {@code port} accepts a TLS connection from a client presenting
     * {@code client} (none when null): accepted means the server then waits for HTTP/2 data;
     * refused means it ends the connection or sends an alert.
     */
    private static boolean accepted(int port, TestPki trusted, RaftTlsFiles client) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", trusted.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManager[] keyManagers = null;
        if (client != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            Certificate cert;
            try (var in = Files.newInputStream(client.certFile())) {
                cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            String pem = Files.readString(client.keyFile()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            keys.setKeyEntry("client", key, new char[0], new Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, new char[0]);
            keyManagers = kmf.getKeyManagers();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, tmf.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            SSLParameters params = socket.getSSLParameters();
            params.setApplicationProtocols(new String[] {"h2"});
            socket.setSSLParameters(params);
            socket.setSoTimeout(1500);
            socket.startHandshake();
            // with TLS 1.3 a refused client certificate shows only on the first read
            socket.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return socket.getInputStream().read() != -1;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (SSLException | SocketException e) {
            return false;
        }
    }

    @Test
    void start_unreadableTlsFiles_failWithAMessageNamingTheFileNotItsContents(@TempDir Path temp) throws Exception {
        TestPki ca = TestPki.create(temp.resolve("pki"), "ca");
        RaftTlsFiles good = ca.issue("node-0");
        Path badKey = temp.resolve("bad.key");
        Files.writeString(badKey, "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWJ1dC1ub3QtYS1rZXk=\n-----END PRIVATE KEY-----\n");
        RaftTlsFiles broken = new RaftTlsFiles(good.certFile(), badKey, good.caFile());
        try (StorageCluster cluster = new StorageCluster(temp, 1, Duration.ofSeconds(5), (i, b) -> b.tls(broken))) {
            RaftStorage node = cluster.open(0);
            assertThatThrownBy(node::bootstrap)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(badKey.toString())
                    .hasMessageNotContaining("c2VjcmV0")
                    .hasCauseInstanceOf(RaftException.class);
            assertThat(node.isMember()).isFalse();
        }
    }
}

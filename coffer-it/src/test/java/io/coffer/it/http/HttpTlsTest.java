package io.coffer.it.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import io.coffer.server.DevServer;
import io.coffer.server.ListenerConfig;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;

import static io.coffer.it.http.HttpAsserts.assertError;
import static io.coffer.it.http.HttpAsserts.assertVaultHeaders;
import static io.coffer.it.http.HttpAsserts.kvData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A dev server with a TLS listener on a freshly generated self-signed certificate, called by
 * an {@link HttpClient} that trusts exactly that certificate.
 */
class HttpTlsTest {
    @TempDir
    static Path dir;

    static SelfSignedCertificate cert;

    static DevServer server;
    static VaultHttp https;

    @BeforeAll
    static void start() throws Exception {
        cert = SelfSignedCertificate.generate(dir);
        server = DevServer.start(new ListenerConfig("127.0.0.1", 0, cert.certFile(), cert.keyFile(),
                ListenerConfig.DEFAULT_MAX_BODY), null);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(cert.clientContext())
                .connectTimeout(Duration.ofSeconds(10)).build();
        https = new VaultHttp(server.address(), client);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void address_withTlsListener_isHttpsOnLoopback() {
        URI uri = URI.create(server.address());

        assertThat(uri.getScheme()).isEqualTo("https");
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isPositive();
    }

    @Test
    void health_overTrustedTls_returns200() {
        VaultHttp.Result r = https.get("sys/health").send();

        assertThat(r.status()).isEqualTo(200);
        assertVaultHeaders(r);
        assertThat(r.json().path("sealed").asBoolean()).isFalse();
    }

    @Test
    void writeThenRead_overTrustedTls_roundTrips() {
        String root = server.rootToken();
        VaultHttp.Result w = https.put("secret/data/tls/app", "{\"data\":{\"over\":\"tls\"}}").token(root).send();
        assertThat(w.status()).isEqualTo(200);

        assertThat(kvData(https.get("secret/data/tls/app").token(root).send()).path("over").asText()).isEqualTo("tls");
    }

    @Test
    void errors_overTls_keepJsonEnvelope() {
        assertError(https.get("secret/data/tls/missing").token(server.rootToken()).send(), 404);
        assertError(https.get("secret/data/tls/app").send(), 403, "2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n");
    }

    @Test
    void call_withClientNotTrustingCertificate_failsHandshake() {
        VaultHttp untrusting = new VaultHttp(server.address());

        assertThatThrownBy(() -> untrusting.get("sys/health").send())
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plainHttp_toTlsPort_getsNoHttpAnswer() {
        VaultHttp plain = new VaultHttp(server.address().replace("https://", "http://"));

        assertThatThrownBy(() -> plain.get("sys/health").send())
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @EnumSource(SelfSignedCertificate.KeyFormat.class)
    void devServer_withEachPemKeyFormat_servesTls(SelfSignedCertificate.KeyFormat format, @TempDir Path keyDir)
            throws Exception {
        SelfSignedCertificate own = SelfSignedCertificate.generate(keyDir, format);
        try (DevServer tls = DevServer.start(new ListenerConfig("127.0.0.1", 0, own.certFile(), own.keyFile(),
                ListenerConfig.DEFAULT_MAX_BODY), null)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(own.clientContext()).build();

            VaultHttp.Result r = new VaultHttp(tls.address(), client).get("sys/health").send();

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("initialized").asBoolean()).isTrue();
        }
    }
}

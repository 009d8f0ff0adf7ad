package io.coffer.it.spring;

import io.coffer.it.http.SelfSignedCertificate;
import io.coffer.server.DevServer;
import io.coffer.server.ListenerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.vault.VaultException;
import org.springframework.vault.authentication.SimpleSessionManager;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.ClientHttpRequestFactoryFactory;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.ClientOptions;
import org.springframework.vault.support.SslConfiguration;
import org.springframework.vault.support.SslConfiguration.KeyStoreConfiguration;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;

import static io.coffer.it.spring.SpringVault.vaultError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Vault over HTTPS: a dev server on a self-signed certificate, and a {@link VaultTemplate}
 * whose {@link SslConfiguration} trusts exactly that certificate through a PKCS#12 trust store.
 */
class SpringVaultTlsTest {
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static DevServer server;
    private static Path trustStore;
    private static final java.util.List<VaultTemplate> TEMPLATES = new java.util.ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.generate(dir);
        trustStore = dir.resolve("truststore.p12");
        KeyStore store = cert.trustStore();
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            store.store(out, STORE_PASSWORD);
        }
        server = DevServer.start(new ListenerConfig("127.0.0.1", 0, cert.certFile(), cert.keyFile(),
                ListenerConfig.DEFAULT_MAX_BODY), null);
    }

    @AfterAll
    static void stop() throws Exception {
        for (VaultTemplate t : TEMPLATES) {
            t.destroy();
        }
        if (server != null) {
            server.close();
        }
    }

    private static VaultTemplate template(SslConfiguration ssl) {
        ClientHttpRequestFactory factory = ClientHttpRequestFactoryFactory.create(
                new ClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(15)), ssl);
        VaultTemplate t = new VaultTemplate(VaultEndpoint.from(URI.create(server.address())), factory,
                new SimpleSessionManager(new TokenAuthentication(server.rootToken())));
        TEMPLATES.add(t);
        return t;
    }

    private static SslConfiguration trusting() {
        return SslConfiguration.forTrustStore(KeyStoreConfiguration.of(new FileSystemResource(trustStore), STORE_PASSWORD, "PKCS12"));
    }

    @Test
    void health_overTrustedTls_isActive() {
        VaultTemplate template = template(trusting());

        assertThat(server.address()).startsWith("https://127.0.0.1:");
        assertThat(template.opsForSys().health().isSealed()).isFalse();
        assertThat(template.opsForSys().health().isInitialized()).isTrue();
    }

    @Test
    void kvV2RoundTrip_overTrustedTls_works() {
        VaultTemplate template = template(trusting());

        template.opsForVersionedKeyValue("secret").put("tls/app", Map.of("over", "https"));

        assertThat(template.opsForVersionedKeyValue("secret").get("tls/app").getRequiredData()).containsEntry("over", "https");
    }

    @Test
    void health_withDefaultTrust_failsCertificateValidation() {
        VaultTemplate template = template(SslConfiguration.unconfigured());

        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> template.opsForSys().health());

        assertThat(e).isNotNull();
        assertThat(causes(e)).as("cause chain").anyMatch(c -> c instanceof javax.net.ssl.SSLHandshakeException);
    }

    @Test
    void wrongToken_overTls_isDenied() {
        ClientHttpRequestFactory factory = ClientHttpRequestFactoryFactory.create(new ClientOptions(), trusting());
        VaultTemplate bogus = new VaultTemplate(VaultEndpoint.from(URI.create(server.address())), factory,
                new SimpleSessionManager(new TokenAuthentication("hvs.bogus")));
        TEMPLATES.add(bogus);

        VaultException e = vaultError(() -> bogus.opsForVersionedKeyValue("secret").get("tls/app"));

        assertThat(e.getMessage()).contains("403").contains("permission denied");
    }

    private static java.util.List<Throwable> causes(Throwable t) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }
}

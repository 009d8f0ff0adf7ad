package io.coffer.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.it.cli.CliSession.Result;
import io.coffer.it.http.DevServerExtension;
import io.coffer.it.http.SelfSignedCertificate;
import io.coffer.server.DevServer;
import io.coffer.server.ListenerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code status}, {@code version}, unreachable servers and TLS settings (VAULT_CACERT, VAULT_SKIP_VERIFY). */
class CliStatusEndToEndTest {
    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    @TempDir
    Path home;

    @Test
    void status_devServer_printsUnsealedTableAndExits0() {
        Result r = new CliSession(SERVER.address(), SERVER.rootToken(), home).run("status");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Key ").containsPattern("\nSeal Type +shamir\n")
                .containsPattern("\nInitialized +true\n").containsPattern("\nSealed +false\n")
                .containsPattern("\nHA Enabled +(true|false)\n");
    }

    @Test
    void status_json_hasSealStatusShape() {
        JsonNode j = new CliSession(SERVER.address(), null, home).run("status", "-format=json").json();

        assertThat(j.path("sealed").asBoolean()).isFalse();
        assertThat(j.path("initialized").asBoolean()).isTrue();
        assertThat(j.path("type").asText()).isEqualTo("shamir");
        assertThat(j.has("ha_enabled")).isTrue();
        assertThat(j.has("active_time")).isTrue();
    }

    @Test
    void status_sealedServer_exits2() {
        try (DevServer sealed = DevServer.start("127.0.0.1:0", null)) {
            CliSession cli = new CliSession(sealed.address(), sealed.rootToken(), home);
            Result seal = cli.run("write", "-force", "sys/seal");
            assertThat(seal.exitCode()).as(seal.err()).isZero();

            Result r = cli.run("status");

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.out()).containsPattern("\nSealed +true\n").containsPattern("\nUnseal Progress +0/1\n");
        }
    }

    @Test
    void anyCommand_serverUnreachable_reportsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliSession cli = new CliSession("http://127.0.0.1:" + port, "t", home);

        Result status = cli.run("status");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).startsWith("Error checking seal status: Get \"http://127.0.0.1:" + port
                + "/v1/sys/seal-status\": dial tcp 127.0.0.1:" + port + ": connect: connection refused");
        Result read = cli.run("kv", "get", "secret/x");
        assertThat(read.exitCode()).isEqualTo(2);
    }

    @Test
    void version_printsCliVersion() {
        Result r = new CliSession(SERVER.address(), null, home).run("version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Coffer v");
    }

    @Test
    void tls_caCertTrustsServerAndSkipVerifyBypassesTrust() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.generate(home);
        try (DevServer tls = DevServer.start(new ListenerConfig("127.0.0.1", 0, cert.certFile(), cert.keyFile(),
                ListenerConfig.DEFAULT_MAX_BODY), null)) {
            CliSession cli = new CliSession(tls.address(), tls.rootToken(), home);

            Result untrusted = cli.run("kv", "put", "secret/tls", "a=b");
            assertThat(untrusted.exitCode()).isEqualTo(2);
            assertThat(untrusted.err()).contains("tls: ");

            cli.env("VAULT_CACERT", cert.certFile().toString());
            Result trusted = cli.run("kv", "put", "secret/tls", "a=b");
            assertThat(trusted.exitCode()).as(trusted.err()).isZero();

            cli.env("VAULT_CACERT", null).env("VAULT_SKIP_VERIFY", "true");
            Result skipped = cli.run("kv", "get", "-field=a", "secret/tls");
            assertThat(skipped.exitCode()).as(skipped.err()).isZero();
            assertThat(skipped.out()).isEqualTo("b");

            cli.env("VAULT_SKIP_VERIFY", null);
            Result flag = cli.run("kv", "get", "-ca-cert=" + cert.certFile(), "-field=a", "secret/tls");
            assertThat(flag.out()).isEqualTo("b");
        }
    }
}

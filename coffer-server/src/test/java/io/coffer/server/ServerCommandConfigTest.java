package io.coffer.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.server.config.ConfiguredNode;
import io.coffer.server.config.StorageBackends;
import io.coffer.server.config.StorageConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerCommandConfigTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAndRestoreLogging() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        for (Handler h : root.getHandlers()) {
            h.setLevel(Level.INFO);
        }
    }

    @Test
    void startConfigured_inmemPlainListener_comesUpUninitialisedAndInitialisesOverHttp() throws Exception {
        ConfiguredNode node = start(config("""
                storage "inmem" {}
                listener "tcp" {
                  address     = "127.0.0.1:0"
                  tls_disable = true
                }
                """));
        VaultHttp http = new VaultHttp(node.addresses().get(0));

        VaultHttp.Reply health = http.get("sys/health");
        assertThat(health.status()).isEqualTo(501);
        assertThat(health.body().path("initialized").asBoolean(true)).isFalse();
        assertThat(health.body().path("sealed").asBoolean(false)).isTrue();

        VaultHttp.Reply init = http.put("sys/init", Map.of("secret_shares", 3, "secret_threshold", 2));
        assertThat(init.status()).isEqualTo(200);
        assertThat(init.body().path("keys")).hasSize(3);
        assertThat(init.body().path("keys_base64")).hasSize(3);
        String rootToken = init.body().path("root_token").asText();
        assertThat(rootToken).isNotBlank();

        assertThat(http.get("sys/health").status()).isEqualTo(503);
        VaultHttp.Reply first = http.put("sys/unseal", Map.of("key", init.body().path("keys").get(0).asText()));
        assertThat(first.body().path("progress").asInt()).isEqualTo(1);
        VaultHttp.Reply second = http.put("sys/unseal", Map.of("key", init.body().path("keys_base64").get(2).asText()));
        assertThat(second.body().path("sealed").asBoolean(true)).isFalse();
        assertThat(http.get("sys/health").status()).isEqualTo(200);
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).doesNotContain(rootToken)
                .doesNotContain(init.body().path("keys").get(0).asText());
    }

    @Test
    void startConfigured_banner_namesListenerWithBoundPortStorageAndVersion() throws Exception {
        ConfiguredNode node = start(config("""
                storage "inmem" {}
                listener "tcp" {
                  address     = "127.0.0.1:0"
                  tls_disable = "true"
                }
                cluster_name = "site-a"
                """));

        String port = node.addresses().get(0).substring(node.addresses().get(0).lastIndexOf(':') + 1);
        String banner = outBytes.toString(StandardCharsets.UTF_8);
        assertThat(node.addresses().get(0)).startsWith("http://127.0.0.1:").doesNotEndWith(":0");
        assertThat(banner)
                .contains("==> Coffer server configuration:")
                .contains("Api Address: " + node.addresses().get(0))
                .contains("Cluster Name: site-a")
                .contains("Listener 1: tcp (addr: \"127.0.0.1:" + port + "\", max_request_size: \"33554432\", tls: \"disabled\")")
                .contains("Log Level: info")
                .contains("Storage: inmem")
                .contains("Version: Coffer v")
                .contains("==> Coffer server started!")
                .doesNotContain("Root Token").doesNotContain("Unseal Key");
    }

    @Test
    void startConfigured_tlsListener_servesHttpsWithTheConfiguredCertificate() throws Exception {
        SelfSignedTls tls = SelfSignedTls.create(dir);
        ConfiguredNode node = start(config("""
                storage "inmem" {}
                listener "tcp" {
                  address       = "127.0.0.1:0"
                  tls_cert_file = "%s"
                  tls_key_file  = "%s"
                }
                """.formatted(tls.certFile(), tls.keyFile())));
        String address = node.addresses().get(0);
        assertThat(address).startsWith("https://127.0.0.1:");

        VaultHttp https = new VaultHttp(address, tls.trustingContext());
        assertThat(https.get("sys/health").status()).isEqualTo(501);
        assertThat(https.put("sys/init", Map.of("secret_shares", 1, "secret_threshold", 1)).status()).isEqualTo(200);
        assertThat(https.get("sys/seal-status").body().path("initialized").asBoolean(false)).isTrue();
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("tls: \"enabled\"");
    }

    @Test
    void startConfigured_twoListeners_servesTheSameCore() throws Exception {
        ConfiguredNode node = start(config("""
                storage "inmem" {}
                listener "tcp" {
                  address     = "127.0.0.1:0"
                  tls_disable = true
                }
                listener "tcp" {
                  address     = "127.0.0.1:0"
                  tls_disable = true
                }
                """));
        assertThat(node.addresses()).hasSize(2).doesNotHaveDuplicates();

        assertThat(new VaultHttp(node.addresses().get(0)).put("sys/init", Map.of("secret_shares", 1, "secret_threshold", 1))
                .status()).isEqualTo(200);

        JsonNode status = new VaultHttp(node.addresses().get(1)).get("sys/seal-status").body();
        assertThat(status.path("initialized").asBoolean(false)).isTrue();
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("Listener 1: tcp").contains("Listener 2: tcp");
    }

    @Test
    void startConfigured_fileStorage_restartComesUpInitialisedAndSealed() throws Exception {
        Path data = dir.resolve("data");
        Path file = config("""
                storage "file" { path = "%s" }
                listener "tcp" {
                  address     = "127.0.0.1:0"
                  tls_disable = true
                }
                """.formatted(data));
        JsonNode keys;
        try (ConfiguredNode first = command(file).startConfigured()) {
            keys = new VaultHttp(first.addresses().get(0)).put("sys/init", Map.of("secret_shares", 1, "secret_threshold", 1))
                    .body().path("keys");
            assertThat(first.core().storageType()).isEqualTo("file");
        }

        ConfiguredNode second = start(file);
        VaultHttp http = new VaultHttp(second.addresses().get(0));
        assertThat(http.get("sys/health").status()).isEqualTo(503);
        assertThat(http.put("sys/unseal", Map.of("key", keys.get(0).asText())).body().path("sealed").asBoolean(true)).isFalse();
        assertThat(http.get("sys/health").status()).isEqualTo(200);
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("Storage: file (path: \"" + data + "\")");
    }

    @Test
    void close_stopsListenersAndClosesTheBackend() throws Exception {
        ClosingTrackingBackend backend = new ClosingTrackingBackend();
        Path file = config("""
                storage "file" { path = "/nonexistent/never-opened" }
                listener "tcp" {
                  address     = "127.0.0.1:0"
                  tls_disable = true
                }
                """);
        ServerCommand command = new ServerCommand(out, err, () -> new StorageBackends(path -> backend));
        new CommandLine(command).parseArgs("-config=" + file);
        ConfiguredNode node = command.startConfigured();
        VaultHttp http = new VaultHttp(node.addresses().get(0));
        assertThat(http.get("sys/health").status()).isEqualTo(501);

        node.close();

        assertThat(backend.closed()).isTrue();
        assertThat(node.core().isSealed()).isTrue();
        assertThatThrownBy(() -> http.get("sys/health")).isInstanceOf(ConnectException.class);
    }

    @Test
    void startConfigured_logLevel_setsTheRootLoggerLevel() throws Exception {
        start(config("""
                storage "inmem" {}
                listener "tcp" {
                  address     = "127.0.0.1:0"
                  tls_disable = true
                }
                log_level = "warn"
                """));

        assertThat(Logger.getLogger("").getLevel()).isEqualTo(Level.WARNING);
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("Log Level: warn");
    }

    @Test
    void startConfigured_raftStorage_comesUpUninitialisedOnRaftWithHaEnabled() throws Exception {
        int raftPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            raftPort = s.getLocalPort();
        }
        Path file = config("""
                storage "raft" {
                  path    = "%s"
                  node_id = "n1"
                  retry_join { leader_api_addr = "https://10.0.0.2:8200" }
                }
                listener "tcp" {
                  address     = "127.0.0.1:0"
                  tls_disable = true
                }
                cluster_addr = "https://127.0.0.1:%d"
                """.formatted(dir.resolve("raft"), raftPort));

        ConfiguredNode node = start(file);

        assertThat(node.core().role()).isEqualTo(io.coffer.core.ha.NodeRole.UNINITIALIZED);
        assertThat(node.core().haEnabled()).isTrue();
        assertThat(node.core().storageType()).isEqualTo("raft");
        assertThat(dir.resolve("raft")).isDirectory();
    }

    @Test
    void call_unknownKey_failsNamingKeyAndLine() throws Exception {
        Path file = config("storage \"inmem\" {}\nlistener \"tcp\" {\n  tls_disable = true\n  tls_disabled = true\n}\n");

        int exit = command(file).call();

        assertThat(exit).isEqualTo(1);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).startsWith("Error loading configuration: unknown key "
                + "\"tls_disabled\" in the listener \"tcp\" block on line 4 of " + file + "; valid keys: address,");
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void call_tlsMinVersion13_failsClearly() throws Exception {
        SelfSignedTls tls = SelfSignedTls.create(dir);
        Path file = config("""
                storage "inmem" {}
                listener "tcp" {
                  address         = "127.0.0.1:0"
                  tls_cert_file   = "%s"
                  tls_key_file    = "%s"
                  tls_min_version = "tls13"
                }
                """.formatted(tls.certFile(), tls.keyFile()));

        assertThat(command(file).call()).isEqualTo(1);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("tls_min_version \"tls13\" is not supported yet");
    }

    @Test
    void call_listenerCannotBind_failsAndClosesTheBackend() throws Exception {
        ConfiguredNode busy = start(config("storage \"inmem\" {}\nlistener \"tcp\" {\n address = \"127.0.0.1:0\"\n tls_disable = true\n}"));
        String taken = busy.addresses().get(0).substring("http://".length());
        ClosingTrackingBackend backend = new ClosingTrackingBackend();
        Path file = config("storage \"file\" { path = \"/unused\" }\nlistener \"tcp\" {\n address = \"" + taken + "\"\n tls_disable = true\n}");
        ServerCommand command = new ServerCommand(out, err, () -> new StorageBackends(path -> backend));
        new CommandLine(command).parseArgs("-config=" + file);

        assertThat(command.call()).isEqualTo(1);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).startsWith("Error starting server: cannot start listener " + taken);
        assertThat(backend.closed()).isTrue();
    }

    @Test
    void call_withoutConfigOrDev_isAUsageError() throws Exception {
        ServerCommand command = new ServerCommand(out, err);
        new CommandLine(command).parseArgs();

        assertThat(command.call()).isEqualTo(1);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("-config=FILE");
    }

    @Test
    void call_devAndConfig_isAUsageError() throws Exception {
        ServerCommand command = new ServerCommand(out, err);
        new CommandLine(command).parseArgs("-dev", "-config=" + config("storage \"inmem\" {}"));

        assertThat(command.call()).isEqualTo(1);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("-dev and -config cannot be combined");
    }

    @Test
    void storageBackends_raftWithoutNodeId_opensUnjoinedRaftStorageAndKeepsAGeneratedNodeId() throws Exception {
        StorageConfig raft = new StorageConfig.Raft(dir.resolve("raft"), java.util.Optional.empty(), 5, List.of(),
                java.util.Optional.empty());

        String first;
        try (io.coffer.core.physical.PhysicalBackend backend = new StorageBackends().open(raft, "127.0.0.1:18201")) {
            io.coffer.core.ha.HaBackend ha = (io.coffer.core.ha.HaBackend) backend;
            assertThat(backend.type()).isEqualTo("raft");
            assertThat(ha.isMember()).isFalse();
            assertThat(backend.get("core/seal-config")).isNull();
            first = ha.nodeId();
        }
        assertThat(Files.readString(dir.resolve("raft").resolve("node-id")).strip()).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(dir.resolve("raft").resolve("node-id")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        try (io.coffer.core.physical.PhysicalBackend again = new StorageBackends().open(raft, "127.0.0.1:18201")) {
            assertThat(((io.coffer.core.ha.HaBackend) again).nodeId()).isEqualTo(first);
        }
    }

    private Path config(String text) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "server", ".hcl"), text);
    }

    private ServerCommand command(Path file) {
        ServerCommand command = new ServerCommand(out, err);
        new CommandLine(command).parseArgs("-config=" + file);
        return command;
    }

    private ConfiguredNode start(Path file) {
        ConfiguredNode node = command(file).startConfigured();
        toClose.add(node);
        return node;
    }
}

package io.coffer.server.config;

import io.coffer.server.http.ForwardedFor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigParserTest {

    private final ServerConfigParser parser = new ServerConfigParser();

    static final String FULL_HCL = """
            # Coffer node 1
            storage "raft" {
              path                   = "/var/lib/coffer/raft"
              node_id                = "node-1"
              performance_multiplier = 2

              retry_join {
                leader_api_addr         = "https://10.0.0.2:8200"
                leader_ca_cert_file     = "/etc/coffer/ca.pem"
                leader_client_cert_file = "/etc/coffer/client.pem"
                leader_client_key_file  = "/etc/coffer/client-key.pem"
                leader_tls_servername   = "coffer-2.internal"
              }
              retry_join {
                leader_api_addr = "https://10.0.0.3:8200"
              }
            }

            listener "tcp" {
              address          = "0.0.0.0:8200"
              cluster_address  = "0.0.0.0:8201"
              tls_cert_file    = "/etc/coffer/tls.crt"
              tls_key_file     = "/etc/coffer/tls.key"
              tls_min_version  = "tls12"
              max_request_size = 1048576
            }

            listener "tcp" {
              address     = "127.0.0.1:8300"
              tls_disable = true
            }

            api_addr          = "https://10.0.0.1:8200"
            cluster_addr      = "https://10.0.0.1:8201"
            cluster_name      = "site-a"
            disable_mlock     = true
            log_level         = "debug"
            ui                = true
            default_lease_ttl = "1h"
            max_lease_ttl     = "720h"
            """;

    static final String FULL_JSON = """
            {
              "storage": {
                "raft": {
                  "path": "/var/lib/coffer/raft",
                  "node_id": "node-1",
                  "performance_multiplier": 2,
                  "retry_join": [
                    {
                      "leader_api_addr": "https://10.0.0.2:8200",
                      "leader_ca_cert_file": "/etc/coffer/ca.pem",
                      "leader_client_cert_file": "/etc/coffer/client.pem",
                      "leader_client_key_file": "/etc/coffer/client-key.pem",
                      "leader_tls_servername": "coffer-2.internal"
                    },
                    {"leader_api_addr": "https://10.0.0.3:8200"}
                  ]
                }
              },
              "listener": [
                {"tcp": {
                  "address": "0.0.0.0:8200",
                  "cluster_address": "0.0.0.0:8201",
                  "tls_cert_file": "/etc/coffer/tls.crt",
                  "tls_key_file": "/etc/coffer/tls.key",
                  "tls_min_version": "tls12",
                  "max_request_size": 1048576
                }},
                {"tcp": {"address": "127.0.0.1:8300", "tls_disable": "true"}}
              ],
              "api_addr": "https://10.0.0.1:8200",
              "cluster_addr": "https://10.0.0.1:8201",
              "cluster_name": "site-a",
              "disable_mlock": true,
              "log_level": "debug",
              "ui": true,
              "default_lease_ttl": "1h",
              "max_lease_ttl": "720h"
            }
            """;

    @Test
    void parse_fullHcl_typesEverySetting() {
        ServerConfig c = parser.parse("server.hcl", FULL_HCL);

        StorageConfig.Raft raft = (StorageConfig.Raft) c.storage();
        assertThat(raft.path()).isEqualTo(Path.of("/var/lib/coffer/raft"));
        assertThat(raft.nodeId()).contains("node-1");
        assertThat(raft.performanceMultiplier()).isEqualTo(2);
        assertThat(raft.retryJoin()).containsExactly(
                new StorageConfig.RetryJoin("https://10.0.0.2:8200", Optional.of(Path.of("/etc/coffer/ca.pem")),
                        Optional.of(Path.of("/etc/coffer/client.pem")), Optional.of(Path.of("/etc/coffer/client-key.pem")),
                        Optional.of("coffer-2.internal")),
                new StorageConfig.RetryJoin("https://10.0.0.3:8200", Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()));
        assertThat(c.listeners()).containsExactly(
                new TcpListener("0.0.0.0:8200", "0.0.0.0", 8200, Optional.of("0.0.0.0:8201"), false,
                        Optional.of(Path.of("/etc/coffer/tls.crt")), Optional.of(Path.of("/etc/coffer/tls.key")),
                        TlsVersion.TLS12, 1_048_576),
                new TcpListener("127.0.0.1:8300", "127.0.0.1", 8300, Optional.empty(), true, Optional.empty(),
                        Optional.empty(), TlsVersion.TLS12, TcpListener.DEFAULT_MAX_REQUEST_SIZE));
        assertThat(c.apiAddr()).contains("https://10.0.0.1:8200");
        assertThat(c.clusterAddr()).contains("https://10.0.0.1:8201");
        assertThat(c.clusterName()).contains("site-a");
        assertThat(c.disableMlock()).isTrue();
        assertThat(c.logLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(c.ui()).isTrue();
        assertThat(c.defaultLeaseTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(c.maxLeaseTtl()).isEqualTo(Duration.ofHours(720));
    }

    @Test
    void parse_fullJson_equalsTheHclForm() {
        assertThat(parser.parse("server.json", FULL_JSON)).isEqualTo(parser.parse("server.hcl", FULL_HCL));
    }

    @Test
    void parse_jsonWithSingleListenerObject_readsItLikeAList() {
        ServerConfig c = parser.parse("c.json", """
                {"storage": {"file": {"path": "/data"}},
                 "listener": {"tcp": {"address": "127.0.0.1:8200", "tls_disable": 1}}}
                """);

        assertThat(c.storage()).isEqualTo(new StorageConfig.File(Path.of("/data")));
        assertThat(c.listeners()).singleElement().satisfies(l -> assertThat(l.tlsDisable()).isTrue());
    }

    @Test
    void parse_minimalFile_appliesVaultDefaults() {
        ServerConfig c = parser.parse("c.hcl", """
                storage "file" { path = "/var/lib/coffer" }
                listener "tcp" {
                  tls_cert_file = "cert.pem"
                  tls_key_file  = "key.pem"
                }
                """);

        TcpListener l = c.listeners().get(0);
        assertThat(l.address()).isEqualTo("127.0.0.1:8200");
        assertThat(l.port()).isEqualTo(8200);
        assertThat(l.tlsDisable()).isFalse();
        assertThat(l.tlsMinVersion()).isEqualTo(TlsVersion.TLS12);
        assertThat(l.maxRequestSize()).isEqualTo(32L * 1024 * 1024);
        assertThat(c.logLevel()).isEqualTo(LogLevel.INFO);
        assertThat(c.defaultLeaseTtl()).isEqualTo(Duration.ofHours(768));
        assertThat(c.maxLeaseTtl()).isEqualTo(Duration.ofHours(768));
        assertThat(c.apiAddr()).isEmpty();
        assertThat(c.clusterName()).isEmpty();
        assertThat(c.ui()).isFalse();
        assertThat(c.disableMlock()).isFalse();
    }

    @Test
    void parse_inmemAndTlsDisableSpellings_areAccepted() {
        for (String disable : new String[]{"true", "\"true\"", "1", "\"1\"", "\"TRUE\""}) {
            ServerConfig c = parser.parse("c.hcl", "storage \"inmem\" {}\nlistener \"tcp\" { tls_disable = " + disable + " }");

            assertThat(c.storage()).isEqualTo(new StorageConfig.Inmem());
            assertThat(c.listeners().get(0).tlsDisable()).as(disable).isTrue();
        }
    }

    @Test
    void parse_tlsDisabledWithCertFiles_dropsTheFilesAsVaultIgnoresThem() {
        ServerConfig c = parser.parse("c.hcl", """
                storage "inmem" {}
                listener "tcp" {
                  tls_disable   = "true"
                  tls_cert_file = "cert.pem"
                  tls_key_file  = "key.pem"
                }
                """);

        assertThat(c.listeners().get(0).tlsCertFile()).isEmpty();
    }

    @Test
    void parse_maxRequestSizeForms_areBytes() {
        assertThat(listenerWith("max_request_size = \"2MiB\"").maxRequestSize()).isEqualTo(2L * 1024 * 1024);
        assertThat(listenerWith("max_request_size = \"5 KB\"").maxRequestSize()).isEqualTo(5000);
        assertThat(listenerWith("max_request_size = 0").maxRequestSize()).isEqualTo(TcpListener.DEFAULT_MAX_REQUEST_SIZE);
        assertThat(listenerWith("max_request_size = -1").maxRequestSize()).isEqualTo(TcpListener.UNLIMITED_REQUEST_SIZE);
    }

    @Test
    void parse_xForwardedFor_listOrCommaString_withVaultsDefaults() {
        assertThat(listenerWith("address = \"127.0.0.1:8200\"").forwardedFor().enabled()).isFalse();
        ForwardedFor list = listenerWith("x_forwarded_for_authorized_addrs = [\"10.0.0.0/8\", \"192.168.1.7\"]")
                .forwardedFor();
        assertThat(list.authorizedAddrs()).containsExactly("10.0.0.0/8", "192.168.1.7");
        assertThat(list.hopSkips()).isZero();
        assertThat(list.rejectNotAuthorized()).isTrue();
        assertThat(list.rejectNotPresent()).isTrue();
        TcpListener l = parser.parse("c.hcl", """
                storage "inmem" {}
                listener "tcp" {
                  tls_disable = true
                  x_forwarded_for_authorized_addrs      = "10.0.0.0/8, 172.16.0.1"
                  x_forwarded_for_hop_skips             = 1
                  x_forwarded_for_reject_not_authorized = false
                  x_forwarded_for_reject_not_present    = "false"
                }""").listeners().get(0);
        assertThat(l.forwardedFor()).isEqualTo(new ForwardedFor(List.of("10.0.0.0/8", "172.16.0.1"), 1, false, false));
    }

    @Test
    void parse_xForwardedFor_badValues_areConfigErrors() {
        assertThatThrownBy(() -> listenerWith("x_forwarded_for_authorized_addrs = \"10.0.0.0/99\""))
                .isInstanceOf(ServerConfigException.class).hasMessageContaining("x_forwarded_for_authorized_addrs");
        assertThatThrownBy(() -> listenerWith("x_forwarded_for_hop_skips = -1"))
                .isInstanceOf(ServerConfigException.class).hasMessageContaining("x_forwarded_for_hop_skips");
    }

    @Test
    void parse_ipv6AndHostlessAddresses_splitHostAndPort() {
        assertThat(listenerWith("address = \"[::1]:8200\"").host()).isEqualTo("::1");
        TcpListener any = listenerWith("address = \":8201\"");
        assertThat(any.host()).isEqualTo("0.0.0.0");
        assertThat(any.port()).isEqualTo(8201);
    }

    @Test
    void parse_durationForms_areTyped() {
        ServerConfig c = parser.parse("c.hcl", """
                storage "inmem" {}
                listener "tcp" { tls_disable = true }
                default_lease_ttl = 3600
                max_lease_ttl = "30d"
                """);

        assertThat(c.defaultLeaseTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(c.maxLeaseTtl()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void parse_raftWithoutMultiplier_usesVaultDefault() {
        ServerConfig c = parser.parse("c.hcl", """
                storage "raft" { path = "/data" }
                listener "tcp" { tls_disable = true }
                cluster_addr = "https://127.0.0.1:8201"
                """);

        StorageConfig.Raft raft = (StorageConfig.Raft) c.storage();
        assertThat(raft.performanceMultiplier()).isEqualTo(5);
        assertThat(raft.nodeId()).isEmpty();
        assertThat(raft.retryJoin()).isEmpty();
    }

    private TcpListener listenerWith(String line) {
        return parser.parse("c.hcl", "storage \"inmem\" {}\nlistener \"tcp\" {\n  tls_disable = true\n  " + line + "\n}")
                .listeners().get(0);
    }

    // ---- errors -------------------------------------------------------------------------------

    @Test
    void parse_unknownTopLevelKey_namesKeyAndLine() {
        assertThatThrownBy(() -> parser.parse("server.hcl", """
                storage "inmem" {}
                listener "tcp" { tls_disable = true }
                log_levle = "info"
                """))
                .isInstanceOfSatisfying(ServerConfigException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageStartingWith("unknown key \"log_levle\" at top level on line 3 of server.hcl; valid keys: storage, listener,");
    }

    @Test
    void parse_unknownListenerKey_namesKeyBlockAndLine() {
        assertThatThrownBy(() -> parser.parse("server.hcl", """
                storage "inmem" {}
                listener "tcp" {
                  tls_disable = true
                  adress      = "127.0.0.1:8200"
                }
                """))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("unknown key \"adress\" in the listener \"tcp\" block on line 4 of server.hcl; valid keys: "
                        + "address, cluster_address, tls_disable, tls_cert_file, tls_key_file, tls_min_version, max_request_size, "
                        + "x_forwarded_for_authorized_addrs, x_forwarded_for_hop_skips, x_forwarded_for_reject_not_authorized, "
                        + "x_forwarded_for_reject_not_present");
    }

    @Test
    void parse_unknownStorageKey_namesKeyBlockAndLine() {
        assertThatThrownBy(() -> parser.parse("server.hcl", """
                listener "tcp" { tls_disable = true }
                storage "file" {
                  path = "/data"
                  mode = "0600"
                }
                """))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("unknown key \"mode\" in the storage \"file\" block on line 4 of server.hcl; valid keys: path");
    }

    @Test
    void parse_keyInInmemStorage_isRefused() {
        assertThatThrownBy(() -> parser.parse("server.hcl", "storage \"inmem\" {\n  path = \"/x\"\n}\nlistener \"tcp\" { tls_disable = true }"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("unknown key \"path\" in the storage \"inmem\" block on line 2 of server.hcl; this block takes no keys");
    }

    @Test
    void parse_unknownRetryJoinKey_namesNestedBlockAndLine() {
        assertThatThrownBy(() -> parser.parse("server.hcl", """
                storage "raft" {
                  path = "/data"
                  retry_join {
                    leader_api_addr = "https://a:8200"
                  }
                  retry_join {
                    leader_api_adr = "https://b:8200"
                  }
                }
                listener "tcp" { tls_disable = true }
                cluster_addr = "https://127.0.0.1:8201"
                """))
                .isInstanceOfSatisfying(ServerConfigException.class, e -> assertThat(e.line()).isEqualTo(7))
                .hasMessageStartingWith("unknown key \"leader_api_adr\" in the retry_join block of storage \"raft\" on line 7 of server.hcl;");
    }

    @Test
    void parse_vaultKeyCofferLacks_saysItIsUnsupported() {
        assertThatThrownBy(() -> parser.parse("server.hcl", """
                storage "inmem" {}
                listener "tcp" { tls_disable = true }
                seal "awskms" { region = "us-east-1" }
                """))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("unsupported key \"seal\" at top level on line 3 of server.hcl: Coffer does not implement this Vault setting");
    }

    @Test
    void parse_unknownKeyInJson_namesKeyPathAndLine() {
        assertThatThrownBy(() -> parser.parse("server.json", """
                {
                  "storage": {"inmem": {}},
                  "listener": [
                    {"tcp": {"tls_disable": true}},
                    {"tcp": {
                      "tls_disable": true,
                      "bogus": 1
                    }}
                  ]
                }
                """))
                .isInstanceOfSatisfying(ServerConfigException.class, e -> assertThat(e.line()).isEqualTo(7))
                .hasMessageStartingWith("unknown key \"bogus\" in the listener \"tcp\" block at $.listener[1].tcp.bogus on line 7 of server.json;");
    }

    @Test
    void parse_unknownTopLevelKeyInJson_namesPath() {
        assertThatThrownBy(() -> parser.parse("server.json", "{\"storage\": {\"inmem\": {}},\n \"listener\": {\"tcp\": {\"tls_disable\": true}},\n \"x y\": 1}"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessageStartingWith("unknown key \"x y\" at top level at $[\"x y\"] on line 3 of server.json;");
    }

    @Test
    void parse_tlsDisableMaybe_namesKeyAndLine() {
        assertThatThrownBy(() -> parser.parse("server.hcl", """
                storage "inmem" {}
                listener "tcp" {
                  address     = "127.0.0.1:8200"
                  tls_disable = "maybe"
                }
                """))
                .isInstanceOfSatisfying(ServerConfigException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessage("tls_disable in the listener \"tcp\" block on line 4 of server.hcl must be a boolean "
                        + "(true, false, \"true\", \"false\", 1 or 0), got \"maybe\"");
    }

    @Test
    void parse_wrongTypeInJson_namesPathAndLine() {
        assertThatThrownBy(() -> parser.parse("server.json", """
                {"storage": {"file": {"path": ["/a"]}},
                 "listener": {"tcp": {"tls_disable": true}}}
                """))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("path in the storage \"file\" block at $.storage.file.path on line 1 of server.json must be a string, got a list");
    }

    @Test
    void parse_badValues_nameTheKeyAndWhatIsExpected() {
        assertError("log_level = \"verbose\"", "log_level at top level on line 3 of c.hcl must be one of trace, debug, info, warn, error, got \"verbose\"");
        assertError("default_lease_ttl = \"soon\"", "default_lease_ttl at top level on line 3 of c.hcl must be a duration such as \"768h\", \"30m\" or a number of seconds, got \"soon\"");
        assertError("max_lease_ttl = -5", "max_lease_ttl at top level on line 3 of c.hcl must not be negative, got -5");
        assertError("disable_mlock = 2", "disable_mlock at top level on line 3 of c.hcl must be a boolean (true, false, \"true\", \"false\", 1 or 0), got 2");
        assertError("api_addr = \"10.0.0.1:8200\"", "api_addr at top level on line 3 of c.hcl must be an http:// or https:// URL such as \"https://10.0.0.1:8200\", got \"10.0.0.1:8200\"");
        assertError("cluster_name = 7", "cluster_name at top level on line 3 of c.hcl must be a string, got 7");
        assertError("ui = { x = 1 }", "ui at top level on line 3 of c.hcl must be a boolean (true, false, \"true\", \"false\", 1 or 0), got a block");
    }

    @Test
    void parse_defaultTtlAboveMax_isRefused() {
        assertError("default_lease_ttl = \"800h\"", "default_lease_ttl at top level on line 3 of c.hcl must not exceed max_lease_ttl (800h0m0s > 768h0m0s)");
    }

    private void assertError(String line, String message) {
        assertThatThrownBy(() -> parser.parse("c.hcl", "storage \"inmem\" {}\nlistener \"tcp\" { tls_disable = true }\n" + line + "\n"))
                .isInstanceOfSatisfying(ServerConfigException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessage(message);
    }

    @Test
    void parse_badListenerValues_nameKeyAndLine() {
        assertListenerError("address = \"localhost\"", "address in the listener \"tcp\" block on line 4 of c.hcl must be host:port such as \"127.0.0.1:8200\", got \"localhost\"");
        assertListenerError("address = \"127.0.0.1:70000\"", "address in the listener \"tcp\" block on line 4 of c.hcl must be host:port such as \"127.0.0.1:8200\", got \"127.0.0.1:70000\"");
        assertListenerError("tls_min_version = \"ssl3\"", "tls_min_version in the listener \"tcp\" block on line 4 of c.hcl must be one of tls10, tls11, tls12, tls13, got \"ssl3\"");
        assertListenerError("max_request_size = \"lots\"", "max_request_size in the listener \"tcp\" block on line 4 of c.hcl must be a size in bytes such as 33554432 or \"32MiB\", got \"lots\"");
        assertListenerError("tls_disable = true", "tls_disable in the listener \"tcp\" block on line 4 of c.hcl is already set on line 3 of c.hcl");
    }

    private void assertListenerError(String line, String message) {
        assertThatThrownBy(() -> parser.parse("c.hcl", "storage \"inmem\" {}\nlistener \"tcp\" {\n  tls_disable = true\n  " + line + "\n}\n"))
                .isInstanceOfSatisfying(ServerConfigException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessage(message);
    }

    @Test
    void parse_tlsListenerWithoutCertificate_isRefusedAsVaultDoes() {
        assertThatThrownBy(() -> parser.parse("c.hcl", "storage \"inmem\" {}\n\nlistener \"tcp\" {\n  address = \"127.0.0.1:8200\"\n}"))
                .isInstanceOfSatisfying(ServerConfigException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessage("tls_cert_file is required in the listener \"tcp\" block on line 3 of c.hcl unless tls_disable = true");
        assertThatThrownBy(() -> parser.parse("c.hcl", "storage \"inmem\" {}\nlistener \"tcp\" {\n  tls_cert_file = \"c.pem\"\n}"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("tls_key_file is required in the listener \"tcp\" block on line 2 of c.hcl unless tls_disable = true");
    }

    @Test
    void parse_missingStorageOrListener_isRefused() {
        assertThatThrownBy(() -> parser.parse("c.hcl", "listener \"tcp\" { tls_disable = true }"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessageStartingWith("no storage block in c.hcl; add one, e.g. storage \"file\"");
        assertThatThrownBy(() -> parser.parse("c.hcl", "storage \"inmem\" {}"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessageStartingWith("no listener block in c.hcl; add one");
    }

    @Test
    void parse_twoStorageBlocks_namesBothLines() {
        assertThatThrownBy(() -> parser.parse("c.hcl", "storage \"inmem\" {}\nlistener \"tcp\" { tls_disable = true }\nstorage \"file\" { path = \"/d\" }"))
                .isInstanceOfSatisfying(ServerConfigException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessage("a second storage block on line 3 of c.hcl; the first is on line 1 of c.hcl and only one is allowed");
    }

    @Test
    void parse_unsupportedTypes_nameTypeAndLine() {
        assertThatThrownBy(() -> parser.parse("c.hcl", "listener \"tcp\" { tls_disable = true }\nstorage \"consul\" {}"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("unsupported storage type \"consul\" on line 2 of c.hcl; Coffer has storage \"file\", \"inmem\" and \"raft\"");
        assertThatThrownBy(() -> parser.parse("c.hcl", "storage \"inmem\" {}\nlistener \"unix\" { address = \"/run/c.sock\" }"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("unsupported listener type \"unix\" on line 2 of c.hcl; Coffer has listener \"tcp\" only");
    }

    @Test
    void parse_blockWithoutTypeLabel_isRefused() {
        assertThatThrownBy(() -> parser.parse("c.hcl", "storage {}\nlistener \"tcp\" { tls_disable = true }"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("storage at top level on line 1 of c.hcl needs a type label, e.g. storage \"TYPE\" { … }");
        assertThatThrownBy(() -> parser.parse("c.hcl", "storage = \"file\"\nlistener \"tcp\" { tls_disable = true }"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("storage at top level on line 1 of c.hcl must be a block, got \"file\"");
    }

    @Test
    void parse_raftProblems_areNamed() {
        String listener = "listener \"tcp\" { tls_disable = true }\n";
        assertThatThrownBy(() -> parser.parse("c.hcl", listener + "storage \"raft\" { path = \"/d\" }"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("cluster_addr is required at top level when storage \"raft\" is used (it is the Raft address)");
        assertThatThrownBy(() -> parser.parse("c.hcl", listener + "cluster_addr = \"https://a:8201\"\nstorage \"raft\" {\n  path = \"/d\"\n  performance_multiplier = 11\n}"))
                .isInstanceOfSatisfying(ServerConfigException.class, e -> assertThat(e.line()).isEqualTo(5))
                .hasMessage("performance_multiplier in the storage \"raft\" block on line 5 of c.hcl must be between 0 (the default, 5) and 10, got 11");
        assertThatThrownBy(() -> parser.parse("c.hcl", listener + "cluster_addr = \"https://a:8201\"\nstorage \"raft\" {\n  path = \"/d\"\n  retry_join {\n  }\n}"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("leader_api_addr is required in the retry_join block of storage \"raft\" on line 5 of c.hcl");
        assertThatThrownBy(() -> parser.parse("c.hcl", listener + "cluster_addr = \"https://a:8201\"\nstorage \"raft\" {}"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessage("path is required in the storage \"raft\" block on line 3 of c.hcl");
    }

    @Test
    void parse_syntaxError_namesLineAndColumn() {
        assertThatThrownBy(() -> parser.parse("c.hcl", "storage \"inmem\" {}\nlistener \"tcp\" {\n  tls_disable = true\n"))
                .isInstanceOfSatisfying(ServerConfigException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessage("HCL syntax error on line 4, column 1 of c.hcl: missing '}'");
        assertThatThrownBy(() -> parser.parse("c.json", "{\"storage\": }"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessageStartingWith("JSON syntax error on line 1, column ");
    }

    @Test
    void parse_jsonContentInHclNamedFile_isReadAsJson() {
        ServerConfig c = parser.parse("server.hcl", "{\"storage\": {\"inmem\": {}}, \"listener\": {\"tcp\": {\"tls_disable\": true}}}");

        assertThat(c.storage()).isInstanceOf(StorageConfig.Inmem.class);
    }
}
